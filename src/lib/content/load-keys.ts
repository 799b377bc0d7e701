import { createPublicKey } from 'node:crypto';
import type { Problem } from '../problems.ts';
import { ed25519FromMultibase } from '../signing/base58.ts';
import { DEV_KEY_ID, type PublicKeyInfo } from '../signing/keys.ts';
import { notUtf8, type GetText } from './read-context.ts';
import { validateAgainstSchema } from './schema-validation.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

export const KEYS_FILE = 'keys.yaml';

/**
 * Members that hold private key material: JWK private parameters (RFC 7518 §6.3.2, §6.2.2, §6.4)
 * and the usual names of private Multikey and JWK fields. None belongs in a published file.
 */
const PRIVATE_MEMBERS = new Set([
	'd', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k',
	'privateKey', 'privateKeyJwk', 'privateKeyMultibase', 'secretKeyMultibase', 'secretKey', 'private', 'secret',
]);

const LEAKED_HINT =
	'treat this key as leaked: delete the line (and purge it from the Git history), remove this key from keys.yaml so that its signatures stop verifying, then run `npm run keys -- generate`, replace the CI secret BLASON_SIGNING_KEY and rebuild (README "Keys and signing")';

interface RawKey {
	id?: unknown;
	created?: unknown;
	retired?: unknown;
	rsa?: { kty?: unknown; n?: unknown; e?: unknown };
	ed25519?: unknown;
}

/**
 * Reads keys.yaml, the published signing keys, if there is one. Every mistake becomes a located
 * problem; the keys are returned only as far as they are valid.
 */
export async function loadKeys(all: string[], getText: GetText, problems: Problem[]): Promise<PublicKeyInfo[]> {
	const file = KEYS_FILE;
	if (!all.includes(file)) return [];
	const text = await getText(file);
	if (text === undefined) {
		notUtf8(file, problems);
		return [];
	}
	const { source, problems: syntax } = parseYamlSource(text, file);
	problems.push(...syntax);
	if (!source) return [];
	return checkKeys(source, file, problems);
}

