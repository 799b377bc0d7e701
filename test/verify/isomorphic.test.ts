/**
 * The verifier core runs in the browser (the /verify/ page) as well as in Node: it must import no
 * node:* module and use no Buffer or process, and its WebCrypto / DecompressionStream parts must
 * give exactly what the node:crypto / zlib code they replaced gave.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hashEmail } from '../../src/lib/identity.ts';
import { ed25519FromMultibase } from '../../src/lib/signing/base58.ts';
import { hashData } from '../../src/lib/signing/data-integrity.ts';
import { base64urlDecode, base64urlEncode, gunzipCapped } from '../../src/lib/bytes.ts';
import { badgeRecipients, emailMatchesAny, unbake, type Fetcher } from '../../src/lib/verify/core.ts';
import { proofHashData, verifyEddsaProof, type DataIntegrityProof } from '../../src/lib/verify/data-integrity.ts';
import { md5Hex } from '../../src/lib/verify/md5.ts';
import { ed25519Jwk } from '../../src/lib/verify/public-key.ts';
import { emailMatches } from '../../src/lib/verify/recipient.ts';
import { projectRoot, sharedSpec } from '../helpers.ts';

/** Every module core.ts reaches through relative imports, with its source. */
function coreModules(): Map<string, string> {
	const seen = new Map<string, string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		const source = readFileSync(file, 'utf8');
		seen.set(file, source);
		for (const [, spec] of source.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
			if (spec!.startsWith('.')) visit(path.resolve(path.dirname(file), spec!));
		}
	};
	visit(path.join(projectRoot, 'src/lib/verify/core.ts'));
	return seen;
}

