/**
 * Verifying an `eddsa-rdfc-2022` Data Integrity proof (W3C VC-DI-EDDSA §3.2) with WebCrypto, so
 * that Node and the browser run the same check: the proof options and the document are each
 * canonicalised to N-Quads (RDFC-1.0) with the bundled contexts only, hashed with SHA-256, and the
 * Ed25519 signature must cover proofHash ‖ documentHash. This is the same definition as the
 * signer's `hashData` (src/lib/signing/data-integrity.ts, node:crypto); a unit test holds them
 * equal. jsonld.js runs in safe mode: a term no context defines is an error, not silently unsigned.
 */
import jsonld from 'jsonld';
import { offlineDocumentLoader } from '../jsonld/contexts.ts';
import { base58Decode } from '../signing/base58.ts';
import { concatBytes, sha256 } from '../bytes.ts';
import type { JsonObject } from './json.ts';
import type { PublicJwk } from './public-key.ts';

export const CRYPTOSUITE = 'eddsa-rdfc-2022' as const;

export interface DataIntegrityProof {
	type: 'DataIntegrityProof';
	created?: string;
	verificationMethod: string;
	cryptosuite: typeof CRYPTOSUITE;
	proofPurpose: string;
	proofValue: string;
}

const loader = offlineDocumentLoader();

const canonize = (doc: object) => jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader, safe: true });

/** SHA-256(canonical proof options) ‖ SHA-256(canonical document). */
export async function proofHashData(unsecured: JsonObject, options: JsonObject): Promise<Uint8Array<ArrayBuffer>> {
	const [proofCanon, docCanon] = await Promise.all([canonize({ '@context': unsecured['@context'], ...options }), canonize(unsecured)]);
	return concatBytes([await sha256(proofCanon), await sha256(docCanon)]);
}

/**
 * Checks one proof of `secured` against an Ed25519 public key. Returns false for a wrong
 * signature; throws when the document or the proof cannot be processed (unknown terms, bad value).
 */
export async function verifyEddsaProof(secured: JsonObject, proof: DataIntegrityProof, publicKey: PublicJwk): Promise<boolean> {
	if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== CRYPTOSUITE) {
		throw new Error(`unsupported proof: ${String(proof.type)} ${proof.cryptosuite ?? ''}`.trim());
	}
	if (typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith('z')) throw new Error('proofValue is not a base58btc multibase value');
	if (publicKey.kty !== 'OKP' || publicKey.crv !== 'Ed25519') throw new Error(`the key is not an Ed25519 key (${publicKey.kty})`);
	const { proof: _all, ...unsecured } = secured;
	const { proofValue, ...options } = proof;
	const signature = base58Decode(proofValue.slice(1));
	if (signature.length !== 64) return false;
	const key = await crypto.subtle.importKey('jwk', publicKey, { name: 'Ed25519' }, false, ['verify']);
	return crypto.subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(signature), await proofHashData(unsecured, options));
}
