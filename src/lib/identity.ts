import { hash, randomBytes } from 'node:crypto';
import { statusIndex } from './ob3/status-list.ts';

/**
 * Open Badges identity hash: `sha256$` + hex(SHA-256(identity + salt)), identity then salt,
 * UTF-8, lowercase hex (OB 2.0 §IdentityHash, same rule in OB 3.0).
 * E-mail addresses are trimmed and lower-cased first, and recipients are told to type
 * their address in any case: the verifier lower-cases it too.
 */
export function hashEmail(email: string, salt: string): string {
	return hashIdentity(normaliseEmail(email), salt);
}

export function hashIdentity(identity: string, salt: string): string {
	// One-shot crypto.hash (UTF-8 input): twice as fast as createHash, which counts when
	// `npm run award` looks for a person among thousands of recipients, one salt at a time.
	return `sha256$${hash('sha256', identity + salt, 'hex')}`;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** 16 random bytes as URL-safe base64: fits the recipient schema's salt pattern. */
export const newSalt = () => randomBytes(16).toString('base64url');

export const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** Crockford-style base32 (no i, l, o, u): readable when typed from a printed certificate. */
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A new permanent award id: 12 characters, 60 random bits. `taken` (the ids already in use)
 * rules out an id whose revocation status bit another award already owns (ob3/status-list.ts).
 */
export function newAwardId(taken: Iterable<string> = []): string {
	const slots = new Set(Array.from(taken, statusIndex));
	for (;;) {
		const id = Array.from(randomBytes(12), (b) => ID_ALPHABET[b & 31]).join('');
		if (!slots.has(statusIndex(id))) return id;
	}
}
