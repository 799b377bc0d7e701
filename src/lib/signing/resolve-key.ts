/**
 * Which key signs this build. The CI secret BLASON_SIGNING_KEY when it is set (it must be one
 * of the keys published in keys.yaml); otherwise a development key generated once into the
 * content repository's `.blason/` folder, which ignores itself in Git. A development key is
 * never a silent fallback: the build log and every page say so.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { blasonDir, ensureBlasonDir } from '../blason-dir.ts';
import type { Problem } from '../problems.ts';
import { DEV_KEY_ID, exportSecret, generateSigningKey, parseSecret, samePublicKeys, SecretFormatError, type PublicKeyInfo, type SigningKey } from './keys.ts';

export const SECRET_ENV = 'BLASON_SIGNING_KEY';
export const devKeyFile = (root: string) => path.join(blasonDir(root), 'dev-signing-key');

export interface ResolvedKey {
	key?: SigningKey;
	/** Every key the site publishes: keys.yaml, plus the development key when it signs. */
	published: PublicKeyInfo[];
	problems: Problem[];
}

export async function resolveSigningKey(root: string, published: readonly PublicKeyInfo[], env = process.env): Promise<ResolvedKey> {
	const secret = env[SECRET_ENV];
	if (secret?.trim()) return fromSecret(secret, published);
	const key = await devKey(root);
	return {
		key,
		published: [...published, key.info],
		problems: [
			{
				code: 'WARN_DEVELOPMENT_KEY',
				severity: 'warning',
				file: path.relative(root, devKeyFile(root)) || devKeyFile(root),
				message: `${SECRET_ENV} is not set: this site is signed with a DEVELOPMENT key, and every page says so`,
				hint: `for a real site, run \`npm run keys -- generate\` once and store the printed line in the CI secret ${SECRET_ENV} (README "Keys and signing")`,
			},
		],
	};
}

function fromSecret(secret: string, published: readonly PublicKeyInfo[]): ResolvedKey {
	const fail = (message: string, hint: string): ResolvedKey => ({
		published: [...published],
		problems: [{ code: 'ERR_SIGNING_KEY', severity: 'error', file: SECRET_ENV, message, hint }],
	});
	let key: SigningKey;
	try {
		key = parseSecret(secret);
	} catch (e) {
		if (!(e instanceof SecretFormatError)) throw e;
		return fail(`the ${SECRET_ENV} secret is not usable: ${e.message}`, 'copy the line printed by `npm run keys -- generate` again, or generate a new key');
	}
	const listed = published.find((k) => k.id === key.info.id);
	if (!listed) {
		return fail(
			`the key "${key.info.id}" in ${SECRET_ENV} is not published in keys.yaml, so nobody could verify its signatures`,
			`commit the keys.yaml written by \`npm run keys -- generate\`${published.length ? ` (published keys: ${published.map((k) => k.id).join(', ')})` : ''}`,
		);
	}
	if (!samePublicKeys(listed, key.info)) {
		return fail(
			`the key "${key.info.id}" in ${SECRET_ENV} does not match the public key with that id in keys.yaml`,
			'the secret and keys.yaml come from different `keys generate` runs: put back the keys.yaml entry, or generate a new key',
		);
	}
	const problems: Problem[] = listed.retired
		? [
				{
					code: 'WARN_SIGNING_KEY_RETIRED',
					severity: 'warning',
					file: 'keys.yaml',
					message: `the key "${listed.id}" in ${SECRET_ENV} was retired on ${listed.retired}`,
					hint: `replace the ${SECRET_ENV} secret with the line printed for the newest key`,
				},
			]
		: [];
	return { key: { ...key, info: listed }, published: [...published], problems };
}

async function devKey(root: string): Promise<SigningKey> {
	const file = devKeyFile(root);
	try {
		return parseSecret(await readFile(file, 'utf8'), true);
	} catch {
		const key = generateSigningKey(DEV_KEY_ID, new Date().toISOString().slice(0, 10), true);
		ensureBlasonDir(root);
		await writeFile(file, `${exportSecret(key)}\n`, { mode: 0o600 });
		await chmod(file, 0o600);
		return key;
	}
}
