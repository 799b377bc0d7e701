/**
 * Public keys as JWKs (RFC 7517), imported with WebCrypto only when a signature is checked: the
 * verifier core holds no node:crypto KeyObject, so it runs in the browser as well as in Node.
 */
import { ed25519FromMultibase } from '../signing/base58.ts';
import { base64urlEncode } from '../bytes.ts';
import { m } from './checks.ts';
import type { JsonObject } from './json.ts';

/** The public members of an RSA, EC or OKP key, nothing else. */
export type PublicJwk =
	| { kty: 'RSA'; n: string; e: string }
	| { kty: 'EC'; crv: string; x: string; y: string }
	| { kty: 'OKP'; crv: string; x: string };

const text = (value: unknown, member: string): string => {
	if (typeof value !== 'string' || value === '') throw new Error(m(`clé JWK sans membre ${member}`, `JWK without its ${member} member`));
	return value;
};

/** WebCrypto's name for verifying with this key (any hash will do to see that it imports). */
function importParams(jwk: PublicJwk): RsaHashedImportParams | EcKeyImportParams | Algorithm {
	if (jwk.kty === 'RSA') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
	if (jwk.kty === 'EC') return { name: 'ECDSA', namedCurve: jwk.crv };
	return { name: jwk.crv };
}

/**
 * The public key in a JWK, checked by importing it: throws with the reason when it carries its
 * private part, is not a key WebCrypto knows, or does not import.
 */
export async function publicJwk(node: JsonObject): Promise<PublicJwk> {
	if ('d' in node) throw new Error(m('la clé publiée contient sa partie privée (d)', 'the published key contains its private part (d)'));
	let jwk: PublicJwk;
	if (node.kty === 'RSA') jwk = { kty: 'RSA', n: text(node.n, 'n'), e: text(node.e, 'e') };
	else if (node.kty === 'EC') jwk = { kty: 'EC', crv: text(node.crv, 'crv'), x: text(node.x, 'x'), y: text(node.y, 'y') };
	else if (node.kty === 'OKP' && node.crv === 'Ed25519') jwk = { kty: 'OKP', crv: 'Ed25519', x: text(node.x, 'x') };
	else throw new Error(m(`type de clé non pris en charge : ${String(node.kty)} ${String(node.crv ?? '')}`.trim(), `unsupported key type: ${String(node.kty)} ${String(node.crv ?? '')}`.trim()));
	try {
		await crypto.subtle.importKey('jwk', jwk, importParams(jwk), true, ['verify']);
	} catch (error) {
		throw new Error(m(`clé JWK invalide (${(error as Error).message})`, `invalid JWK (${(error as Error).message})`), { cause: error });
	}
	return jwk;
}

/** The Ed25519 key in a `z6Mk…` Multikey value; throws when it is not one. */
export function ed25519Jwk(multibase: string): PublicJwk {
	return { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(ed25519FromMultibase(multibase)) };
}
