/**
 * npm run verify on 1EdTech's own samples (../shared/spec/EXAMPLES.md says which are valid and
 * why), with the documents they reference served from local files. Time is frozen: several
 * samples are judged by their dates.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeStatusList } from '../../src/lib/ob3/status-list.ts';
import { verifyBadge, type CheckId, type VerifyResult } from '../../src/lib/verify/index.ts';
import { mapFetcher, ob2Fetcher, ob2Samples, ob3Samples, readJson, samples, TESTLIST_URL, type Served } from './fetchers.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

const verify = (file: string, routes: Record<string, Served> = {}, options: { now?: Date; email?: string } = {}) =>
	verifyBadge(file, { fetcher: mapFetcher(routes), now: options.now ?? NOW, email: options.email });
const ob3 = (name: string, routes?: Record<string, Served>, options?: { now?: Date; email?: string }) => verify(path.join(ob3Samples, name), routes, options);
const ob2 = (name: string, assertion?: string, extra: Record<string, Served> = {}, options: { email?: string } = {}) =>
	verifyBadge(path.join(ob2Samples, name), { fetcher: ob2Fetcher(assertion, extra), now: NOW, email: options.email });

const result = (r: VerifyResult, id: CheckId) => r.checks.filter((c) => c.id === id).map((c) => c.result);
const failed = (r: VerifyResult) => r.checks.filter((c) => c.result === 'fail').map((c) => c.id);

describe('OB 3.0 validator samples', () => {
	it('simple.json is valid; its key, named only by the credential, is a warning', async () => {
		const r = await ob3('simple.json');
		expect(r).toMatchObject({ valid: true, status: 'valid', format: 'ob3-json', container: 'json' });
		expect(result(r, 'signature')).toEqual(['pass']);
		expect(result(r, 'schema')).toEqual(['pass']);
		expect(result(r, 'key')).toEqual(['warn']);
		expect(r.badge).toMatchObject({ name: 'Teamwork Badge', issuer: { id: 'https://example.com/issuers/876543', name: 'Example Corp' }, issuedOn: '2010-01-01T00:00:00Z' });
	});

	it('simple.json is not yet valid before its validFrom', async () => {
		const r = await ob3('simple.json', {}, { now: new Date('2009-12-31T00:00:00Z') });
		expect(r).toMatchObject({ valid: false, status: 'not-yet-valid' });
		expect(failed(r)).toEqual(['issued']);
	});

	it('a did:key verification method verifies; the urn:uuid issuer cannot confirm the key (warning)', async () => {
		const r = await ob3('simple-did-key-method.json');
		expect(r).toMatchObject({ valid: true, status: 'valid' });
		expect(result(r, 'key')).toEqual(['warn']);
		expect(r.checks.find((c) => c.id === 'key')!.message).toContain('did:key:z6MkjZRZ');
	});

	it('the did:web-subject sample verifies in the compacted form (proof as one object)', async () => {
		const r = await ob3('simple-did-web-method.json');
		expect(r).toMatchObject({ valid: true, status: 'valid' });
		expect(result(r, 'schema')).toEqual(['pass']);
	});

	it('simple-err-expired.json is expired, and only that', async () => {
		const r = await ob3('simple-err-expired.json');
		expect(r).toMatchObject({ valid: false, status: 'expired' });
		expect(failed(r)).toEqual(['expiry']);
	});

	it('the Bitstring Status List sample is revoked: bit 23 of the signed list', async () => {
		const r = await ob3('bit-string-list/credential-status-revoked.json', { [TESTLIST_URL]: path.join(ob3Samples, 'bit-string-list/testlist') });
		expect(r).toMatchObject({ valid: false, status: 'revoked' });
		expect(failed(r)).toEqual(['revocation']);
		expect(r.checks.find((c) => c.result === 'fail')!.message).toMatch(/entrée 23.*entry 23/);
	});

	it('a status list that cannot be read or whose proof fails leaves the badge not valid', async () => {
		const unreachable = await ob3('bit-string-list/credential-status-revoked.json');
		expect(unreachable).toMatchObject({ valid: false, status: 'invalid' });
		expect(unreachable.checks.find((c) => c.id === 'revocation' && c.result === 'fail')!.message).toMatch(/status unknown/);

		// Someone serving the list URL clears every bit: the list's own proof no longer holds.
		const list = readJson(path.join(ob3Samples, 'bit-string-list/testlist'));
		list.credentialSubject.encodedList = encodeStatusList([], 131_072);
		const forged = await ob3('bit-string-list/credential-status-revoked.json', { [TESTLIST_URL]: list });
		expect(forged).toMatchObject({ valid: false, status: 'invalid' });
		expect(forged.checks.find((c) => c.id === 'revocation' && c.result === 'fail')!.message).toMatch(/proof of list/);
	});

	it('tampered proof value, corrupted or unknown verification methods are invalid', async () => {
		expect(failed(await ob3('simple-err-proof-value.json'))).toEqual(['signature']);
		for (const name of ['simple-err-proof-method.json', 'simple-err-proof-method-no-scheme.json', 'simple-err-proof-method-unknown-scheme.json', 'simple-err-proof-method-unknown-did-method.json']) {
			const r = await ob3(name);
			expect(r.status, name).toBe('invalid');
			expect(failed(r), name).toContain('key');
			expect(failed(r), name).toContain('signature');
		}
	});

	it('wrong @context, type or a missing issuer are invalid', async () => {
		for (const name of ['simple-err-context.json', 'simple-err-type.json', 'simple-err-issuer.json']) {
			const r = await ob3(name);
			expect(r.status, name).toBe('invalid');
			expect(failed(r), name).toContain('structure');
			expect(failed(r), name).toContain('schema');
		}
	});

	it('unsupported proofs are reported by name; a valid eddsa-rdfc-2022 proof beside one suffices', async () => {
		const sd = await ob3('sd/derivedcredential.json');
		expect(sd.status).toBe('invalid');
		expect(sd.checks.find((c) => c.id === 'signature')!.message).toContain('ecdsa-sd-2023');
		const multiple = await ob3('simple-multiple-proofs.json');
		expect(multiple.status).toBe('valid');
		expect(result(multiple, 'signature')).toEqual(['pass', 'warn']);
	});

	it('baked images: JSON and VC-JWT, PNG and SVG', async () => {
		for (const [name, format, container] of [
			['simple-json.png', 'ob3-json', 'png'],
			['simple-json.svg', 'ob3-json', 'svg'],
			['simple-jwt.png', 'ob3-jwt', 'png'],
			['simple-jwt.svg', 'ob3-jwt', 'svg'],
		] as const) {
			const r = await ob3(name);
			expect(r, name).toMatchObject({ valid: true, status: 'valid', format, container });
			expect(result(r, 'signature'), name).toEqual(['pass']);
		}
	});

	it('a VCDM 1.1 VC-JWT (vc claim) verifies, with a warning for the legacy format', async () => {
		const r = await ob3('simple-jwt_v1.png');
		expect(r).toMatchObject({ valid: true, format: 'ob3-jwt' });
		expect(result(r, 'structure')).toEqual(['warn']);
		expect(result(r, 'signature')).toEqual(['pass']);
	});

	it('1EdTechRevocationList: listed means revoked, absent means not revoked', async () => {
		const listUrl = 'https://1edtech.edu/credentials/3732/revocations';
		const id = readJson(path.join(ob3Samples, 'complete.json')).id;
		const kept = await ob3('complete.json', { [listUrl]: { revokedCredential: [{ id: 'urn:uuid:other' }] } });
		expect(kept).toMatchObject({ valid: true, status: 'valid' });
		const revoked = await ob3('complete.json', { [listUrl]: { revokedCredential: [{ id, revocationReason: 'Erreur de saisie' }] } });
		expect(revoked).toMatchObject({ status: 'revoked', badge: { revocationReason: 'Erreur de saisie' } });
		const reinstated = await ob3('complete.json', { [listUrl]: { revokedCredential: [{ id, revoked: false }] } });
		expect(reinstated.status).toBe('valid');
	});

	it('the Data Integrity test vector of the implementation guide verifies', async () => {
		const r = await verify(path.join(samples, 'ob3/spec-extracted/eddsa-rdfc-2022-test-vector-signed.json'));
		expect(r).toMatchObject({ valid: true, format: 'ob3-json' });
		expect(result(r, 'signature')).toEqual(['pass']);
	});

	it('--email is compared with an identifier (plaintext here) and never echoed', async () => {
		const listUrl = 'https://1edtech.edu/credentials/3732/revocations';
		const routes = { [listUrl]: { revokedCredential: [] } };
		// complete.json names its recipient by two unhashed emailAddress identifiers.
		const ok = await ob3('complete.json', routes, { email: 'Somebody@Gmail.com' });
		expect(ok).toMatchObject({ valid: true, badge: { recipientMatch: true } });
		expect(result(ok, 'recipient')).toEqual(['pass']);
		const wrong = await ob3('complete.json', routes, { email: 'someone.else@example.net' });
		expect(wrong).toMatchObject({ valid: false, status: 'invalid', badge: { recipientMatch: false } });
		expect(JSON.stringify(wrong)).not.toContain('someone.else');
	});
});

describe('OB 2.0 validator samples', () => {
	it('a hosted assertion verifies from its hosted copy, BadgeClass and issuer Profile', async () => {
		const r = await ob2('basic-assertion.json', 'basic-assertion.json');
		expect(r).toMatchObject({ valid: true, status: 'valid', format: 'ob2-hosted', container: 'json' });
		expect(r.checks.map((c) => `${c.id}:${c.result}`)).toEqual([
			'input:pass', 'hosted:pass', 'structure:pass', 'badge-class:pass', 'issuer:pass', 'scope:pass', 'revocation:pass', 'issued:pass', 'expiry:pass',
		]);
		expect(r.badge).toMatchObject({ name: 'Awesome Robotics Badge', issuer: { name: 'An Example Badge Issuer', id: 'https://example.org/organization.json' } });
	});

	it('the baked PNG sample verifies; its baked copy differs from the hosted one, which wins', async () => {
		const r = await ob2('simple-badge.png', 'basic-assertion.json');
		expect(r).toMatchObject({ valid: true, format: 'ob2-hosted', container: 'png' });
		expect(result(r, 'hosted')).toEqual(['warn']);
	});

	it('the recipient hash matches nobody@example.org (any case) and nothing else', async () => {
		const ok = await ob2('basic-assertion.json', 'basic-assertion.json', {}, { email: ' Nobody@Example.org ' });
		expect(ok).toMatchObject({ valid: true, badge: { recipientMatch: true } });
		expect(result(ok, 'recipient')).toEqual(['pass']);
		const wrong = await ob2('basic-assertion.json', 'basic-assertion.json', {}, { email: 'somebody@example.org' });
		expect(wrong).toMatchObject({ valid: false, badge: { recipientMatch: false } });
		expect(JSON.stringify(wrong)).not.toContain('somebody');
	});

	it('dates: expired, issued in the future, expiring before issue', async () => {
		expect((await ob2('basic-assertion-expired.json', 'basic-assertion-expired.json')).status).toBe('expired');
		expect((await ob2('basic-assertion-in-future.json', 'basic-assertion-in-future.json')).status).toBe('not-yet-valid');
		expect((await ob2('basic-assertion-expired-before-issued.json', 'basic-assertion-expired-before-issued.json')).status).toBe('invalid');
	});

	it("the issuer's verification scope: allowedOrigins and startsWith", async () => {
		for (const name of ['basic-assertion-with-allowed-origins.json', 'basic-assertion-with-allowed-origins-valid-starts-with.json', 'basic-assertion-with-allowed-origins-valid-multiple-starts-with.json']) {
			const r = await ob2(name, name);
			expect(r.status, name).toBe('valid');
			expect(result(r, 'scope'), name).toEqual(['pass']);
		}
		for (const name of ['basic-assertion-with-allowed-origins-invalid-starts-with.json', 'basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json']) {
			const r = await ob2(name, name);
			expect(r.status, name).toBe('invalid');
			expect(failed(r), name).toEqual(['scope']);
		}
	});

	it('the default scope is the issuer host: an assertion hosted elsewhere is refused', async () => {
		const moved = { ...readJson(path.join(ob2Samples, 'basic-assertion.json')), id: 'https://elsewhere.example/assertion.json' };
		const r = await verifyBadge(path.join(ob2Samples, 'basic-assertion.json'), {
			fetcher: ob2Fetcher(undefined, { 'https://example.org/beths-robotics-badge.json': moved, 'https://elsewhere.example/assertion.json': moved }),
			now: NOW,
		});
		// The file's id points at example.org, whose copy says it lives elsewhere: not at its id.
		expect(failed(r)).toContain('hosted');
	});

	it('hosted revocation: 410 Gone, or a body that says revoked', async () => {
		const gone = await ob2('basic-assertion.json', undefined, { 'https://example.org/beths-robotics-badge.json': { status: 410, body: { revoked: true, revocationReason: 'Doublon' } } });
		expect(gone).toMatchObject({ status: 'revoked', badge: { revocationReason: 'Doublon' } });
		const body = await ob2('basic-assertion.json', undefined, {
			'https://example.org/beths-robotics-badge.json': path.join(samples, 'ob2/spec-extracted/08-revoked-hosted-assertion-410-body.json'),
		});
		expect(body).toMatchObject({ status: 'revoked', badge: { revocationReason: expect.stringContaining('trenchcoat') } });
		expect(failed(body)).toEqual(['revocation']);
	});

	it('a hosted copy whose id is not its URL is invalid', async () => {
		const r = await ob2('basic-assertion.json', undefined, { 'https://example.org/beths-robotics-badge.json': { ...readJson(path.join(ob2Samples, 'basic-assertion.json')), id: 'https://example.org/other.json' } });
		expect(r.status).toBe('invalid');
		expect(failed(r)).toEqual(['hosted']);
	});

	it('signed assertions: valid, not revoked, and revoked through the RevocationList', async () => {
		const valid = await ob2('simple.jwt');
		expect(valid).toMatchObject({ valid: true, format: 'ob2-signed', container: 'jws' });
		expect(result(valid, 'key')).toEqual(['pass']);
		expect(result(valid, 'signature')).toEqual(['pass']);
		expect((await ob2('simple-not-revoked.jwt')).status).toBe('valid');
		const revoked = await ob2('simple-revoked.jwt');
		expect(revoked).toMatchObject({ status: 'revoked', badge: { revocationReason: 'A good reason, for sure' } });
	});

	it('a signed assertion whose key the issuer does not list, or does not own, is invalid', async () => {
		const org = readJson(path.join(ob2Samples, 'assets/organization.json'));
		const unlisted = await ob2('simple.jwt', undefined, { 'https://example.org/organization.json': { ...org, publicKey: 'http://example.org/key2.json' } });
		expect(unlisted.status).toBe('invalid');
		expect(failed(unlisted)).toEqual(['key', 'signature']);
		const key1 = readJson(path.join(ob2Samples, 'assets/key1.json'));
		const disowned = await ob2('simple.jwt', undefined, { 'http://example.org/key1.json': { ...key1, owner: 'https://example.org/someone-else.json' } });
		expect(failed(disowned)).toEqual(['key', 'signature']);
	});

	it('a revocation list that cannot be read leaves a signed badge not valid', async () => {
		const r = await ob2('simple-revoked.jwt', undefined, { 'http://example.org/revocation-list.json': { status: 503 } });
		expect(r.status).toBe('invalid');
		expect(r.checks.find((c) => c.id === 'revocation')!.message).toMatch(/status unknown/);
	});
});
