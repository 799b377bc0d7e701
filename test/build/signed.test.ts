/**
 * The signed output, checked only with verifiers not written here: Digital Bazaar's
 * @digitalbazaar/vc with the eddsa-rdfc-2022 cryptosuite (Data Integrity), jose (JWS and
 * VC-JWT, with the claim rules of DIGEST §2.8.1 written out below), Ajv with the official 1EdTech
 * JSON Schema, @digitalbazaar/vc-bitstring-status-list (status bits), openbadges-bakery and a
 * namespace-aware XML parser (baking). Contexts come from ../shared/spec, not from src/.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DOMParser } from '@xmldom/xmldom';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, projectRoot, sharedSpec, unbakeIndependently } from '../helpers.ts';
import { listFiles } from './site-check.ts';

const require = createRequire(import.meta.url);
const vc = require('@digitalbazaar/vc');
const { DataIntegrityProof } = require('@digitalbazaar/data-integrity');
const { cryptosuite: eddsaRdfc2022 } = require('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
const { decodeList } = require('@digitalbazaar/vc-bitstring-status-list');
const Ajv2019 = require('ajv/dist/2019').default;
const addFormats = require('ajv-formats').default;

const run = promisify(execFile);
const SITE = 'https://fixture.example.org/badges/';
const DID = 'did:web:fixture.example.org:badges';
const REVOKED = 'rv0k3d7x9m2p';

describe('signed output of npm run build', () => {
	const tmp = mkdtempSync(path.join(tmpdir(), 'blason-signed-'));
	const content = path.join(tmp, 'content');
	const out = path.join(tmp, 'site');
	const read = (rel: string) => readFileSync(path.join(out, rel));
	const json = (rel: string) => JSON.parse(read(rel).toString('utf8'));

	beforeAll(async () => {
		cpSync(fixture('basic'), content, { recursive: true });
		appendFileSync(
			path.join(content, 'recipients/anonyme.yaml'),
			`  - id: ${REVOKED}\n    badge: engagement-citoyen\n    issuedOn: 2024-02-02\n    revoked:\n      date: 2024-03-01\n      reason: Attribué par erreur\n`,
		);
		await run(process.execPath, ['scripts/build.ts', '--root', content, '--out', out], { cwd: projectRoot, env: { ...process.env, BLASON_SIGNING_KEY: '' } });
	}, 120_000);
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	// An offline loader over independent copies of the contexts, and the built site for its own URLs.
	const contexts = new Map<string, object>([
		['https://www.w3.org/ns/credentials/v2', JSON.parse(readFileSync(`${sharedSpec}/data/vc/credentials-v2.jsonld`, 'utf8'))],
		['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', JSON.parse(readFileSync(`${sharedSpec}/data/ob3/context/context-3.0.3.json`, 'utf8'))],
		...(require('did-context').contexts as Map<string, object>),
		...(require('@digitalbazaar/multikey-context').contexts as Map<string, object>),
	]);
	const documentLoader = async (url: string) => {
		let document: any = contexts.get(url);
		if (!document && url.startsWith(DID)) {
			const did = json('did.json');
			document = url.includes('#') ? { '@context': did['@context'], ...did.verificationMethod.find((m: any) => m.id === url) } : did;
		}
		if (!document && url.startsWith(SITE)) document = json(url.slice(SITE.length));
		if (!document) throw new Error(`unexpected fetch: ${url}`);
		return { contextUrl: null, documentUrl: url, document };
	};
	const suite = () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
	// Checked as of a day after validFrom, so that an award that has since expired verifies too.
	const verifyDi = (credential: { validFrom?: string }) =>
		vc.verifyCredential({
			credential,
			suite: suite(),
			documentLoader,
			checkStatus: async () => ({ verified: true }),
			now: new Date(Date.parse(credential.validFrom ?? '2026-01-01') + 86_400_000),
		});

	it('publishes every signed form of every award', () => {
		const files = listFiles(out);
		for (const id of ['k7m2x9qd4p1h', 'a1b2c3d4e5f6', 'zz9yy8xx7ww6', REVOKED]) {
			for (const f of ['assertion.json', 'assertion.jws', 'credential.json', 'credential.jwt', 'index.html']) expect(files).toContain(`awards/${id}/${f}`);
		}
		for (const f of ['did.json', '.well-known/jwks.json', 'keys/dev/jwk.json', 'keys/dev/cryptographic-key.json', 'issuer/revocations.json', 'status/revocation.json']) {
			expect(files).toContain(f);
		}
	});

	it('OB 3.0 credentials pass the official JSON Schema and Digital Bazaar verification', async () => {
		const ajv = new Ajv2019({ strict: false, allErrors: true });
		addFormats(ajv);
		const validate = ajv.compile(JSON.parse(readFileSync(`${sharedSpec}/data/ob3/schema/achievementcredential.json`, 'utf8')));
		for (const id of ['k7m2x9qd4p1h', 'a1b2c3d4e5f6', 'zz9yy8xx7ww6', REVOKED]) {
			const credential = json(`awards/${id}/credential.json`);
			expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
			expect(Array.isArray(credential.proof)).toBe(true);
			expect(credential.issuer.id).toBe(DID);
			const result = await verifyDi(credential);
			expect(result.verified, JSON.stringify(result.error ?? result, null, 1)).toBe(true);
		}
	});

	it('a Data Integrity proof fails when one byte changes or the key is another', async () => {
		const text = read('awards/k7m2x9qd4p1h/credential.json').toString('utf8');
		const tampered = JSON.parse(text.replace('"validFrom": "2026-03-14T00:00:00Z"', '"validFrom": "2026-03-15T00:00:00Z"'));
		expect(tampered.validFrom).toBe('2026-03-15T00:00:00Z');
		expect((await verifyDi(tampered)).verified).toBe(false);
		const other = JSON.parse(text);
		other.proof[0].proofValue = json('awards/a1b2c3d4e5f6/credential.json').proof[0].proofValue;
		expect((await verifyDi(other)).verified).toBe(false);
	});

	it('VC-JWTs verify with jose against the published JWK, with the OB 3.0 claim rules', async () => {
		const jwks = json('.well-known/jwks.json');
		for (const id of ['k7m2x9qd4p1h', 'a1b2c3d4e5f6', REVOKED]) {
			const jwt = read(`awards/${id}/credential.jwt`).toString('utf8');
			const header = jose.decodeProtectedHeader(jwt);
			expect(Object.keys(header).sort()).toEqual(['alg', 'kid', 'typ']);
			expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
			expect(header.kid!.startsWith(SITE)).toBe(true);
			const jwk = json(header.kid!.slice(SITE.length));
			expect(jwk.d).toBeUndefined();
			expect(jwks.keys).toContainEqual(jwk);
			const { payload } = await jose.jwtVerify(jwt, await jose.importJWK(jwk, 'RS256'), { currentDate: new Date('2026-06-01T00:00:00Z') });
			const credential = json(`awards/${id}/credential.json`);
			expect(payload.iss).toBe(credential.issuer.id);
			expect(payload.jti).toBe(credential.id);
			expect(payload.nbf).toBe(Date.parse(credential.validFrom) / 1000);
			expect(payload.exp).toBe(credential.validUntil ? Date.parse(credential.validUntil) / 1000 : undefined);
			expect(payload.sub).toBe(credential.credentialSubject.id); // none: the subject is a hashed e-mail
			const { proof: _, ...unsigned } = credential;
			const { iss: _i, jti: _j, nbf: _n, exp: _e, ...claims } = payload;
			expect(claims).toEqual(unsigned);
		}
		// One byte of the payload changed, or another key: rejected.
		const jwt = read('awards/k7m2x9qd4p1h/credential.jwt').toString('utf8');
		const [h, p, s] = jwt.split('.');
		const payload = Buffer.from(p!, 'base64url').toString('utf8').replace('Atelier', 'AtelieR');
		const jwk = await jose.importJWK(json('keys/dev/jwk.json'), 'RS256');
		await expect(jose.jwtVerify(`${h}.${Buffer.from(payload).toString('base64url')}.${s}`, jwk)).rejects.toThrow(/signature/);
		const { privateKey: _p, publicKey } = await jose.generateKeyPair('RS256');
		await expect(jose.jwtVerify(jwt, publicKey)).rejects.toThrow(/signature/);
	});

	it('OB 2.0 signed assertions verify with the CryptographicKey the issuer Profile lists', async () => {
		const profile = json('issuer/profile.json');
		const jws = read('awards/k7m2x9qd4p1h/assertion.jws').toString('utf8');
		const claimed = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8'));
		expect(claimed.verification.type).toBe('SignedBadge');
		expect(profile.publicKey).toContain(claimed.verification.creator);
		const key = json(claimed.verification.creator.slice(SITE.length));
		expect(key).toMatchObject({ type: 'CryptographicKey', owner: profile.id });
		const { payload } = await jose.compactVerify(jws, await jose.importSPKI(key.publicKeyPem, 'RS256'));
		expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(claimed);
		expect(claimed.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(profile.revocationList).toBe(`${SITE}issuer/revocations.json`);
	});

	it('a revoked award is revoked in every format and keeps its URL', async () => {
		const hosted = json(`awards/${REVOKED}/assertion.json`);
		expect(hosted).toMatchObject({ id: `${SITE}awards/${REVOKED}/assertion.json`, revoked: true, revocationReason: 'Attribué par erreur' });
		const signedId = JSON.parse(Buffer.from(read(`awards/${REVOKED}/assertion.jws`).toString().split('.')[1]!, 'base64url').toString()).id;
		const list = json('issuer/revocations.json');
		expect(list.type).toBe('RevocationList');
		expect(list.revokedAssertions).toContainEqual({ id: signedId, revocationReason: 'Attribué par erreur' });
		expect(list.revokedAssertions.map((r: { id: string }) => r.id)).not.toContain(`${SITE}awards/k7m2x9qd4p1h/assertion.json`);

		const status = json('status/revocation.json');
		expect((await verifyDi(status)).verified).toBe(true);
		const bits = await decodeList({ encodedList: status.credentialSubject.encodedList });
		for (const id of ['k7m2x9qd4p1h', 'a1b2c3d4e5f6', 'zz9yy8xx7ww6', REVOKED]) {
			const entry = json(`awards/${id}/credential.json`).credentialStatus;
			expect(entry).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: status.id });
			expect(bits.getStatus(Number(entry.statusListIndex))).toBe(id === REVOKED);
		}
	});

	it('one baked PNG carries both the OB 2.0 assertion and the OB 3.0 credential', async () => {
		const png = read('awards/k7m2x9qd4p1h/badge.png');
		expect(await unbakeIndependently(png)).toBe(read('awards/k7m2x9qd4p1h/assertion.json').toString());
		// What the DCC Learner Credential Wallet does (DIGEST Part 4): find the keyword, take the JSON after it.
		const at = png.indexOf('openbadgecredential');
		expect(at).toBeGreaterThan(0);
		expect(png.indexOf('openbadgecredential', at + 1)).toBe(-1);
		const start = png.indexOf('{', at);
		const credential = read('awards/k7m2x9qd4p1h/credential.json').toString();
		expect(png.subarray(start, start + Buffer.byteLength(credential)).toString()).toBe(credential);
	});

	it('one baked SVG carries both, each element in its own namespace', async () => {
		const svg = read('awards/a1b2c3d4e5f6/badge.svg').toString('utf8');
		expect(await unbakeIndependently(Buffer.from(svg))).toBe(read('awards/a1b2c3d4e5f6/assertion.json').toString());
		const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
		const ob2 = doc.getElementsByTagNameNS('http://openbadges.org', 'assertion');
		const ob3 = doc.getElementsByTagNameNS('https://purl.imsglobal.org/ob/v3p0', 'credential');
		expect(ob2.length).toBe(1);
		expect(ob3.length).toBe(1);
		expect(ob3[0]!.textContent).toBe(read('awards/a1b2c3d4e5f6/credential.json').toString());
		expect(ob2[0]!.getAttribute('verify')).toBe(`${SITE}awards/a1b2c3d4e5f6/assertion.json`);
	});

	it('publishes public keys only, and a DID document at the did:web path', () => {
		for (const f of listFiles(out).filter((f) => /\.(json|jwt|jws|html)$/.test(f))) {
			const text = read(f).toString('utf8');
			expect(text, f).not.toMatch(/PRIVATE KEY|blason-key-v1:|"d"\s*:/);
		}
		const did = json('did.json');
		expect(did.id).toBe(DID);
		expect(did.assertionMethod).toEqual(did.verificationMethod.map((m: { id: string }) => m.id));
		expect(did.verificationMethod[0]).toMatchObject({ type: 'Multikey', controller: DID });
		expect(did.verificationMethod[0].publicKeyMultibase).toMatch(/^z6Mk/);
	});

	it('signatures are deterministic: a build from the cache and a cold build give the same bytes', async () => {
		const again = path.join(tmp, 'again');
		const cold = path.join(tmp, 'cold');
		const env = { ...process.env, BLASON_SIGNING_KEY: '' };
		const r1 = await run(process.execPath, ['scripts/build.ts', '--root', content, '--out', again], { cwd: projectRoot, env });
		expect(r1.stdout).toMatch(/signatures: 0 made, \d+ from the cache/);
		rmSync(path.join(content, '.blason/cache'), { recursive: true });
		const r2 = await run(process.execPath, ['scripts/build.ts', '--root', content, '--out', cold], { cwd: projectRoot, env });
		expect(r2.stdout).toMatch(/signatures: \d+ made, 0 from the cache/);
		const files = listFiles(out).filter((f) => !f.endsWith('.html') && !f.startsWith('_astro/'));
		for (const f of files) {
			expect(readFileSync(path.join(again, f)).equals(read(f)), f).toBe(true);
			expect(readFileSync(path.join(cold, f)).equals(read(f)), f).toBe(true);
		}
	}, 120_000);
});
