/**
 * Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C VC-DI-EDDSA §3.2): the
 * document and the proof options are canonicalised to N-Quads (RDFC-1.0, contexts bundled), each
 * hashed with SHA-256, and the concatenation proofHash ‖ documentHash is signed with Ed25519.
 *
 * jsonld.js runs in safe mode: a property that no context defines would silently drop out of the
 * canonical form and so out of what is signed; safe mode makes that an error instead.
 */
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import jsonld from 'jsonld';
import { offlineDocumentLoader } from '../jsonld/contexts.ts';
import { base58Decode, base58Encode } from './base58.ts';

export const CRYPTOSUITE = 'eddsa-rdfc-2022' as const;

export interface ProofOptions {
	/** XML Schema dateTime: when the proof was made. */
	created: string;
	/** URL (or DID URL) of the Multikey that verifies the proof. */
	verificationMethod: string;
	proofPurpose?: 'assertionMethod';
}

export interface DataIntegrityProof {
	type: 'DataIntegrityProof';
	created: string;
	verificationMethod: string;
	cryptosuite: typeof CRYPTOSUITE;
	proofPurpose: string;
	proofValue: string;
}

type JsonObject = Record<string, unknown>;
const defaultLoader = offlineDocumentLoader();

const canonize = (doc: object, documentLoader = defaultLoader) =>
	jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true });

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function proofConfig(document: JsonObject, proof: Omit<DataIntegrityProof, 'proofValue'>): JsonObject {
	return { '@context': document['@context'], ...proof };
}

/** The exact bytes an eddsa-rdfc-2022 signature covers: SHA-256(proof config) ‖ SHA-256(document). */
export async function hashData(
	unsecured: JsonObject,
	proof: Omit<DataIntegrityProof, 'proofValue'>,
	documentLoader = defaultLoader,
): Promise<Uint8Array> {
	const [proofCanon, docCanon] = await Promise.all([
		canonize(proofConfig(unsecured, proof), documentLoader),
		canonize(unsecured, documentLoader),
	]);
	return Buffer.concat([sha256(proofCanon), sha256(docCanon)]);
}

/** The proof object for `unsecured` (which must not carry a proof). Deterministic: Ed25519 is. */
export async function createProof(unsecured: JsonObject, options: ProofOptions, privateKey: KeyObject): Promise<DataIntegrityProof> {
	if ('proof' in unsecured) throw new Error('the document already has a proof');
	const proof = {
		type: 'DataIntegrityProof' as const,
		created: options.created,
		verificationMethod: options.verificationMethod,
		cryptosuite: CRYPTOSUITE,
		proofPurpose: options.proofPurpose ?? 'assertionMethod',
	};
	const signature = sign(null, await hashData(unsecured, proof), privateKey);
	return { ...proof, proofValue: `z${base58Encode(signature)}` };
}

/**
 * Checks one eddsa-rdfc-2022 proof of `secured` against a raw Ed25519 public key. Returns false
 * for a wrong signature; throws when the document cannot be processed (unknown terms, bad proof).
 */
export async function verifyProof(
	secured: JsonObject,
	proof: DataIntegrityProof,
	publicKey: KeyObject,
	documentLoader = defaultLoader,
): Promise<boolean> {
	if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== CRYPTOSUITE) {
		throw new Error(`unsupported proof: ${proof.type} ${proof.cryptosuite ?? ''}`.trim());
	}
	if (!proof.proofValue?.startsWith('z')) throw new Error('proofValue is not a base58btc multibase value');
	const { proof: _all, ...unsecured } = secured;
	const { proofValue, ...options } = proof;
	const signature = base58Decode(proofValue.slice(1));
	if (signature.length !== 64) return false;
	return verify(null, await hashData(unsecured, options, documentLoader), publicKey, signature);
}
