/**
 * `--email`: does an address match the badge's recipient? The address is only hashed and
 * compared here; it never appears in a check message, a summary or an error.
 */
import { createHash } from 'node:crypto';
import { hashEmail, hashIdentity, normaliseEmail } from '../identity.ts';
import { m, type Checks } from './checks.ts';
import { asArray, asString, isObject, type JsonObject } from './json.ts';

export interface HashedIdentity {
	hashed: boolean;
	/** `sha256$…`, `md5$…`, or the plaintext identity when not hashed. */
	identity: string;
	salt?: string | undefined;
}

/**
 * The spec defines no case rule for e-mail identities (DIGEST §1.5): Blason hashes the
 * lower-cased address, other issuers may have hashed it as typed, so both are tried.
 */
export function emailMatches(email: string, recipient: HashedIdentity): boolean {
	const typed = email.trim();
	if (!recipient.hashed) return normaliseEmail(recipient.identity.replace(/^mailto:/i, '')) === normaliseEmail(typed);
	const salt = recipient.salt ?? '';
	const [alg, hex] = recipient.identity.split('$');
	if (!hex) return false;
	const expected = `${alg!.toLowerCase()}$${hex.toLowerCase()}`;
	if (alg!.toLowerCase() === 'sha256') return expected === hashEmail(typed, salt) || expected === hashIdentity(typed, salt);
	if (alg!.toLowerCase() === 'md5') {
		const md5 = (s: string) => `md5$${createHash('md5').update(s + salt, 'utf8').digest('hex')}`;
		return expected === md5(normaliseEmail(typed)) || expected === md5(typed);
	}
	return false;
}

const MATCH = m("l'adresse e-mail donnée correspond au destinataire", 'the e-mail address given matches the recipient');
const NO_MATCH = m("l'adresse e-mail donnée ne correspond pas au destinataire", 'the e-mail address given does not match the recipient');

/** OB 2.0 `recipient` (IdentityObject, DIGEST §1.5). Returns whether it matched. */
export function checkOb2Recipient(checks: Checks, assertion: JsonObject, email: string): boolean {
	const recipient = assertion.recipient;
	if (!isObject(recipient) || typeof recipient.identity !== 'string') {
		checks.fail('recipient', m("le badge n'a pas de destinataire (recipient.identity)", 'the badge has no recipient (recipient.identity)'));
		return false;
	}
	if (recipient.type !== 'email') {
		checks.fail('recipient', m(`le destinataire n'est pas une adresse e-mail (type ${String(recipient.type)})`, `the recipient is not an e-mail address (type ${String(recipient.type)})`));
		return false;
	}
	const ok = emailMatches(email, { hashed: recipient.hashed === true, identity: recipient.identity, salt: asString(recipient.salt) });
	(ok ? checks.pass : checks.fail)('recipient', ok ? MATCH : NO_MATCH);
	return ok;
}

/** OB 3.0 `credentialSubject`: `identifier[]` entries of type `emailAddress`, or a `mailto:` id (DIGEST §2.11 step 5). */
export function checkOb3Recipient(checks: Checks, subject: unknown, email: string): boolean {
	const candidates: HashedIdentity[] = [];
	if (isObject(subject)) {
		for (const entry of asArray(subject.identifier)) {
			if (isObject(entry) && entry.identityType === 'emailAddress' && typeof entry.identityHash === 'string') {
				candidates.push({ hashed: entry.hashed === true, identity: entry.identityHash, salt: asString(entry.salt) });
			}
		}
		if (typeof subject.id === 'string' && /^mailto:/i.test(subject.id)) candidates.push({ hashed: false, identity: subject.id });
	}
	if (candidates.length === 0) {
		checks.fail('recipient', m("le destinataire n'est pas identifié par une adresse e-mail", 'the recipient is not identified by an e-mail address'));
		return false;
	}
	const ok = candidates.some((c) => emailMatches(email, c));
	(ok ? checks.pass : checks.fail)('recipient', ok ? MATCH : NO_MATCH);
	return ok;
}
