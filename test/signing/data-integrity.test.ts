/**
 * eddsa-rdfc-2022 against vectors made elsewhere: the 1EdTech implementation guide's test vector
 * (canonical N-Quads and signature) and a credential the 1EdTech validator accepts.
 */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ed25519FromMultibase } from '../../src/lib/signing/base58.ts';
import { createProof, hashData, verifyProof, type DataIntegrityProof } from '../../src/lib/signing/data-integrity.ts';
import { sharedSpec } from '../helpers.ts';

const readJson = (rel: string) => JSON.parse(readFileSync(`${sharedSpec}/data/${rel}`, 'utf8'));
const sha256 = (text: string) => createHash('sha256').update(text).digest();
const publicKeyFromVm = (vm: string) =>
	createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(ed25519FromMultibase(vm.split('#')[1]!)).toString('base64url') }, format: 'jwk' });

describe('eddsa-rdfc-2022', () => {
	const signed = readJson('samples/ob3/spec-extracted/eddsa-rdfc-2022-test-vector-signed.json');
	const proof = signed.proof as DataIntegrityProof;

	it('hashes exactly the canonical N-Quads of the 1EdTech test vector', async () => {
		const unsigned = readJson('samples/ob3/spec-extracted/eddsa-rdfc-2022-test-vector-unsigned.json');
		const { proofValue: _, ...options } = proof;
		const docCanon = readFileSync(`${sharedSpec}/data/ob3/test-vectors/eddsa-rdfc-2022/document-canon.txt`, 'utf8');
		const proofCanon = readFileSync(`${sharedSpec}/data/ob3/test-vectors/eddsa-rdfc-2022/proof-canon.txt`, 'utf8');
		const hash = Buffer.from(await hashData(unsigned, options));
		expect(hash.subarray(0, 32).toString('hex')).toBe(sha256(proofCanon).toString('hex'));
		expect(hash.subarray(32).toString('hex')).toBe(sha256(docCanon).toString('hex'));
		expect(hash.subarray(32).toString('hex')).toMatch(/^87f65a76/);
	});

	it('verifies the test vector signature and the validator sample, and rejects tampering', async () => {
		expect(await verifyProof(signed, proof, publicKeyFromVm(proof.verificationMethod))).toBe(true);
		const sample = readJson('samples/ob3/validator/simple.json');
		const sampleProof = [sample.proof].flat()[0];
		expect(await verifyProof(sample, sampleProof, publicKeyFromVm(sampleProof.verificationMethod))).toBe(true);

		const tampered = structuredClone(signed);
		tampered.credentialSubject.achievement.name = 'Teamwork!';
		expect(await verifyProof(tampered, proof, publicKeyFromVm(proof.verificationMethod))).toBe(false);
		const otherKey = generateKeyPairSync('ed25519').publicKey;
		expect(await verifyProof(signed, proof, otherKey)).toBe(false);
	});

	it('signs deterministically and refuses terms no context defines', async () => {
		const { privateKey, publicKey } = generateKeyPairSync('ed25519');
		const { proof: _, ...unsigned } = signed;
		const options = { created: '2026-01-01T00:00:00Z', verificationMethod: 'did:web:example.org#key-1' };
		const a = await createProof(unsigned, options, privateKey);
		expect(await createProof(unsigned, options, privateKey)).toEqual(a);
		expect(await verifyProof({ ...unsigned, proof: [a] }, a, publicKey)).toBe(true);
		await expect(createProof({ ...unsigned, colour: 'blue' }, options, privateKey)).rejects.toThrow(/colour|safe mode|dropped/i);
	});
});
