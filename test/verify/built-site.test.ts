/**
 * End to end: `npm run build` signs the basic fixture (plus a revoked award), and
 * `npm run verify` checks every published form of an award offline with --site: the baked
 * image, assertion.json, assertion.jws, credential.json and credential.jwt; a revoked and an
 * expired award are reported as such in every form. Then once over HTTP on loopback.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerify } from '../../src/lib/cli/verify-command.ts';
import type { VerifyResult } from '../../src/lib/verify/index.ts';
import { fixture, projectRoot } from '../helpers.ts';
import { serveStatic } from '../static-server.ts';

const run = promisify(execFile);
const VALID = 'k7m2x9qd4p1h'; // atelier-numerique (PNG artwork), 2026-03-14 → 2028-03-14
const SVG = 'a1b2c3d4e5f6'; // engagement-citoyen (SVG artwork), no expiry
const EXPIRED = 'zz9yy8xx7ww6'; // 2022-05-01 → 2024-05-01
const REVOKED = 'rv0k3d7x9m2p';
const EMAIL = 'Lea.Martin@example.org'; // the fixture's hash is of lea.martin@example.org
const NOW = new Date('2026-06-01T00:00:00Z');
const FORMS = {
	'badge.png': ['ob3-json', 'ob2-hosted'],
	'assertion.json': ['ob2-hosted'],
	'assertion.jws': ['ob2-signed'],
	'credential.json': ['ob3-json'],
	'credential.jwt': ['ob3-jwt'],
} as const;

describe('npm run verify on a site built by npm run build', () => {
	const tmp = mkdtempSync(path.join(tmpdir(), 'blason-verify-site-'));
	const content = path.join(tmp, 'content');
	const out = path.join(tmp, 'site');

	beforeAll(async () => {
		cpSync(fixture('basic'), content, { recursive: true });
		appendFileSync(
			path.join(content, 'recipients/anonyme.yaml'),
			`  - id: ${REVOKED}\n    badge: engagement-citoyen\n    issuedOn: 2024-02-02\n    revoked:\n      date: 2024-03-01\n      reason: Attribué par erreur\n`,
		);
		await run(process.execPath, ['scripts/build.ts', '--root', content, '--out', out], { cwd: projectRoot, env: { ...process.env, BLASON_SIGNING_KEY: '' } });
	}, 180_000);
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	async function verify(input: string, ...args: string[]): Promise<{ code: number; result: VerifyResult }> {
		const lines: string[] = [];
		const code = await runVerify([input, '--site', out, '--offline', '--json', ...args], { out: (l) => lines.push(l), err: (l) => lines.push(l) }, NOW);
		return { code, result: JSON.parse(lines.join('\n')) as VerifyResult };
	}
	const award = (id: string, file: string) => path.join(out, 'awards', id, file);
	const formats = (r: VerifyResult) => [r, ...(r.alsoBaked ?? [])].map((x) => x.format);
	const notPassed = (r: VerifyResult) => [r, ...(r.alsoBaked ?? [])].flatMap((x) => x.checks.filter((c) => c.result !== 'pass').map((c) => `${x.format} ${c.id}: ${c.message}`));

	it('every form of an award verifies offline, every check passing (no warning: the keys are published)', async () => {
		for (const [file, expected] of Object.entries(FORMS)) {
			const { code, result } = await verify(award(VALID, file));
			expect(code, file).toBe(0);
			expect(result.status, file).toBe('valid');
			expect(formats(result), file).toEqual(expected);
			expect(notPassed(result), file).toEqual([]);
			expect(result.badge, file).toMatchObject({ name: 'Atelier numérique', issuedOn: '2026-03-14T00:00:00Z', expires: '2028-03-14T00:00:00Z' });
		}
		const svg = await verify(award(SVG, 'badge.svg'));
		expect(svg.result).toMatchObject({ valid: true, container: 'svg' });
		expect(formats(svg.result)).toEqual(['ob3-json', 'ob2-hosted']);
		expect(notPassed(svg.result)).toEqual([]);
	});

	it('an award id is looked up in the site', async () => {
		const { code, result } = await verify(VALID);
		expect(code).toBe(0);
		expect(result).toMatchObject({ format: 'ob3-json', badge: { id: `https://fixture.example.org/badges/awards/${VALID}/credential.json` } });
	});

	it('--email matches the hashed recipient in every form', async () => {
		for (const file of Object.keys(FORMS)) {
			const { code, result } = await verify(award(VALID, file), '--email', EMAIL);
			expect(code, file).toBe(0);
			for (const r of [result, ...(result.alsoBaked ?? [])]) expect(r.badge.recipientMatch, `${file} ${r.format}`).toBe(true);
		}
		const wrong = await verify(award(VALID, 'credential.jwt'), '--email', 'lea.martin@example.com');
		expect(wrong).toMatchObject({ code: 1, result: { status: 'invalid', badge: { recipientMatch: false } } });
	});

	it('an expired award is expired in every form', async () => {
		for (const file of Object.keys(FORMS)) {
			const { code, result } = await verify(award(EXPIRED, file));
			expect(code, file).toBe(1);
			for (const r of [result, ...(result.alsoBaked ?? [])]) {
				expect(r.status, `${file} ${r.format}`).toBe('expired');
				expect(r.checks.filter((c) => c.result === 'fail').map((c) => c.id)).toEqual(['expiry']);
			}
		}
	});

	it('a revoked award is revoked in every form: hosted copy, RevocationList, status list', async () => {
		for (const file of ['badge.svg', 'assertion.json', 'assertion.jws', 'credential.json', 'credential.jwt']) {
			const { code, result } = await verify(award(REVOKED, file));
			expect(code, file).toBe(1);
			for (const r of [result, ...(result.alsoBaked ?? [])]) {
				expect(r.status, `${file} ${r.format}`).toBe('revoked');
				expect(r.checks.filter((c) => c.result === 'fail').map((c) => c.id), `${file} ${r.format}`).toEqual(['revocation']);
			}
		}
		const hosted = await verify(award(REVOKED, 'assertion.json'));
		expect(hosted.result.badge.revocationReason).toBe('Attribué par erreur');
	});

	it('a changed byte in a published credential makes it invalid', async () => {
		const copy = path.join(tmp, 'credential.json');
		writeFileSync(copy, readFileSync(award(VALID, 'credential.json'), 'utf8').replace('Atelier numérique', 'Atelier numériquf'));
		const { code, result } = await verify(copy);
		expect(code).toBe(1);
		expect(result.checks.filter((c) => c.result === 'fail').map((c) => c.id)).toEqual(['signature']);
	});

	it('over HTTP: fetched with --allow-local, refused without it', async () => {
		const server = await serveStatic(out, '/');
		try {
			const url = `${server.url}awards/${VALID}/credential.jwt`;
			const lines: string[] = [];
			const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
			expect(await runVerify([url, '--site', out, '--allow-local'], io, NOW)).toBe(0);
			lines.length = 0;
			expect(await runVerify([url, '--site', out], io, NOW)).toBe(1);
			expect(lines.join('\n')).toMatch(/only https is allowed \(--allow-local allows http\)/);
		} finally {
			await server.close();
		}
	});

	it('the npm script runs: exit 0 for a valid badge, 1 for an expired one', async () => {
		const script = (id: string, file: string) => run(process.execPath, ['scripts/verify.ts', award(id, file), '--site', out, '--offline'], { cwd: projectRoot });
		const ok = await script(SVG, 'credential.json');
		expect(ok.stdout).toMatch(/✓ VALIDE \/ VALID\n$/);
		const expired = await script(EXPIRED, 'credential.jwt').then(
			() => undefined,
			(e: { code: number; stdout: string }) => e,
		);
		expect(expired?.code).toBe(1);
		expect(expired?.stdout).toMatch(/✗ EXPIRÉ \/ EXPIRED\n$/);
	});
});
