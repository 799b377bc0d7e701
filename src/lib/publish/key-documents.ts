/**
 * Public key documents of the site (DIGEST §2.9): each RSA key as a single JWK at its `kid` URL
 * (the 1EdTech validator fetches exactly one JWK there), every key in /.well-known/jwks.json,
 * and the did:web DID document whose Multikey verification methods check Data Integrity proofs.
 * Only public members are ever copied; `assertPublicOnly` makes a slip fail the build.
 */
import type { Site } from '../content/model.ts';
import { didWeb } from '../ob3/did-web.ts';
import { ed25519FromMultibase } from '../signing/base58.ts';
import type { PublicKeyInfo } from '../signing/keys.ts';
import { siteUrls } from '../urls.ts';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'secretKeyMultibase', 'privateKeyMultibase'];

export function assertPublicOnly(doc: unknown, where: string): void {
	const walk = (v: unknown): void => {
		if (Array.isArray(v)) v.forEach(walk);
		else if (v && typeof v === 'object') {
			for (const [k, child] of Object.entries(v)) {
				if (PRIVATE_MEMBERS.includes(k)) throw new Error(`refusing to publish private key material (${k}) in ${where}`);
				walk(child);
			}
		}
	};
	walk(doc);
}

/** `did:web:…#<key id>`: the Data Integrity verification method of a key generation. */
export const verificationMethodId = (site: Site, keyId: string) => `${didWeb(site.issuer.site).did}#${keyId}`;

export function rsaJwk(site: Site, key: PublicKeyInfo): Record<string, string> {
	return { kty: 'RSA', n: key.rsa.n, e: key.rsa.e, alg: 'RS256', use: 'sig', kid: siteUrls(site.issuer.site).keyJwk(key.id) };
}

function ed25519Jwk(site: Site, key: PublicKeyInfo): Record<string, string> {
	const x = Buffer.from(ed25519FromMultibase(key.ed25519)).toString('base64url');
	return { kty: 'OKP', crv: 'Ed25519', x, alg: 'EdDSA', use: 'sig', kid: verificationMethodId(site, key.id) };
}

export function buildJwks(site: Site, keys: readonly PublicKeyInfo[]): { keys: Record<string, string>[] } {
	return { keys: keys.flatMap((k) => [rsaJwk(site, k), ed25519Jwk(site, k)]) };
}

export function buildDidDocument(site: Site, keys: readonly PublicKeyInfo[]): Record<string, unknown> {
	const { did } = didWeb(site.issuer.site);
	const url = siteUrls(site.issuer.site);
	const methods = keys.map((k) => ({
		id: verificationMethodId(site, k.id),
		type: 'Multikey',
		controller: did,
		publicKeyMultibase: k.ed25519,
	}));
	return {
		'@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
		id: did,
		alsoKnownAs: [url.issuerProfile()],
		verificationMethod: methods,
		// Retired keys stay here: they no longer sign, but what they signed remains valid.
		assertionMethod: methods.map((m) => m.id),
	};
}