describe('the verifier core is isomorphic', () => {
	it('imports no node:* module, only browser-ready packages, and uses no Buffer or process', () => {
		const modules = coreModules();
		expect(modules.size).toBeGreaterThan(20);
		const packages = new Set<string>();
		for (const [file, source] of modules) {
			const name = path.relative(projectRoot, file);
			const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
			for (const [, spec] of code.matchAll(/from\s+'([^'.][^']*)'/g)) packages.add(spec!);
			expect(code, name).not.toMatch(/\bBuffer\b|\bprocess\.|\brequire\(/);
			expect(code, name).not.toMatch(/from\s+'node:/);
		}
		// 'ajv' itself only for its types.
		expect([...packages].sort()).toEqual(['ajv', 'ajv-formats', 'ajv/dist/2019.js', 'jose', 'jsonld']);
		for (const nodeOnly of ['read-input.ts', 'http-fetcher.ts', 'site-fetcher.ts', 'verify-badge.ts', 'index.ts']) {
			expect([...modules.keys()].map((f) => path.basename(f))).not.toContain(nodeOnly);
		}
	});

	it('bundles 1EdTech’s AchievementCredential schema as published, but for its description and $comment annotations', () => {
		const MAPS = new Set(['properties', '$defs', 'patternProperties', 'definitions', 'dependentSchemas']);
		const strip = (node: unknown): unknown => {
			if (Array.isArray(node)) return node.map(strip);
			if (!node || typeof node !== 'object') return node;
			return Object.fromEntries(
				Object.entries(node)
					.filter(([k, v]) => !((k === 'description' || k === '$comment') && typeof v === 'string'))
					.map(([k, v]) => [k, MAPS.has(k) && v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([n, s]) => [n, strip(s)])) : strip(v)]),
			);
		};
		const published = JSON.parse(readFileSync(`${sharedSpec}/data/ob3/schema/achievementcredential.json`, 'utf8'));
		const bundled = JSON.parse(readFileSync(path.join(projectRoot, 'src/lib/verify/schemas/achievementcredential.json'), 'utf8'));
		expect(bundled).toEqual(strip(published));
		// Property definitions named "description" are kept: only the annotations go.
		expect(bundled.$defs.Achievement.properties.description).toMatchObject({ type: 'string' });
	});

	it('base64url decodes and encodes as Buffer does', () => {
		for (const length of [0, 1, 2, 3, 31, 32, 33, 100, 70_000]) {
			const bytes = new Uint8Array(randomBytes(length));
			const text = Buffer.from(bytes).toString('base64url');
			expect(base64urlEncode(bytes)).toBe(text);
			expect(Buffer.from(base64urlDecode(text)).equals(Buffer.from(bytes))).toBe(true);
			expect(Buffer.from(base64urlDecode(Buffer.from(bytes).toString('base64'))).equals(Buffer.from(bytes))).toBe(true);
		}
		expect(() => base64urlDecode('ab$c')).toThrow(/not base64url/);
	});

	it('gunzips with DecompressionStream, and stops a gzip bomb at the limit', async () => {
		const bits = new Uint8Array(randomBytes(4096));
		expect(Buffer.from(await gunzipCapped(gzipSync(bits), 4096)).equals(Buffer.from(bits))).toBe(true);
		await expect(gunzipCapped(gzipSync(Buffer.alloc(64 * 1024 * 1024)), 16 * 1024 * 1024)).rejects.toThrow(RangeError);
		await expect(gunzipCapped(new Uint8Array([1, 2, 3, 4]), 1024)).rejects.toThrow(/not valid gzip/);
	});

	it('MD5 and the e-mail hashes agree with node:crypto and with the hash Blason publishes', async () => {
		for (const text of ['', 'abc', 'lea.martin@example.orgdeadseasalt', 'é'.repeat(100), 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'x'.repeat(1000)]) {
			expect(md5Hex(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex'));
		}
		const identity = hashEmail('lea.martin@example.org', 'deadseasalt');
		expect(await emailMatches('  Lea.Martin@Example.org ', { hashed: true, identity, salt: 'deadseasalt' })).toBe(true);
		expect(await emailMatches('lea.martin@example.com', { hashed: true, identity, salt: 'deadseasalt' })).toBe(false);
		const md5 = `md5$${createHash('md5').update('Lea@Example.org' + 's').digest('hex')}`;
		expect(await emailMatches('Lea@Example.org', { hashed: true, identity: md5, salt: 's' })).toBe(true);
		expect(await emailMatchesAny('lea@example.org', [{ hashed: false, identity: 'mailto:Lea@example.org' }])).toBe(true);
	});

	it('hashes and verifies eddsa-rdfc-2022 proofs exactly as the signer does', async () => {
		const signed = JSON.parse(readFileSync(`${sharedSpec}/data/samples/ob3/spec-extracted/eddsa-rdfc-2022-test-vector-signed.json`, 'utf8'));
		const { proof, ...unsigned } = signed as { proof: DataIntegrityProof };
		const { proofValue: _, ...options } = proof;
		expect(Buffer.from(await proofHashData(unsigned, options)).equals(Buffer.from(await hashData(unsigned, options as Parameters<typeof hashData>[1])))).toBe(true);
		const key = ed25519Jwk(proof.verificationMethod.split('#')[1]!);
		expect(Buffer.from(key.kty === 'OKP' ? base64urlDecode(key.x) : []).equals(Buffer.from(ed25519FromMultibase(proof.verificationMethod.split('#')[1]!)))).toBe(true);
		expect(await verifyEddsaProof(signed, proof, key)).toBe(true);
		const tampered = structuredClone(signed);
		tampered.credentialSubject.achievement.name = 'Teamwork!';
		expect(await verifyEddsaProof(tampered, proof, key)).toBe(false);
	});

	it('finds the e-mail identities of a badge without fetching anything it was not given', async () => {
		const requests: string[] = [];
		const fetcher: Fetcher = async (url) => {
			requests.push(url);
			return { url, status: 404, body: new Uint8Array() };
		};
		const credential = JSON.parse(readFileSync(`${sharedSpec}/data/samples/ob3/validator/simple.json`, 'utf8'));
		const subject = { ...credential.credentialSubject, identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: hashEmail('a@b.org', 'x'), salt: 'x' }] };
		const input = unbake(new TextEncoder().encode(JSON.stringify({ ...credential, credentialSubject: subject })), 'credential.json');
		const identities = await badgeRecipients(input, fetcher);
		expect(identities).toHaveLength(1);
		expect(await emailMatchesAny('A@b.org', identities)).toBe(true);
		expect(await emailMatchesAny('c@b.org', identities)).toBe(false);
		expect(requests).toEqual([]);
	});
});
