/**
 * A rebuild into the same output folder redoes only the awards that changed, and must leave
 * exactly what a clean build of the same content writes: every file, byte for byte.
 */
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, projectRoot } from '../helpers.ts';
import { listFiles } from './site-check.ts';

const run = promisify(execFile);
const env = { ...process.env, BLASON_SIGNING_KEY: '', GIT_AUTHOR_NAME: 'Ana', GIT_AUTHOR_EMAIL: 'a@example.invalid', GIT_COMMITTER_NAME: 'Ana', GIT_COMMITTER_EMAIL: 'a@example.invalid' };

describe('rebuilding into the same folder', () => {
	const tmp = mkdtempSync(path.join(tmpdir(), 'blason-incremental-'));
	const content = path.join(tmp, 'content');
	const out = path.join(tmp, 'site');
	const build = async (dir: string, ...extra: string[]) =>
		(await run(process.execPath, ['scripts/build.ts', '--root', content, '--out', dir, ...extra], { cwd: projectRoot, env })).stdout;
	const commit = (message: string) => {
		execFileSync('git', ['add', '-A'], { cwd: content, env });
		execFileSync('git', ['commit', '-q', '-m', message], { cwd: content, env });
	};
	// Every file with its bytes, so that two folders compare in one assertion with a readable diff.
	const snapshot = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]));
	const expectSameTree = (actual: string, expected: string) => {
		const a = snapshot(actual);
		const e = snapshot(expected);
		expect([...a.keys()].sort()).toEqual([...e.keys()].sort());
		for (const [f, bytes] of e) expect(a.get(f) === bytes, f).toBe(true);
	};

	beforeAll(async () => {
		cpSync(fixture('basic'), content, { recursive: true });
		execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: content });
		commit('Premiers badges');
		const first = await build(out);
		expect(first).toMatch(/Publication \/ replacing/);
	}, 120_000);
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	it('keeps every award when nothing changed, and leaves the folder as it was', async () => {
		const before = snapshot(out);
		const stdout = await build(out);
		expect(stdout).toMatch(/0 award pages and 0 awards' files changed, the other 3 kept/);
		expect(stdout).toMatch(/signatures: 0 made/);
		expect(snapshot(out)).toEqual(before);
	}, 120_000);

	it('after a new award and a revocation, writes what a clean build writes', async () => {
		appendFileSync(path.join(content, 'recipients/anonyme.yaml'), '  - id: n3waw4rd0001\n    badge: engagement-citoyen\n    issuedOn: 2025-06-01\n');
		const lea = path.join(content, 'recipients/lea-m.yaml');
		writeFileSync(lea, readFileSync(lea, 'utf8').replace('issuedOn: 2026-03-14\n', 'issuedOn: 2026-03-14\n    revoked: { date: 2026-04-01, reason: Attribué par erreur }\n'));
		commit('Un nouveau badge, une révocation');

		const stdout = await build(out);
		// The new award, the revoked one, and the other award of the new one's recipient (whose list of awards changed).
		expect(stdout).toMatch(/3 award pages and 3 awards' files changed, the other 1 kept/);
		expect(stdout).toMatch(/updating \d+ files in/);
		const clean = path.join(tmp, 'clean');
		expect(await build(clean)).toMatch(/Publication \/ replacing/);
		expectSameTree(out, clean);
		expect(readFileSync(path.join(out, 'awards/n3waw4rd0001/index.html'), 'utf8')).toContain('n3waw4rd0001');
		expect(JSON.parse(readFileSync(path.join(out, 'awards/k7m2x9qd4p1h/assertion.json'), 'utf8')).revoked).toBe(true);
	}, 240_000);

	it('redoes only the award that changed', async () => {
		const anonyme = path.join(content, 'recipients/anonyme.yaml');
		writeFileSync(anonyme, readFileSync(anonyme, 'utf8').replace('issuedOn: 2025-06-01\n', 'issuedOn: 2025-06-01\n    revoked: { date: 2026-05-01, reason: Doublon }\n'));
		commit('Révocation du doublon');
		const stdout = await build(out);
		expect(stdout).toMatch(/1 award pages and 1 awards' files changed, the other 3 kept/);
		const clean = path.join(tmp, 'clean2');
		await build(clean);
		expectSameTree(out, clean);
	}, 240_000);

	it('builds everything again when the output folder was touched, or with --clean', async () => {
		rmSync(path.join(out, 'awards/zz9yy8xx7ww6'), { recursive: true });
		const full = await build(out);
		expect(full).toMatch(/Publication \/ replacing/);
		// The rebuilds above signed only what changed, and kept the other signatures for this full build.
		expect(full).toMatch(/signatures: 0 made, 13 from the cache/);
		expect(listFiles(out)).toContain('awards/zz9yy8xx7ww6/index.html');
		expect(await build(out, '--clean')).toMatch(/Publication \/ replacing/);
		expect(await build(out)).toMatch(/the other \d+ kept/);
	}, 240_000);
});
