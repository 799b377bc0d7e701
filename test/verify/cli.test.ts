/**
 * The command line: exit codes, usage errors, clear messages for bad input (never a stack
 * trace), the --json structure, and an --email that is never printed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVerify } from '../../src/lib/cli/verify-command.ts';
import { ob2Samples, ob3Samples } from './fetchers.ts';

async function cli(...args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runVerify(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, new Date('2026-06-01T00:00:00Z'));
	return { code, out: out.join('\n'), err: err.join('\n'), all: [...out, ...err].join('\n') };
}

const STACK = /\n\s+at .+:\d+:\d+/;

describe('npm run verify (command line)', () => {
	const tmp = mkdtempSync(path.join(tmpdir(), 'blason-verify-cli-'));
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	it('usage errors exit 2 with the usage text', async () => {
		for (const args of [[], ['a.json', 'b.json'], ['--nope', 'a.json'], ['a.json', '--email'], ['a.json', '--site']]) {
			const r = await cli(...args);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.err).toContain('Usage : npm run verify');
		}
		expect((await cli('--help')).code).toBe(0);
		const badSite = await cli(path.join(ob3Samples, 'simple.json'), '--site', tmp);
		expect(badSite.code).toBe(2);
		expect(badSite.err).toMatch(/--site .*issuer\/profile\.json/);
	});

	it('a valid badge exits 0 and says so; the summary names the badge, issuer and dates', async () => {
		const r = await cli(path.join(ob3Samples, 'simple.json'), '--offline');
		expect(r.code).toBe(0);
		expect(r.out).toContain('Badge : Teamwork Badge');
		expect(r.out).toContain('Émetteur / Issuer : Example Corp <https://example.com/issuers/876543>');
		expect(r.out).toContain('Délivré le / Issued on : 2010-01-01');
		expect(r.out).toMatch(/✓ signature +preuve eddsa-rdfc-2022 valide \/ eddsa-rdfc-2022 proof is valid/);
		expect(r.out).toMatch(/⚠ key /);
		expect(r.out.split('\n').at(-1)).toBe('✓ VALIDE / VALID (avec avertissements / with warnings)');
	});

	it('an expired badge exits 1 and says EXPIRED', async () => {
		const r = await cli(path.join(ob3Samples, 'simple-err-expired.json'), '--offline');
		expect(r.code).toBe(1);
		expect(r.out.split('\n').at(-1)).toBe('✗ EXPIRÉ / EXPIRED');
	});

	it('--json prints the stable structure', async () => {
		const r = await cli(path.join(ob3Samples, 'simple-err-expired.json'), '--json', '--offline');
		expect(r.code).toBe(1);
		const json = JSON.parse(r.out);
		expect(Object.keys(json)).toEqual(['valid', 'status', 'format', 'container', 'checks', 'badge']);
		expect(json).toMatchObject({ valid: false, status: 'expired', format: 'ob3-json', container: 'json', badge: { name: 'Teamwork Badge', expires: '2010-01-01T00:00:00Z' } });
		for (const check of json.checks) {
			expect(Object.keys(check)).toEqual(['id', 'result', 'message']);
			expect(['pass', 'fail', 'warn', 'skip']).toContain(check.result);
		}
	});

	it('bad input gives one clear message and exit 1, never a stack trace', async () => {
		const malformed = path.join(tmp, 'broken.json');
		writeFileSync(malformed, '{"@context": ["https://www.w3.org/ns/credentials/v2",');
		const damaged = path.join(tmp, 'damaged.png');
		const png = Buffer.from(await import('node:fs').then((fs) => fs.readFileSync(path.join(ob2Samples, 'simple-badge.png'))));
		png[40] = png[40]! ^ 0xff;
		writeFileSync(damaged, png);
		const text = path.join(tmp, 'notes.txt');
		writeFileSync(text, 'hello');
		const cases: [string[], RegExp][] = [
			[[path.join(tmp, 'missing.png')], /fichier introuvable .* file not found/],
			[[path.join(ob2Samples, 'assets/robotics-badge.png')], /PNG image without a badge/],
			[[damaged], /damaged PNG \(bad CRC/],
			[[malformed], /malformed JSON/],
			[[text], /neither JSON, nor a JWS, nor a badge URL/],
			[[tmp], /is a folder, not a badge/],
			[['k7m2x9qd4p1h', '--site', path.join(ob3Samples, '..')], /--site/],
			[['https://example.org/badge.json', '--offline'], /offline verification, no network request/],
			[[path.join(ob2Samples, 'basic-assertion.json'), '--offline'], /hosted copy not found.*offline/],
		];
		for (const [args, message] of cases) {
			const r = await cli(...args);
			expect(r.code, args.join(' ')).toBeGreaterThan(0);
			expect(r.all, args.join(' ')).toMatch(message);
			expect(r.all, args.join(' ')).not.toMatch(STACK);
		}
		// An award id that no site in dist/ holds (whether or not the demo site was built there).
		const award = await cli('zz9yy8xx7ww6');
		expect(award.code).toBe(1);
		expect(award.all).toMatch(/award "zz9yy8xx7ww6": no built site in dist \(npm run build, or --site DIR\)|award "zz9yy8xx7ww6" not found in dist/);
	});

	it('a network error is a clear message', async () => {
		// .invalid never resolves (RFC 6761).
		const r = await cli('https://blason-verify-test.invalid/badge.json');
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/could not reach https:\/\/blason-verify-test\.invalid\/badge\.json/);
		expect(r.all).not.toMatch(STACK);
	}, 20_000);

	it('--email is compared but never printed, matching or not', async () => {
		for (const email of ['somebody@gmail.com', 'wrong.person@example.net']) {
			for (const json of [[], ['--json']]) {
				const r = await cli(path.join(ob3Samples, 'simple.json'), '--offline', '--email', email, ...json);
				expect(r.code).toBe(1); // simple.json's subject is a DID, not an address
				expect(r.all.toLowerCase()).not.toContain(email.toLowerCase());
				expect(r.all.toLowerCase()).not.toContain(email.split('@')[0]!);
			}
		}
		const usage = await cli('--email=secret.person@example.org', '--bogus');
		expect(usage.all).not.toContain('secret.person');
	});
});
