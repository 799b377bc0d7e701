/**
 * A signature to make, as plain data so it can cross to a worker thread, and how to make it.
 * Both algorithms are deterministic (RSASSA-PKCS1-v1_5 and Ed25519), which is what makes
 * caching signatures safe: a cached result is byte for byte what signing again would give.
 */
import { sign, type KeyObject } from 'node:crypto';
import { createProof, type ProofOptions } from './data-integrity.ts';

export type SignJob =
	/** RS256 over a JWS signing input (`header.payload`, both base64url). */
	| { kind: 'rs256'; input: string }
	/** eddsa-rdfc-2022 proof value of an unsecured JSON-LD document. */
	| { kind: 'eddsa-rdfc-2022'; document: Record<string, unknown>; options: ProofOptions };

export interface PrivateKeys {
	rsa: KeyObject;
	ed25519: KeyObject;
}

export async function runJob(job: SignJob, keys: PrivateKeys): Promise<string> {
	if (job.kind === 'rs256') return sign('sha256', Buffer.from(job.input), keys.rsa).toString('base64url');
	return (await createProof(job.document, job.options, keys.ed25519)).proofValue;
}
