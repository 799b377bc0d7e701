/**
 * Signatures must fail for any change: one byte of a payload, or the right document signed by
 * another key. Credentials are signed here with fresh keys (Data Integrity with Blason's signer,
 * which test/signing checks against the 1EdTech vector; JWTs with jose), and the key documents
 * they name are served by a test fetcher.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { bakePng } from '../../src/lib/baking/png.ts';
import { encodeStatusList } from '../../src/lib/ob3/status-list.ts';
import { ed25519Multibase } from '../../src/lib/signing/base58.ts';
import { createProof } from '../../src/lib/signing/data-integrity.ts';
import { unbake, verifyInput, type CheckId, type VerifyResult } from '../../src/lib/verify/index.ts';
import { mapFetcher, ob2Fetcher, ob2Samples, ob3Samples, readJson, type Served } from './fetchers.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const ISSUER = 'did:web:badges.example.org:asso';
const HOME = 'https://badges.example.org/asso/';
const DID_URL = `${HOME}did.json`;
const VM = `${ISSUER}#key-1`;
const KID = `${HOME}keys/k1/jwk.json`;

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const verifyText = (value: unknown, routes: Record<string, Served>, name = 'badge') =>
	verifyInput(unbake(encode(value), name), { fetcher: mapFetcher(routes), now: NOW });
const results = (r: VerifyResult, id: CheckId) => r.checks.filter((c) => c.id === id).map((c) => c.result);
const failed = (r: VerifyResult) => r.checks.filter((c) => c.result === 'fail').map((c) => c.id);

const rawEd25519 = (key: KeyObject) => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
const didDocument = (multibase: string, overrides: Record<string, unknown> = {}) => ({
	'@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
	id: ISSUER,
	verificationMethod: [{ id: VM, type: 'Multikey', controller: ISSUER, publicKeyMultibase: multibase }],
	assertionMethod: [VM],
	...overrides,
});

// simple.json, re-issued by a did:web issuer and without its proof.
const { proof: _proof, ...sample } = readJson(path.join(ob3Samples, 'simple.json'));
const unsigned: Record<string, any> = { ...sample, id: `${HOME}awards/x1/credential.json`, issuer: { id: ISSUER, type: ['Profile'], name: 'Asso' } };

describe('Data Integrity (eddsa-rdfc-2022) with a did:web issuer', () => {
	const ed = generateKeyPairSync('ed25519');
	const other = generateKeyPairSync('ed25519');
	const multibase = ed25519Multibase(rawEd25519(ed.publicKey));
	let signed: Record<string, unknown>;
	beforeAll(async () => {
		signed = { ...unsigned, proof: [await createProof(unsigned, { created: '2026-01-01T00:00:00Z', verificationMethod: VM }, ed.privateKey)] };
	});

	it('verifies, with the key listed in the issuer DID document', async () => {
		const r = await verifyText(signed, { [DID_URL]: didDocument(multibase) });
		expect(r).toMatchObject({ valid: true, status: 'valid', format: 'ob3-json' });
		expect(results(r, 'key')).toEqual(['pass']);
		expect(results(r, 'signature')).toEqual(['pass']);
	});

	it('fails when one byte of the credential changes', async () => {
		const tampered = structuredClone(signed) as any;
		tampered.credentialSubject.achievement.name = 'Teamwork!';
		const r = await verifyText(tampered, { [DID_URL]: didDocument(multibase) });
		expect(r.status).toBe('invalid');
		expect(failed(r)).toEqual(['signature']);
		// The same change in the JSON text, one byte: e → f.
		const text = JSON.stringify(signed).replace('"Teamwork"', '"Teamwork"'.replace('e', 'f'));
		expect(failed(await verifyText(text, { [DID_URL]: didDocument(multibase) }))).toEqual(['signature']);
	});

	it('fails when the DID document holds another key', async () => {
		const r = await verifyText(signed, { [DID_URL]: didDocument(ed25519Multibase(rawEd25519(other.publicKey))) });
		expect(failed(r)).toEqual(['signature']);
	});

	it('refuses a key the DID document does not list under assertionMethod, or a DID document of another id', async () => {
		const unlisted = await verifyText(signed, { [DID_URL]: didDocument(multibase, { assertionMethod: [] }) });
		expect(failed(unlisted)).toEqual(['key', 'signature']);
		const otherId = await verifyText(signed, { [DID_URL]: didDocument(multibase, { id: 'did:web:evil.example' }) });
		expect(failed(otherId)).toEqual(['key', 'signature']);
	});

	it("refuses a valid signature by someone else's key", async () => {
		const evil = 'did:web:evil.example';
		const options = { created: '2026-01-01T00:00:00Z', verificationMethod: `${evil}#k` };
		const forged = { ...unsigned, proof: [await createProof(unsigned, options, other.privateKey)] };
		const evilDoc = {
			id: evil,
			verificationMethod: [{ id: `${evil}#k`, type: 'Multikey', controller: evil, publicKeyMultibase: ed25519Multibase(rawEd25519(other.publicKey)) }],
			assertionMethod: [`${evil}#k`],
		};
		const r = await verifyText(forged, { 'https://evil.example/.well-known/did.json': evilDoc });
		expect(results(r, 'signature')).toEqual(['pass']);
		expect(failed(r)).toEqual(['key']);
		expect(r.status).toBe('invalid');
	});

	it('a key named only by the credential (<issuer>#z6Mk…) is confirmed by the issuer JWKS, else a warning', async () => {
		const options = { created: '2026-01-01T00:00:00Z', verificationMethod: `${ISSUER}#${multibase}` };
		const selfNamed = { ...unsigned, proof: [await createProof(unsigned, options, ed.privateKey)] };
		const alone = await verifyText(selfNamed, {});
		expect(alone.checks.filter((c) => c.result === 'fail')).toEqual([]);
		expect(alone.status).toBe('valid');
		expect(results(alone, 'key')).toEqual(['warn']);
		const jwks = { keys: [{ kty: 'OKP', crv: 'Ed25519', x: rawEd25519(ed.publicKey).toString('base64url') }] };
		const confirmed = await verifyText(selfNamed, { [`${HOME}.well-known/jwks.json`]: jwks });
		expect(results(confirmed, 'key')).toEqual(['pass']);
		// A DID document that can be read and does not list that key outranks the fragment.
		const denied = await verifyText(selfNamed, { [DID_URL]: didDocument(multibase) });
		expect(failed(denied)).toEqual(['key', 'signature']);
	});

	it('an https verification method: a Multikey document, or a controller document listing the key', async () => {
		const keyUrl = `${HOME}keys/ed.json`;
		const credential = { ...unsigned, proof: [await createProof(unsigned, { created: '2026-01-01T00:00:00Z', verificationMethod: keyUrl }, ed.privateKey)] };
		const multikey = { id: keyUrl, type: 'Multikey', controller: ISSUER, publicKeyMultibase: multibase };
		const r = await verifyText(credential, { [keyUrl]: multikey });
		expect(r.status).toBe('valid');
		expect(r.checks.find((c) => c.id === 'key')).toMatchObject({ result: 'pass', message: expect.stringContaining("published on the issuer's site") });
		// The same key document claiming another controller, and one off the issuer's site.
		expect(failed(await verifyText(credential, { [keyUrl]: { ...multikey, controller: 'did:web:evil.example' } }))).toEqual(['key']);
		const elsewhere = 'https://keys.elsewhere.example/controller.json';
		const viaController = { ...unsigned, proof: [await createProof(unsigned, { created: '2026-01-01T00:00:00Z', verificationMethod: `${elsewhere}#k` }, ed.privateKey)] };
		const controllerDoc = { id: elsewhere, verificationMethod: [{ id: `${elsewhere}#k`, type: 'Multikey', controller: ISSUER, publicKeyMultibase: multibase }], assertionMethod: ['#k'] };
		const off = await verifyText(viaController, { [elsewhere]: controllerDoc });
		expect(off.status).toBe('valid');
		expect(results(off, 'key')).toEqual(['warn']);
		expect(failed(await verifyText(viaController, { [elsewhere]: { ...controllerDoc, assertionMethod: [] } }))).toEqual(['key', 'signature']);
	});

	it('a credentialSubject with neither id nor identifier is invalid, even when signed', async () => {
		const anonymous = { ...unsigned, credentialSubject: { type: ['AchievementSubject'], achievement: unsigned.credentialSubject.achievement } };
		const credential = { ...anonymous, proof: [await createProof(anonymous, { created: '2026-01-01T00:00:00Z', verificationMethod: VM }, ed.privateKey)] };
		const r = await verifyText(credential, { [DID_URL]: didDocument(multibase) });
		expect(r.status).toBe('invalid');
		expect(failed(r)).toEqual(['subject']);
	});

	it('a baked PNG verifies, and one changed byte in the baked JSON makes it invalid', async () => {
		const artwork = new Uint8Array(readFileSync(path.join(ob2Samples, 'assets/robotics-badge.png')));
		const routes = { [DID_URL]: didDocument(multibase) };
		const baked = bakePng(artwork, JSON.stringify(signed), 'openbadgecredential');
		const ok = await verifyInput(unbake(baked, 'badge.png'), { fetcher: mapFetcher(routes), now: NOW });
		expect(ok).toMatchObject({ valid: true, container: 'png', format: 'ob3-json' });
		const tampered = bakePng(artwork, JSON.stringify(signed).replace('2010-01-01T00:00:00Z', '2010-01-02T00:00:00Z'), 'openbadgecredential');
		const bad = await verifyInput(unbake(tampered, 'badge.png'), { fetcher: mapFetcher(routes), now: NOW });
		expect(failed(bad)).toEqual(['signature']);
	});
});

describe('Bitstring Status List signed by the issuer', () => {
	const ed = generateKeyPairSync('ed25519');
	const multibase = ed25519Multibase(rawEd25519(ed.publicKey));
	const LIST = `${HOME}status/revocation.json`;
	const entry = (purpose = 'revocation') => ({ id: `${LIST}#42`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: '42', statusListCredential: LIST });
	const sign = async (doc: Record<string, any>) => ({ ...doc, proof: [await createProof(doc, { created: '2026-01-01T00:00:00Z', verificationMethod: VM }, ed.privateKey)] });
	const list = (encodedList: string, purpose = 'revocation', issuer = ISSUER) =>
		sign({
			'@context': ['https://www.w3.org/ns/credentials/v2'],
			id: LIST,
			type: ['VerifiableCredential', 'BitstringStatusListCredential'],
			issuer,
			validFrom: '2026-01-01T00:00:00Z',
			credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: purpose, encodedList },
		});
	const check = async (listDoc: unknown, purpose = 'revocation') => verifyText(await sign({ ...unsigned, credentialStatus: entry(purpose) }), { [DID_URL]: didDocument(multibase), [LIST]: listDoc as Served });

	it('bit clear: valid; bit set: revoked; suspension: also not valid', async () => {
		expect((await check(await list(encodeStatusList([41, 43], 131_072)))).status).toBe('valid');
		expect((await check(await list(encodeStatusList([42], 131_072)))).status).toBe('revoked');
		expect((await check(await list(encodeStatusList([42], 131_072), 'suspension'), 'suspension')).status).toBe('revoked');
	});

	it('a list for another purpose, from another issuer, or inflating to gigabytes leaves the status unknown', async () => {
		const unknown = async (listDoc: unknown) => {
			const r = await check(listDoc);
			expect(r.status).toBe('invalid');
			expect(failed(r)).toEqual(['revocation']);
			return r.checks.find((c) => c.result === 'fail')!.message;
		};
		expect(await unknown(await list(encodeStatusList([], 131_072), 'suspension'))).toMatch(/not for "revocation"/);
		expect(await unknown(await list(encodeStatusList([], 131_072), 'revocation', 'did:web:evil.example'))).toMatch(/not by the badge's issuer/);
		const bomb = `u${gzipSync(Buffer.alloc(64 * 1024 * 1024)).toString('base64url')}`;
		expect(await unknown(await list(bomb))).toMatch(/larger than/);
	});
});

describe('VC-JWT', () => {
	const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const jwk = (key: KeyObject) => key.export({ format: 'jwk' }) as JWK;
	const subjectId = (unsigned.credentialSubject as { id: string }).id;
	const claims = { iss: ISSUER, jti: unsigned.id, nbf: Date.parse(unsigned.validFrom as string) / 1000, sub: subjectId };
	const sign = (overrides: Record<string, unknown>, header: Record<string, unknown>, key: KeyObject = rsa.privateKey) =>
		new SignJWT({ ...unsigned, ...claims, ...overrides }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...header }).sign(key);

	it('verifies with a kid on the issuer site; the claims match', async () => {
		const r = await verifyText(await sign({}, { kid: KID }), { [KID]: jwk(rsa.publicKey) });
		expect(r).toMatchObject({ valid: true, format: 'ob3-jwt', container: 'jws' });
		expect(r.checks.filter((c) => ['key', 'signature', 'claims'].includes(c.id)).map((c) => `${c.id}:${c.result}`)).toEqual(['key:pass', 'signature:pass', 'claims:pass']);
	});

	it('fails when one byte of the payload changes', async () => {
		const jwt = await sign({}, { kid: KID });
		const [h, p, s] = jwt.split('.');
		const payload = Buffer.from(p!, 'base64url').toString('utf8').replace('"Teamwork"', '"Teamwork"'.replace('e', 'f'));
		const r = await verifyText(`${h}.${Buffer.from(payload).toString('base64url')}.${s}`, { [KID]: jwk(rsa.publicKey) });
		expect(failed(r)).toEqual(['signature']);
	});

	it('a kid may name a key of a JWKS (by kid, or the only key)', async () => {
		const kid = `${HOME}.well-known/jwks.json#k1`;
		const set = (...keys: JWK[]) => ({ keys });
		const jwt = await sign({}, { kid });
		const byKid = await verifyText(jwt, { [`${HOME}.well-known/jwks.json`]: set({ ...jwk(otherRsa.publicKey), kid: 'k0' }, { ...jwk(rsa.publicKey), kid: 'k1' }) });
		expect(byKid.status).toBe('valid');
		expect(results(byKid, 'key')).toEqual(['pass']);
		expect((await verifyText(jwt, { [`${HOME}.well-known/jwks.json`]: set(jwk(rsa.publicKey)) })).status).toBe('valid');
		const absent = await verifyText(jwt, { [`${HOME}.well-known/jwks.json`]: set({ ...jwk(rsa.publicKey), kid: 'k9' }, { ...jwk(otherRsa.publicKey), kid: 'k8' }) });
		expect(failed(absent)).toEqual(['key', 'signature']);
	});

	it('fails when the kid serves another key', async () => {
		const r = await verifyText(await sign({}, { kid: KID }), { [KID]: jwk(otherRsa.publicKey) });
		expect(failed(r)).toEqual(['signature']);
	});

	it('a key elsewhere counts as the issuer’s only when its JWKS lists it; a jwk header alone is a warning', async () => {
		const kid = 'https://keys.elsewhere.example/k.json';
		const jwt = await sign({}, { kid });
		expect(results(await verifyText(jwt, { [kid]: jwk(rsa.publicKey) }), 'key')).toEqual(['warn']);
		const listed = await verifyText(jwt, { [kid]: jwk(rsa.publicKey), [`${HOME}.well-known/jwks.json`]: { keys: [jwk(rsa.publicKey)] } });
		expect(results(listed, 'key')).toEqual(['pass']);
		const embedded = await verifyText(await sign({}, { jwk: jwk(rsa.publicKey) }), {});
		expect(embedded.status).toBe('valid');
		expect(results(embedded, 'key')).toEqual(['warn']);
	});

	it('refuses a published key that carries its private part', async () => {
		const leaked = rsa.privateKey.export({ format: 'jwk' }) as JWK;
		const r = await verifyText(await sign({}, { kid: KID }), { [KID]: leaked });
		expect(failed(r)).toEqual(['key', 'signature']);
		expect(r.checks.find((c) => c.id === 'key')!.message).toMatch(/private part/);
	});

	it('claims that contradict the credential fail', async () => {
		const r = await verifyText(await sign({ iss: 'did:web:evil.example' }, { kid: KID }), { [KID]: jwk(rsa.publicKey) });
		expect(failed(r)).toEqual(['claims']);
		const late = await verifyText(await sign({ nbf: 1262304001 }, { kid: KID }), { [KID]: jwk(rsa.publicKey) });
		expect(failed(late)).toEqual(['claims']);
	});

	it('ES256 and EdDSA verify too', async () => {
		for (const [alg, pair] of [
			['ES256', generateKeyPairSync('ec', { namedCurve: 'P-256' })],
			['EdDSA', generateKeyPairSync('ed25519')],
		] as const) {
			const r = await verifyText(await sign({}, { alg, kid: KID }, pair.privateKey), { [KID]: jwk(pair.publicKey) });
			expect(r.status, alg).toBe('valid');
		}
	});
});

describe('OB 2.0 signed assertion', () => {
	const jws = readFileSync(path.join(ob2Samples, 'simple.jwt'), 'utf8').trim();

	it('fails when one byte of the payload changes', async () => {
		const [h, p, s] = jws.split('.');
		const payload = Buffer.from(p!, 'base64url').toString('utf8').replace('2016-12-31T23:59:59Z', '2016-12-31T23:59:58Z');
		const r = await verifyInput(unbake(encode(`${h}.${Buffer.from(payload).toString('base64url')}.${s}`), 'simple.jwt'), { fetcher: ob2Fetcher(undefined), now: NOW });
		expect(r.status).toBe('invalid');
		expect(failed(r)).toEqual(['signature']);
	});

	it('fails when the key document holds another key', async () => {
		const key2 = readJson(path.join(ob2Samples, 'assets/key2.json'));
		const swapped = { ...readJson(path.join(ob2Samples, 'assets/key1.json')), publicKeyPem: key2.publicKeyPem };
		const r = await verifyInput(unbake(encode(jws), 'simple.jwt'), { fetcher: ob2Fetcher(undefined, { 'http://example.org/key1.json': swapped }), now: NOW });
		expect(failed(r)).toEqual(['signature']);
	});
});
