/**
 * `--email`: does an address match the badge's recipient? The address is only hashed and
 * compared here; it never appears in a check message, a summary or an error.
 * WebCrypto only (no node:crypto), so the /verify/ page compares addresses with the same code.
 */
import { sha256, toHex } from '../bytes.ts';
import { m, type Checks } from './checks.ts';
import { asArray, asString, isObject, type JsonObject } from './json.ts';
import { md5Hex } from './md5.ts';

export interface HashedIdentity {
	hashed: boolean;
	/** `sha256$…`, `md5$…`, or the plaintext identity when not hashed. */
	identity: string;
	salt?: string | undefined;
}

/** The same rule as src/lib/identity.ts `hashEmail`: trimmed and lower-cased. */
const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * The spec defines no case rule for e-mail identities (DIGEST §1.5): Blason hashes the
 * lower-cased address, other issuers may have hashed it as typed, so both are tried.
 */
export async function emailMatches(email: string, recipient: HashedIdentity): Promise<boolean> {
	const typed = email.trim();
	if (!recipient.hashed) return normaliseEmail(recipient.identity.replace(/^mailto:/i, '')) === normaliseEmail(typed);
	const salt = recipient.salt ?? '';
	const [alg, hex] = recipient.identity.split('$');
	if (!hex) return false;
	const expected = hex.toLowerCase();
	const candidates = [...new Set([normaliseEmail(typed), typed])];
	if (alg!.toLowerCase() === 'sha256') {
		for (const candidate of candidates) if (toHex(await sha256(candidate + salt)) === expected) return true;
		return false;
	}
	if (alg!.toLowerCase() === 'md5') return candidates.some((candidate) => md5Hex(candidate + salt) === expected);
	return false;
}

/** True when any of `identities` is the address. */
export async function emailMatchesAny(email: string, identities: readonly HashedIdentity[]): Promise<boolean> {
	for (const identity of identities) if (await emailMatches(email, identity)) return true;
	return false;
}

const MATCH = m("l'adresse e-mail donnée correspond au destinataire", 'the e-mail address given matches the recipient');
const NO_MATCH = m("l'adresse e-mail donnée ne correspond pas au destinataire", 'the e-mail address given does not match the recipient');

/** The e-mail identity of an OB 2.0 assertion's `recipient` (IdentityObject, DIGEST §1.5), if it has one. */
export function ob2EmailIdentities(assertion: JsonObject): HashedIdentity[] {
	const r = assertion.recipient;
	if (!isObject(r) || typeof r.identity !== 'string' || r.type !== 'email') return [];
	return [{ hashed: r.hashed === true, identity: r.identity, salt: asString(r.salt) }];
}

/** OB 3.0 `credentialSubject`: `identifier[]` entries of type `emailAddress`, or a `mailto:` id (DIGEST §2.11 step 5). */
export function ob3EmailIdentities(subject: unknown): HashedIdentity[] {
	const candidates: HashedIdentity[] = [];
	if (isObject(subject)) {
		for (const entry of asArray(subject.identifier)) {
			if (isObject(entry) && entry.identityType === 'emailAddress' && typeof entry.identityHash === 'string') {
				candidates.push({ hashed: entry.hashed === true, identity: entry.identityHash, salt: asString(entry.salt) });
			}
		}
		if (typeof subject.id === 'string' && /^mailto:/i.test(subject.id)) candidates.push({ hashed: false, identity: subject.id });
	}
	return candidates;
}

/** OB 2.0 `recipient` (IdentityObject, DIGEST §1.5). Returns whether it matched. */
export async function checkOb2Recipient(checks: Checks, assertion: JsonObject, email: string): Promise<boolean> {
	const recipient = assertion.recipient;
	if (!isObject(recipient) || typeof recipient.identity !== 'string') {
		checks.fail('recipient', m("le badge n'a pas de destinataire (recipient.identity)", 'the badge has no recipient (recipient.identity)'));
		return false;
	}
	if (recipient.type !== 'email') {
		checks.fail('recipient', m(`le destinataire n'est pas une adresse e-mail (type ${String(recipient.type)})`, `the recipient is not an e-mail address (type ${String(recipient.type)})`));
		return false;
	}
	const ok = await emailMatchesAny(email, ob2EmailIdentities(assertion));
	(ok ? checks.pass : checks.fail)('recipient', ok ? MATCH : NO_MATCH);
	return ok;
}

/** OB 3.0 `credentialSubject`. Returns whether it matched. */
export async function checkOb3Recipient(checks: Checks, subject: unknown, email: string): Promise<boolean> {
	const candidates = ob3EmailIdentities(subject);
	if (candidates.length === 0) {
		checks.fail('recipient', m("le destinataire n'est pas identifié par une adresse e-mail", 'the recipient is not identified by an e-mail address'));
		return false;
	}
	const ok = await emailMatchesAny(email, candidates);
	(ok ? checks.pass : checks.fail)('recipient', ok ? MATCH : NO_MATCH);
	return ok;
}