/** Checks parsed keys.yaml content; exported for the keys command, which edits the file. */
export function checkKeys(source: YamlSource, file: string, problems: Problem[]): PublicKeyInfo[] {
	const found: Problem[] = [];
	// Private members first: the schema would only call them "unknown fields".
	const privatePaths = new Set<string>();
	walk(source.data, [], (path, key) => {
		if (!PRIVATE_MEMBERS.has(key)) return;
		const field = [...path, key].join('.');
		privatePaths.add(field);
		const line = source.lineOf([...path, key]);
		// This message names the field and the key to revoke: it replaces the generic one the
		// file-wide secret scan (secrets.ts) may have given for the same line.
		const generic = problems.findIndex((p) => p.code === 'ERR_PRIVATE_KEY_COMMITTED' && p.file === file && p.line === line && !p.field);
		if (generic >= 0) problems.splice(generic, 1);
		found.push({
			code: 'ERR_PRIVATE_KEY_COMMITTED',
			severity: 'error',
			file,
			line,
			field,
			message: `"${key}" is a private key member: keys.yaml is published and holds public keys only${keyId(source.data, path)}`,
			hint: LEAKED_HINT,
		});
	});
	const schemaProblems = validateAgainstSchema('keys', source, file).filter(
		(p) => !(p.code === 'ERR_SCHEMA_UNKNOWN_FIELD' && p.field && privatePaths.has(p.field)),
	);
	found.push(...schemaProblems);

	const data = source.data as { keys?: unknown } | null;
	const raw: unknown[] = data && typeof data === 'object' && Array.isArray(data.keys) ? data.keys : [];
	const keys: PublicKeyInfo[] = [];
	const firstSeen = new Map<string, number | undefined>();
	const seenPublic = new Map<string, string>();
	raw.forEach((entry, i) => {
		if (!entry || typeof entry !== 'object') return;
		const k = entry as RawKey;
		const at = (...path: (string | number)[]) => ({ file, line: source.lineOf(['keys', i, ...path]), field: ['keys', i, ...path].join('.') });
		// A field the schema already refused is not checked again.
		const refused = (field: string) => found.some((p) => p.field === field || p.field?.startsWith(`${field}.`));
		let ok = !refused(`keys.${i}`);
		if (typeof k.id === 'string') {
			if (firstSeen.has(k.id)) {
				const line = firstSeen.get(k.id);
				found.push({
					code: 'ERR_KEYS_DUPLICATE_ID',
					severity: 'error',
					...at('id'),
					message: `key id "${k.id}" is already used${line ? ` on line ${line}` : ''}`,
					hint: 'each key generation needs its own id: it is part of the key\'s permanent URL. Keep the first entry and give this one another id',
				});
				ok = false;
			} else firstSeen.set(k.id, source.lineOf(['keys', i, 'id']));
			if (k.id === DEV_KEY_ID) {
				found.push({
					code: 'ERR_KEYS_RESERVED_ID',
					severity: 'error',
					...at('id'),
					message: `"${DEV_KEY_ID}" is reserved for the development key of local builds`,
					hint: 'give the key another id, e.g. its creation date',
				});
				ok = false;
			}
		}
		if (k.rsa && typeof k.rsa === 'object' && typeof k.rsa.n === 'string' && typeof k.rsa.e === 'string' && !refused(`keys.${i}.rsa`)) {
			const problem = rsaProblem(k.rsa.n, k.rsa.e);
			if (problem) {
				found.push({ code: 'ERR_KEYS_RSA_INVALID', severity: 'error', ...at('rsa', 'n'), ...problem });
				ok = false;
			}
		}
		if (typeof k.ed25519 === 'string' && !refused(`keys.${i}.ed25519`)) {
			try {
				ed25519FromMultibase(k.ed25519);
			} catch {
				found.push({
					code: 'ERR_KEYS_ED25519_INVALID',
					severity: 'error',
					...at('ed25519'),
					message: 'is not an Ed25519 public key in Multikey form',
					hint: 'it is truncated or altered: copy the whole z6Mk… value again from the keys.yaml that `npm run keys -- generate` wrote',
				});
				ok = false;
			}
		}
		if (typeof k.created === 'string' && typeof k.retired === 'string' && !refused(`keys.${i}.created`) && !refused(`keys.${i}.retired`) && k.retired < k.created) {
			found.push({
				code: 'ERR_KEYS_RETIRED_BEFORE_CREATED',
				severity: 'error',
				...at('retired'),
				message: `the key is retired on ${k.retired}, before it was created (${k.created})`,
				hint: 'check both dates: `retired` is the day a newer key replaced this one',
			});
			ok = false;
		}
		if (!ok) return;
		const info: PublicKeyInfo = {
			id: k.id as string,
			created: k.created as string,
			...(typeof k.retired === 'string' ? { retired: k.retired } : {}),
			rsa: { kty: 'RSA', n: k.rsa!.n as string, e: k.rsa!.e as string },
			ed25519: k.ed25519 as string,
			development: false,
		};
		const fingerprint = `${info.rsa.n} ${info.ed25519}`;
		const twin = seenPublic.get(fingerprint);
		if (twin) {
			found.push({
				code: 'ERR_KEYS_DUPLICATE_KEY',
				severity: 'error',
				...at('id'),
				message: `key "${info.id}" holds the same public keys as key "${twin}"`,
				hint: 'every key generation has its own key pair: remove the copy, or run `npm run keys -- generate` for a new key',
			});
			return;
		}
		seenPublic.set(fingerprint, info.id);
		keys.push(info);
	});
	problems.push(...found);
	return keys;
}

/** What is wrong with an RSA public JWK, if anything: it must import and be at least 2048 bits. */
function rsaProblem(n: string, e: string): { message: string; hint: string } | undefined {
	try {
		const key = createPublicKey({ key: { kty: 'RSA', n, e }, format: 'jwk' });
		const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
		if (bits < 2048) {
			return {
				message: `the RSA key is only ${bits} bits long`,
				hint: 'signatures need RSA keys of at least 2048 bits: run `npm run keys -- generate` for a new key',
			};
		}
		return undefined;
	} catch {
		return {
			message: 'is not a valid RSA public key',
			hint: 'it is truncated or altered: copy the whole value again from the keys.yaml that `npm run keys -- generate` wrote',
		};
	}
}

/** ` (key "ID")` when the private member sits inside a key entry with an id. */
function keyId(data: unknown, path: (string | number)[]): string {
	const i = path[0] === 'keys' ? path[1] : undefined;
	const id = typeof i === 'number' ? ((data as { keys: { id?: unknown }[] }).keys[i]?.id) : undefined;
	return typeof id === 'string' ? ` (key "${id}")` : '';
}

function walk(value: unknown, path: (string | number)[], visit: (path: (string | number)[], key: string) => void): void {
	if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit));
	else if (value && typeof value === 'object') {
		for (const [key, v] of Object.entries(value)) {
			visit(path, key);
			walk(v, [...path, key], visit);
		}
	}
}
