/**
 * The issuer's signing keys. A key generation holds two key pairs under one id: RSA-2048 for
 * RS256 (OB 2.0 signed assertions, VC-JWT) and Ed25519 for Data Integrity (eddsa-rdfc-2022).
 *
 * Public parts live in the repository (keys.yaml) and on the site. Private parts travel as one
 * opaque string, `blason-key-v1:<base64url JSON>`, kept in a CI secret (BLASON_SIGNING_KEY), or
 * in a git-ignored development key file. Nothing here ever writes a private key to the site.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { ed25519Multibase } from './base58.ts';

export const SECRET_PREFIX = 'blason-key-v1:';
export const DEV_KEY_ID = 'dev';
export const KEY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface RsaPublicJwk {
	kty: 'RSA';
	n: string;
	e: string;
}

/** What is published about one key generation. */
export interface PublicKeyInfo {
	id: string;
	/** Date (YYYY-MM-DD) the key was generated. */
	created: string;
	/** Date it stopped signing; it stays published so earlier badges still verify. */
	retired?: string;
	rsa: RsaPublicJwk;
	/** Ed25519 public key as a Multikey value (`z6Mk…`). */
	ed25519: string;
	/** A generated key for local builds; never for a published site. */
	development: boolean;
}

export interface SigningKey {
	info: PublicKeyInfo;
	rsa: KeyObject;
	ed25519: KeyObject;
}

interface SecretJson {
	id: string;
	created: string;
	rsa: Record<string, string>;
	ed25519: Record<string, string>;
}

function publicInfo(id: string, created: string, rsa: KeyObject, ed25519: KeyObject, development: boolean): PublicKeyInfo {
	const rsaJwk = createPublicKey(rsa).export({ format: 'jwk' });
	const edJwk = createPublicKey(ed25519).export({ format: 'jwk' });
	return {
		id,
		created,
		rsa: { kty: 'RSA', n: rsaJwk.n!, e: rsaJwk.e! },
		ed25519: ed25519Multibase(Buffer.from(edJwk.x!, 'base64url')),
		development,
	};
}

export function generateSigningKey(id: string, created: string, development = false): SigningKey {
	if (!KEY_ID_PATTERN.test(id)) throw new Error(`invalid key id "${id}": use lower-case letters, digits and hyphens`);
	const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 }).privateKey;
	const ed25519 = generateKeyPairSync('ed25519').privateKey;
	return { info: publicInfo(id, created, rsa, ed25519, development), rsa, ed25519 };
}

/** The one-line secret for CI: both private keys, their id and creation date. */
export function exportSecret(key: SigningKey): string {
	const json: SecretJson = {
		id: key.info.id,
		created: key.info.created,
		rsa: key.rsa.export({ format: 'jwk' }) as Record<string, string>,
		ed25519: key.ed25519.export({ format: 'jwk' }) as Record<string, string>,
	};
	return SECRET_PREFIX + Buffer.from(JSON.stringify(json)).toString('base64url');
}

/** Thrown for a malformed secret; the message never contains the secret itself. */
export class SecretFormatError extends Error {}

export function parseSecret(secret: string, development = false): SigningKey {
	const text = secret.trim();
	if (!text.startsWith(SECRET_PREFIX)) {
		throw new SecretFormatError(`it does not start with "${SECRET_PREFIX}"; paste the whole line printed by \`npm run keys -- generate\``);
	}
	let json: SecretJson;
	try {
		json = JSON.parse(Buffer.from(text.slice(SECRET_PREFIX.length), 'base64url').toString('utf8'));
	} catch {
		throw new SecretFormatError('it is truncated or altered (not valid base64url JSON)');
	}
	try {
		const rsa = createPrivateKey({ key: json.rsa, format: 'jwk' });
		const ed25519 = createPrivateKey({ key: json.ed25519, format: 'jwk' });
		if (rsa.asymmetricKeyType !== 'rsa' || (rsa.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Error();
		if (ed25519.asymmetricKeyType !== 'ed25519') throw new Error();
		if (!KEY_ID_PATTERN.test(json.id)) throw new Error();
		return { info: publicInfo(json.id, json.created, rsa, ed25519, development), rsa, ed25519 };
	} catch {
		throw new SecretFormatError('its keys are missing or of the wrong type (RSA-2048 and Ed25519 expected)');
	}
}

/** True when two descriptions are of the same key pair (the published one and the secret's). */
export const samePublicKeys = (a: PublicKeyInfo, b: PublicKeyInfo) =>
	a.rsa.n === b.rsa.n && a.rsa.e === b.rsa.e && a.ed25519 === b.ed25519;
