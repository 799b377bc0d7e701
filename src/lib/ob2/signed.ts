/**
 * OB 2.0 signed badges (DIGEST §1.8, §1.12): the assertion signed as a compact JWS (RS256),
 * the CryptographicKey documents its `creator` points to, and the RevocationList verifiers read.
 */
import { createHash, createPublicKey } from 'node:crypto';
import type { Award, Site } from '../content/model.ts';
import type { PublicKeyInfo } from '../signing/keys.ts';
import { siteUrls } from '../urls.ts';
import { awardContext, buildAssertion, ERASED_REASON, OB2_CONTEXT } from './documents.ts';

/**
 * The signed form's id. It cannot be the hosted URL (that document says "hosted"), so it is a
 * UUID derived from that URL: stable across builds, listed in the RevocationList when revoked.
 */
export function signedAssertionId(site: Site, award: Award): string {
	const h = createHash('sha256').update(siteUrls(site.issuer.site).assertion(award.id)).digest('hex');
	// RFC 9562 version 8 (custom) UUID: the version and variant bits are set, the rest is the hash.
	return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function buildSignedAssertion(site: Site, award: Award, keyId: string): Record<string, unknown> {
	const { badge, recipient } = awardContext(site, award);
	const hosted = buildAssertion(award, recipient, badge, site.issuer);
	return {
		...hosted,
		id: signedAssertionId(site, award),
		verification: { type: 'SignedBadge', creator: siteUrls(site.issuer.site).cryptographicKey(keyId) },
	};
}

export function buildCryptographicKey(site: Site, key: PublicKeyInfo): Record<string, unknown> {
	const url = siteUrls(site.issuer.site);
	const pem = createPublicKey({ key: { ...key.rsa }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
	return {
		'@context': OB2_CONTEXT,
		type: 'CryptographicKey',
		id: url.cryptographicKey(key.id),
		owner: url.issuerProfile(),
		publicKeyPem: pem,
	};
}

/**
 * Revoked awards by both ids a verifier may hold: the signed form's UUID and the hosted URL.
 * An erased award is revoked too (a signed copy downloaded before still names the person), with
 * the reason of its tombstone, which wins over an earlier revocation's.
 */
export function buildRevocationList(site: Site): Record<string, unknown> {
	const url = siteUrls(site.issuer.site);
	return {
		'@context': OB2_CONTEXT,
		type: 'RevocationList',
		id: url.revocationList(),
		issuer: url.issuerProfile(),
		revokedAssertions: site.awards.flatMap((a) => {
			const reason = a.erased ? ERASED_REASON : a.revoked?.reason;
			if (reason === undefined) return [];
			return [
				{ id: signedAssertionId(site, a), revocationReason: reason },
				{ id: url.assertion(a.id), revocationReason: reason },
			];
		}),
	};
}
