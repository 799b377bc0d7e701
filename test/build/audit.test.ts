/** The audit trail on the built site: /audit/, its Atom feed and each award page, from real Git history. */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, projectRoot } from '../helpers.ts';

const run = promisify(execFile);
const tmp = mkdtempSync(path.join(tmpdir(), 'blason-audit-'));
const repo = path.join(tmp, 'repo');
const build = (root: string, out: string, env: NodeJS.ProcessEnv = {}) =>
	run(process.execPath, ['scripts/build.ts', '--root', root, '--out', out], {
		cwd: projectRoot,
		env: { ...process.env, BLASON_SIGNING_KEY: '', GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', CI_PROJECT_URL: '', ...env },
	});
const read = (out: string, rel: string) => readFileSync(path.join(out, rel), 'utf8');
const git = (args: string[], who: string, date: string) =>
	execFileSync('git', args, {
		cwd: repo,
		env: { ...process.env, GIT_AUTHOR_NAME: who, GIT_AUTHOR_EMAIL: 'secret.person@example.invalid', GIT_COMMITTER_NAME: who, GIT_COMMITTER_EMAIL: 'secret.person@example.invalid', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
	});

describe('audit trail on the site', () => {
	beforeAll(async () => {
		cpSync(fixture('basic'), repo, { recursive: true });
		git(['init', '-q', '-b', 'main'], 'Alice Martin', '2026-01-05T09:00:00Z');
		git(['remote', 'add', 'origin', 'git@github.com:asso/badges.git'], 'Alice Martin', '2026-01-05T09:00:00Z');
		git(['add', '-A'], 'Alice Martin', '2026-01-05T09:00:00Z');
		git(['commit', '-q', '-m', 'Premiers badges'], 'Alice Martin', '2026-01-05T09:00:00Z');
		git(['checkout', '-q', '-b', 'revoke'], 'Bob Durand', '2026-02-01T09:00:00Z');
		const file = path.join(repo, 'recipients/anonyme.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace('issuedOn: 2022-05-01', 'issuedOn: 2022-05-01\n    revoked: { date: 2026-02-01, reason: Attribué par erreur }'));
		git(['commit', '-q', '-am', 'Révoquer une attribution'], 'Bob Durand', '2026-02-01T09:00:00Z');
		git(['checkout', '-q', 'main'], 'Chloé Petit', '2026-02-02T09:00:00Z');
		git(['merge', '-q', '--no-ff', 'revoke', '-m', 'Merge pull request #12 from asso/revoke\n\nApproved-by: Chloé Petit'], 'Chloé Petit', '2026-02-02T09:00:00Z');
		await build(repo, path.join(tmp, 'site'));
	}, 120_000);
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	it('lists every issuance and revocation, newest first, with who, when, the pull request and the commit', () => {
		const html = read(path.join(tmp, 'site'), 'audit/index.html');
		const list = /<ol class="audit"[^>]*>([\s\S]*?)<\/ol>/.exec(html)![1]!;
		const items = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
		expect(items).toHaveLength(4);
		expect(items[0]).toMatch(/^Badge « Atelier numérique » — Révoqué 2 février 2026 proposé par Bob Durand, accepté par Chloé Petit · demande de fusion n° 12 · approuvée par Chloé Petit · commit [0-9a-f]{7} · motif : Attribué par erreur$/);
		expect(items.slice(1).every((i) => /Décerné 5 janvier 2026 par Alice Martin · commit [0-9a-f]{7}$/.test(i))).toBe(true);
		expect(html).toContain('href="https://github.com/asso/badges/pull/12"');
		expect(html).toMatch(/href="https:\/\/github.com\/asso\/badges\/commit\/[0-9a-f]{40}"/);
		expect(html).not.toContain('secret.person');
	});

	it('shows the trail on the award page', () => {
		// Inline elements (the names in their <span data-v>) join the words around them; the others separate.
		const html = read(path.join(tmp, 'site'), 'awards/zz9yy8xx7ww6/index.html').replace(/<\/?(?:span|a)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
		expect(html).toContain('Traçabilité');
		expect(html).toMatch(/Décerné 5 janvier 2026 par Alice Martin · commit [0-9a-f]{7}/);
		expect(html).toMatch(/Révoqué 2 février 2026 proposé par Bob Durand, accepté par Chloé Petit/);
	});

	it('publishes the same events as a well-formed Atom feed', () => {
		const xml = read(path.join(tmp, 'site'), 'audit/feed.xml');
		const errors: string[] = [];
		const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(xml, 'text/xml');
		expect(errors).toEqual([]);
		const ns = 'http://www.w3.org/2005/Atom';
		expect(doc.documentElement!.namespaceURI).toBe(ns);
		const entries = doc.getElementsByTagNameNS(ns, 'entry');
		expect(entries.length).toBe(4);
		expect(entries[0]!.getElementsByTagNameNS(ns, 'updated')[0]!.textContent).toBe('2026-02-02T09:00:00Z');
		expect(entries[0]!.getElementsByTagNameNS(ns, 'title')[0]!.textContent).toBe('Révoqué — Badge « Atelier numérique »');
		expect(xml).not.toContain('secret.person');
	});

	it('says so when the content has no Git history (an archive)', async () => {
		const archive = path.join(tmp, 'archive');
		cpSync(fixture('basic'), archive, { recursive: true });
		const { stdout } = await build(archive, path.join(tmp, 'archive-site'));
		expect(stdout).toContain('no Git history');
		expect(read(path.join(tmp, 'archive-site'), 'audit/index.html')).toContain('L’historique n’est pas disponible');
		expect(read(path.join(tmp, 'archive-site'), 'awards/k7m2x9qd4p1h/index.html')).toContain('L’historique n’est pas disponible');
	}, 60_000);
});
