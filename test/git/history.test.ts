import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHistory } from '../../src/lib/git/history.ts';
import { runErase } from '../../src/lib/cli/erase-command.ts';
import { fixture } from '../helpers.ts';

let repo: string;
let clock = 0;
const git = (args: string[], who = 'Alice Martin') => {
	// Fixed, increasing dates: the history must not depend on when the test runs.
	const date = new Date(Date.UTC(2026, 0, 1, 10) + clock++ * 3_600_000).toISOString();
	return execFileSync('git', args, {
		cwd: repo,
		encoding: 'utf8',
		env: { ...process.env, GIT_AUTHOR_NAME: who, GIT_AUTHOR_EMAIL: `${who.split(' ')[0]!.toLowerCase()}@example.invalid`, GIT_COMMITTER_NAME: who, GIT_COMMITTER_EMAIL: 'c@example.invalid', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
	});
};
const file = (rel: string) => path.join(repo, rel);
const edit = (rel: string, change: (text: string) => string) => writeFileSync(file(rel), change(readFileSync(file(rel), 'utf8')));
const commit = (message: string, who?: string) => {
	git(['add', '-A'], who);
	git(['commit', '-q', '-m', message], who);
};

beforeEach(() => {
	clock = 0;
	repo = mkdtempSync(path.join(tmpdir(), 'blason-history-'));
	cpSync(fixture('basic'), repo, { recursive: true });
	git(['init', '-q', '-b', 'main']);
	commit('Premiers badges');
});
afterEach(() => {
	rmSync(repo, { recursive: true, force: true });
	rmSync(`${repo}-cache`, { recursive: true, force: true });
});

describe('audit trail from Git', () => {
	it('dates each issuance at its merge, with the proposer, the merger, the pull request and the approver', () => {
		git(['checkout', '-q', '-b', 'award-nina'], 'Bob Durand');
		edit('recipients/anonyme.yaml', (t) => `${t}  - id: n1n4aw4rd001\n    badge: atelier-numerique\n    issuedOn: 2026-01-01\n`);
		commit('Badge atelier pour une participante', 'Bob Durand');
		git(['checkout', '-q', 'main']);
		git(['merge', '-q', '--no-ff', 'award-nina', '-m', 'Merge pull request #7 from asso/award-nina\n\nApproved-by: Chloé Petit'], 'Chloé Petit');

		const { available, events } = readHistory(repo);
		expect(available).toBe(true);
		expect(events.filter((e) => e.kind === 'issued').map((e) => e.awardId)).toEqual(['a1b2c3d4e5f6', 'k7m2x9qd4p1h', 'zz9yy8xx7ww6', 'n1n4aw4rd001']);
		const nina = events.find((e) => e.awardId === 'n1n4aw4rd001')!;
		const merge = git(['log', '-1', '--format=%H %ct']).trim().split(' ');
		expect(nina).toMatchObject({ kind: 'issued', author: 'Bob Durand', mergedBy: 'Chloé Petit', pullRequest: 7, approvedBy: 'Chloé Petit', commit: merge[0] });
		expect(Date.parse(nina.date) / 1000).toBe(Number(merge[1]));
		expect(nina.date).toMatch(/^2026-01-01T\d\d:00:00Z$/);
		expect(JSON.stringify(events)).not.toContain('@example.invalid');
	});

	it('records revocations with their reason, and neither a renamed file nor a moved award is a new issuance', () => {
		renameSync(file('recipients/anonyme.yaml'), file('recipients/personne-1.yaml'));
		commit('Renommer le fichier');
		edit('recipients/lea-m.yaml', (t) => t.replace('issuedOn: 2023-01-10T10:00:00+01:00', 'issuedOn: 2023-01-10T10:00:00+01:00\n    revoked: { date: 2026-01-02, reason: Attribué par erreur }'));
		commit('Révocation', 'Chloé Petit');
		const { events } = readHistory(repo);
		expect(events.map((e) => `${e.kind} ${e.awardId}`)).toEqual(['issued a1b2c3d4e5f6', 'issued k7m2x9qd4p1h', 'issued zz9yy8xx7ww6', 'revoked a1b2c3d4e5f6']);
		expect(events.at(-1)).toMatchObject({ author: 'Chloé Petit', reason: 'Attribué par erreur', commit: git(['rev-parse', 'HEAD']).trim() });
		expect(events.at(-1)!.mergedBy).toBeUndefined();
	});

	it('records an erasure for each award of the erased file, and no new issuance', async () => {
		const io = { out: () => {}, err: () => {} };
		expect(await runErase(['lea-m', '--root', repo], { io, now: new Date('2026-11-22T12:00:00Z') })).toBe(0);
		commit('Effacement sur demande', 'Chloé Petit');
		const { events } = readHistory(repo);
		expect(events.map((e) => `${e.kind} ${e.awardId}`)).toEqual(['issued a1b2c3d4e5f6', 'issued k7m2x9qd4p1h', 'issued zz9yy8xx7ww6', 'erased a1b2c3d4e5f6', 'erased k7m2x9qd4p1h']);
		expect(events.at(-1)).toMatchObject({ author: 'Chloé Petit', commit: git(['rev-parse', 'HEAD']).trim() });
		expect(events.at(-1)!.reason).toBeUndefined();
	});

	it('says there is no history outside a repository or in a shallow clone', () => {
		const plain = mkdtempSync(path.join(tmpdir(), 'blason-nohistory-'));
		cpSync(fixture('basic'), plain, { recursive: true });
		expect(readHistory(plain)).toEqual({ available: false, events: [] });
		rmSync(plain, { recursive: true, force: true });
		const shallow = mkdtempSync(path.join(tmpdir(), 'blason-shallow-'));
		execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
		expect(readHistory(shallow).available).toBe(false);
		rmSync(shallow, { recursive: true, force: true });
	});

	it('reads only the commits since the cached one, and gives the same trail as a full read', () => {
		const cache = path.join(`${repo}-cache`, 'history.json'); // outside the repository, which commit() adds whole
		const first = readHistory(repo, cache);
		expect(readHistory(repo, cache)).toEqual(first);
		edit('recipients/lea-m.yaml', (t) => t.replace('issuedOn: 2023-01-10T10:00:00+01:00', 'issuedOn: 2023-01-10T10:00:00+01:00\n    revoked: { date: 2026-01-02, reason: Attribué par erreur }'));
		commit('Révocation', 'Chloé Petit');
		edit('recipients/anonyme.yaml', (t) => `${t}  - id: n1n4aw4rd001\n    badge: atelier-numerique\n    issuedOn: 2026-01-01\n`);
		commit('Un badge de plus');
		const cachedHead = JSON.parse(readFileSync(cache, 'utf8')).head;
		const incremental = readHistory(repo, cache);
		expect(incremental).toEqual(readHistory(repo));
		expect(incremental.events.map((e) => `${e.kind} ${e.awardId}`).slice(3)).toEqual(['revoked a1b2c3d4e5f6', 'issued n1n4aw4rd001']);
		expect(JSON.parse(readFileSync(cache, 'utf8')).head).not.toBe(cachedHead);

		// A history rewritten since (the last commit amended away) is read whole again.
		git(['reset', '-q', '--hard', 'HEAD~2']);
		edit('recipients/anonyme.yaml', (t) => `${t}  - id: 0th3raw4rd01\n    badge: atelier-numerique\n    issuedOn: 2026-02-01\n`);
		commit('Un autre badge');
		const rewritten = readHistory(repo, cache);
		expect(rewritten).toEqual(readHistory(repo));
		expect(rewritten.events.map((e) => e.awardId)).not.toContain('n1n4aw4rd001');
	});
});
