/**
 * Claim codes: a code given out at an event (on a slide, a flyer) that lets a participant's badge
 * request become a pull request without waiting for a maintainer. Only its hash is stored, in the
 * badge's front matter; the salt names the badge, so one code's hash says nothing about another
 * badge's. The code is checked in the workflow, never in the browser.
 *
 * Once someone types the code in a public issue, it is public: a code is for one event, and its
 * line is removed from badge.md afterwards. The pull request it opens is still reviewed.
 */
import { randomInt } from 'node:crypto';
import { hashIdentity } from '../identity.ts';

/** Shortest code accepted (once normalised): the hash is public, so a short code could be found by trying them all. */
export const CLAIM_CODE_MIN_LENGTH = 8;

/**
 * What is hashed: the code without spaces or hyphens, upper-cased, so that `k7m2 x9qd 4p1h` typed
 * on a phone is the same code as `K7M2-X9QD-4P1H` on the slide.
 */
export const normaliseClaimCode = (code: string) => code.replace(/[\s-]+/g, '').toUpperCase();

/** `sha256$` + hex, as written in badge.md: `hashIdentity(code, "blason-claim:" + slug)`. */
export const claimCodeHash = (code: string, badge: string) => hashIdentity(normaliseClaimCode(code), `blason-claim:${badge}`);

/** Whether `code` is the claim code whose hash the badge defines. */
export function claimCodeMatches(code: string, badge: string, hash: string): boolean {
	return claimCodeHash(code, badge) === hash;
}

// Crockford-style: no I, L, O, U, which are misread when copied from a slide.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh code, three groups of four (60 bits): `K7M2-X9QD-4P1H`. */
export const newClaimCode = () => Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');
