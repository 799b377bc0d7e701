import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPermanence } from '../../src/lib/git/permanence.ts';
import { runPermanence } from '../../src/lib/cli/permanence-command.ts';
import { runErase } from '../../src/lib/cli/erase-command.ts';
import { fixture } from '../helpers.ts';

let repo: string;
const env = { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T10:00:00Z' };
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
const file = (rel: string) => path.join(repo, rel);
const edit = (rel: string, change: (text: string) => string) => writeFileSync(file(rel), change(readFileSync(file(rel), 'utf8')));
const commit = (message: string) => {
	git('add', '-A');
	git('commit', '-q', '-m', message);
	return git('rev-parse', 'HEAD').trim();
};
const codes = (base: string, head: string) => checkPermanence(repo, base, head).map((p) => `${p.code} ${p.file}`).sort();

beforeEach(() => {
	repo = mkdtempSync(path.join(tmpdir(), 'blason-permanence-'));
	cpSync(fixture('basic'), repo, { recursive: true });
	git('init', '-q', '-b', 'main');
	git('config', 'user.name', 'Test');
	git('config', 'user.email', 'test@example.invalid');
	commit('published');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('permanence guard', () => {
	it('accepts new awards, revocations and an award moved to another file', () => {
		const base = git('rev-parse', 'HEAD').trim();
		edit('recipients/anonyme.yaml', (t) => `${t}  - id: nw4w4rd0001x\n    badge: atelier-numerique\n    issuedOn: 2026-01-02\n`);
		edit('recipients/lea-m.yaml', (t) => t.replace('  - id: a1b2c3d4e5f6\n    badge: engagement-citoyen\n    issuedOn: 2023-01-10T10:00:00+01:00\n', ''));
		edit('recipients/anonyme.yaml', (t) => `${t}  - id: a1b2c3d4e5f6\n    badge: engagement-citoyen\n    issuedOn: 2023-01-10T10:00:00+01:00\n    revoked: { date: 2026-01-02, reason: Erreur }\n`);
		expect(codes(base, commit('changes'))).toEqual([]);
	});

	it('fails when a published award is deleted, renumbered, changes badge or loses its revocation', () => {
		edit('recipients/anonyme.yaml', (t) => t.replace('issuedOn: 2022-05-01', 'issuedOn: 2022-05-01\n    revoked: { date: 2026-01-02, reason: Erreur }'));
		const base = commit('revoked');
		edit('recipients/lea-m.yaml', (t) => t.replace('id: k7m2x9qd4p1h', 'id: k7m2x9qd4p1j').replace('badge: engagement-citoyen', 'badge: atelier-numerique'));
		edit('recipients/anonyme.yaml', (t) => t.replace(/\n    revoked: .*/, ''));
		expect(codes(base, commit('bad'))).toEqual([
			'ERR_PUBLISHED_AWARD_BADGE_CHANGED recipients/lea-m.yaml',
			'ERR_PUBLISHED_AWARD_REMOVED recipients/lea-m.yaml',
			'ERR_PUBLISHED_AWARD_UNREVOKED recipients/anonyme.yaml',
		]);
	});

	it('accepts an erasure (the awards keep their ids), even of a revoked award, and refuses undoing it', async () => {
		edit('recipients/lea-m.yaml', (t) => t.replace('issuedOn: 2023-01-10T10:00:00+01:00', 'issuedOn: 2023-01-10T10:00:00+01:00\n    revoked: { date: 2026-01-02, reason: "" }'));
		const base = commit('revoked without a reason');
		const io = { out: () => {}, err: () => {} };
		expect(await runErase(['lea-m', '--root', repo], { io, now: new Date('2026-11-22T12:00:00Z') })).toBe(0);
		// The empty reason was left out: the erasure revokes the award in its place.
		expect(readFileSync(file('recipients/lea-m.yaml'), 'utf8')).not.toContain('revoked');
		const erased = commit('erasure');
		expect(codes(base, erased)).toEqual([]);
		edit('recipients/lea-m.yaml', (t) => t.replace(/^erased: .*\n/m, 'identity:\n  hash: sha256$f8e80452b4395c12a01b5ebbfe10b57255ac67eb2060d93527f6b6a34438b2dc\n  salt: deadseasalt\n'));
		expect(codes(erased, commit('un-erase'))).toEqual(['ERR_PUBLISHED_AWARD_UNERASED recipients/lea-m.yaml', 'ERR_PUBLISHED_AWARD_UNERASED recipients/lea-m.yaml']);
	});

	it('still sees the awards of a file whose YAML a contributor broke, and a deleted file', () => {
		const base = git('rev-parse', 'HEAD').trim();
		rmSync(file('recipients/anonyme.yaml'));
		edit('recipients/lea-m.yaml', (t) => t.replace('consent:', 'consent: : :'));
		const problems = checkPermanence(repo, base, commit('oops'));
		expect(problems.map((p) => p.code)).toEqual(['ERR_PUBLISHED_AWARD_REMOVED']);
		expect(problems[0]!.message).toContain('zz9yy8xx7ww6');
	});

	it('npm run permanence names the award and fails, or confirms; a bad ref is a clear error', async () => {
		const lines: string[] = [];
		const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
		git('checkout', '-q', '-b', 'pr');
		edit('recipients/lea-m.yaml', (t) => t.replace('id: k7m2x9qd4p1h', 'id: k7m2x9qd4p1j'));
		commit('renumber');
		expect(await runPermanence(['--base', 'main', '--root', repo], io)).toBe(1);
		expect(lines.join('\n')).toContain('recipients/lea-m.yaml awards: the published award "k7m2x9qd4p1h" was removed');
		lines.length = 0;
		expect(await runPermanence(['--base', 'main', '--head', 'main', '--root', repo], io)).toBe(0);
		expect(lines.join('\n')).toContain('✓ Permanence');
		lines.length = 0;
		expect(await runPermanence(['--base', 'origin/nope', '--root', repo], io)).toBe(1);
		expect(lines.join('\n')).toMatch(/✗ cannot compare origin\/nope and HEAD: fatal: .*— run it inside the badges repository/);
		expect(lines.join('\n')).not.toMatch(/\n\s+at /);
		expect(await runPermanence([], io)).toBe(2);
	});
});
