/**
 * Where an issuer publishes: the place a key document must come from to count as the issuer's.
 * A did:web issuer publishes under its DID's base URL (for a Blason site: the site itself); an
 * https issuer under its origin.
 */
import { didWebDocumentUrl } from '../ob3/did-web.ts';

export function issuerHome(issuerId: string): string | undefined {
	if (/^did:web:/.test(issuerId)) {
		const url = didWebDocumentUrl(issuerId);
		return url?.replace(/(\.well-known\/)?did\.json$/, '');
	}
	try {
		const url = new URL(issuerId);
		return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.origin}/` : undefined;
	} catch {
		return undefined;
	}
}

/** Candidate JWKS locations of an issuer (OB 3.0 impl. guide "Key provenance", DIGEST §2.9). */
export function issuerJwksUrls(issuerId: string): string[] {
	const home = issuerHome(issuerId);
	if (!home) return [];
	const origin = new URL(home).origin;
	return [...new Set([`${home}.well-known/jwks.json`, `${origin}/.well-known/jwks.json`])];
}

/** True when the issuer's id can own keys at all (a URL or a DID), unlike a `urn:uuid:`. */
export const isResolvableIssuer = (issuerId: string) => /^(https?:|did:)/i.test(issuerId);
