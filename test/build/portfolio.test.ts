/**
 * Portfolios and public earners on the built site: a person's awards are shown together, under
 * their name, only with their consent (consent.portfolio, on top of consent.showName); for everyone
 * else no page exists and no page puts two of their awards side by side.
 */
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, projectRoot } from '../helpers.ts';
import { listFiles } from './site-check.ts';

const run = promisify(execFile);
const build = (root: string, out: string) =>
	run(process.execPath, ['scripts/build.ts', '--root', root, '--out', out], {
		cwd: projectRoot,
		env: { ...process.env, BLASON_SIGNING_KEY: '', GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', CI_PROJECT_URL: '' },
		maxBuffer: 64 * 1024 * 1024,
	});

const hash = (n: number) => `sha256$${String(n).repeat(64).slice(0, 64)}`;

/** Who is in the content, and which of their awards the site holds. */
const LEA = { slug: 'lea-m', awards: ['a1b2c3d4e5f6', 'lrv4q8m2x6tz', 'k7m2x9qd4p1h'] }; // portfolio; the 2024 one revoked
const SAM = { slug: 'sam-b', awards: ['sm3k8q2w7d1v', 'sm9p4x6c2n8r', 'sm5t7y1j3h6e'] }; // name only, twice the same badge
const NOE = { slug: 'noe-r', awards: ['nr6w2k9p4m1x'] }; // name only, revoked
const HIDDEN = { slug: 'r-k3x9p2', awards: ['hd2m7q4x9k1w', 'hd8v3n6r2p5t'] }; // no name
const ERASED = { slug: 'r-erased', awards: ['er4s3dq7w2xk', 'er7t2mv9q4xc'] }; // tombstone
const ANONYME = { slug: 'anonyme', awards: ['zz9yy8xx7ww6'] };
const withoutPortfolio = [SAM, NOE, HIDDEN, ERASED, ANONYME];

describe('portfolios and public earners', () => {
	const tmp = mkdtempSync(path.join(tmpdir(), 'blason-portfolio-'));
	const root = path.join(tmp, 'content');
	const out = path.join(tmp, 'site');
	const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');
	const html = () => listFiles(out).filter((f) => f.endsWith('.html'));

	beforeAll(async () => {
		cpSync(fixture('basic'), root, { recursive: true, filter: (src) => path.basename(src) !== '.blason' });
		const lea = path.join(root, 'recipients/lea-m.yaml');
		writeFileSync(lea, readFileSync(lea, 'utf8').replace('  showName: true\n', '  showName: true\n  portfolio: true\n'));
		appendFileSync(lea, `  - id: lrv4q8m2x6tz\n    badge: atelier-numerique\n    issuedOn: 2024-02-01\n    revoked:\n      date: 2024-03-01\n      reason: Attribué par erreur\n`);
		const recipient = (slug: string, head: string, awards: string) => writeFileSync(path.join(root, `recipients/${slug}.yaml`), `${head}awards:\n${awards}`);
		recipient(
			SAM.slug,
			`identity:\n  hash: ${hash(1)}\n  salt: saltsam123\nname: Sam Bernard\nconsent:\n  showName: true\n`,
			`  - id: sm3k8q2w7d1v\n    badge: atelier-numerique\n    issuedOn: 2024-05-01\n  - id: sm9p4x6c2n8r\n    badge: atelier-numerique\n    issuedOn: 2025-05-01\n  - id: sm5t7y1j3h6e\n    badge: engagement-citoyen\n    issuedOn: 2025-06-01\n`,
		);
		recipient(
			NOE.slug,
			`identity:\n  hash: ${hash(2)}\n  salt: saltnoe123\nname: Noé Roux\nconsent:\n  showName: true\n  portfolio: false\n`,
			`  - id: nr6w2k9p4m1x\n    badge: engagement-citoyen\n    issuedOn: 2025-01-15\n    revoked:\n      date: 2025-02-01\n      reason: Doublon\n`,
		);
		recipient(
			HIDDEN.slug,
			`identity:\n  hash: ${hash(3)}\n  salt: salthid123\n`,
			`  - id: hd2m7q4x9k1w\n    badge: atelier-numerique\n    issuedOn: 2025-03-01\n  - id: hd8v3n6r2p5t\n    badge: engagement-citoyen\n    issuedOn: 2025-03-01\n`,
		);
		recipient(
			ERASED.slug,
			'erased: 2026-01-15\n',
			`  - id: er4s3dq7w2xk\n    badge: atelier-numerique\n    issuedOn: 2025-06-01\n  - id: er7t2mv9q4xc\n    badge: engagement-citoyen\n    issuedOn: 2025-06-02\n`,
		);
		// In a Git repository, so that the audit page lists every award: the one page that holds them all.
		const git = (...args: string[]) =>
			execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 'Alice', GIT_AUTHOR_EMAIL: 'a@example.invalid', GIT_COMMITTER_NAME: 'Alice', GIT_COMMITTER_EMAIL: 'a@example.invalid', GIT_AUTHOR_DATE: '2026-02-01T09:00:00Z', GIT_COMMITTER_DATE: '2026-02-01T09:00:00Z' } });
		git('init', '-q', '-b', 'main');
		git('add', '-A');
		git('commit', '-q', '-m', 'Badges');
		await build(root, out);
	}, 180_000);
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	it('publishes a portfolio only for the person who consented to it', () => {
		expect(listFiles(out).filter((f) => f.startsWith('recipients/'))).toEqual(['recipients/lea-m/index.html']);
		for (const { slug } of withoutPortfolio) expect(existsSync(path.join(out, 'recipients', slug))).toBe(false);
	});

	it('lists exactly that person’s awards, as a path by year, each with its state in words and its page', () => {
		const page = read('recipients/lea-m/index.html');
		expect(/<h1>([^<]*)<\/h1>/.exec(page)?.[1]).toBe('Léa Martin');
		const linked = [...page.matchAll(/href="\/badges\/awards\/([0-9a-z]+)\/"/g)].map((m) => m[1]);
		expect(linked).toEqual(LEA.awards); // chronological: 2023, 2024, 2026
		expect([...page.matchAll(/<h3 id="year-(\d{4})">/g)].map((m) => m[1])).toEqual(['2023', '2024', '2026']);
		const items = [...page.matchAll(/<li class="portfolio-award"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
		expect(items).toEqual([
			'Engagement citoyen Décerné le 10 janvier 2023 · Badge valide',
			'Atelier numérique Décerné le 1 février 2024 · Badge révoqué',
			'Atelier numérique Décerné le 14 mars 2026 · Badge valide',
		]);
		expect(page).toContain('src="/badges/badges/atelier-numerique/image.png"');
		// Counts, revoked award owned up to.
		expect(page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')')).toContain('Badges décernés 3 (dont 1 révoqué)');
		for (const other of withoutPortfolio.flatMap((r) => r.awards)) expect(page).not.toContain(other);
		// No machine-readable twin: no JSON, no alternate link.
		expect(page).not.toContain('rel="alternate"');
	});

	it('lists public earners on the badge page, one entry per person, linking to a portfolio only with consent', () => {
		const earners = (slug: string) => {
			const page = read(`badges/${slug}/index.html`);
			const list = /<ul class="earners">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
			return [...list.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} → ${m[1]}`);
		};
		// Léa's revoked 2024 award does not count; Sam appears once, with his latest award.
		expect(earners('atelier-numerique')).toEqual(['Léa Martin → /badges/recipients/lea-m/', 'Sam Bernard → /badges/awards/sm9p4x6c2n8r/']);
		// Noé's only award is revoked: not listed. No name, no entry; erased, no entry.
		expect(earners('engagement-citoyen')).toEqual(['Léa Martin → /badges/recipients/lea-m/', 'Sam Bernard → /badges/awards/sm5t7y1j3h6e/']);
		expect(read('badges/engagement-citoyen/index.html')).not.toContain('Noé Roux');
	});

	it('links the award page to the portfolio only when the person consented to one', () => {
		expect(read('awards/k7m2x9qd4p1h/index.html')).toContain('<a href="/badges/recipients/lea-m/">Léa Martin</a>');
		const sam = read('awards/sm3k8q2w7d1v/index.html');
		expect(sam).toContain('Sam Bernard');
		expect(sam).not.toContain('/recipients/');
	});

	it('keeps the visible link to the request page on the badge page', () => {
		expect(read('badges/atelier-numerique/index.html')).toMatch(/<a class="button" href="\/badges\/badges\/atelier-numerique\/request\/"[^>]*>Faire une demande<\/a>/);
	});

	it('never puts two awards of a person without a portfolio on the same page', () => {
		const allIds = [...LEA.awards, ...withoutPortfolio.flatMap((r) => r.awards)];
		for (const file of html()) {
			const page = read(file);
			if (file === 'audit/index.html') {
				// The journal lists every award of the site by date, with no recipient: it singles no one out.
				for (const id of allIds) expect(page, id).toContain(`/awards/${id}/`);
				for (const name of ['Léa Martin', 'Sam Bernard', 'Noé Roux']) expect(page).not.toContain(name);
				continue;
			}
			for (const person of withoutPortfolio) {
				const found = person.awards.filter((id) => page.includes(id));
				expect(found.length, `${file} holds ${found.join(', ')} of ${person.slug}`).toBeLessThanOrEqual(1);
			}
		}
	});

	it('links to no portfolio but the consented one, and lists portfolios nowhere', () => {
		const links = new Set(html().flatMap((f) => [...read(f).matchAll(/href="\/badges\/recipients\/([^"]*)"/g)].map((m) => m[1])));
		expect([...links]).toEqual(['lea-m/']);
		expect(existsSync(path.join(out, 'recipients/index.html'))).toBe(false);
		const linking = html().filter((f) => read(f).includes('/badges/recipients/'));
		// The badge pages list her, and each of her own award pages links its name to her portfolio.
		expect(linking.sort()).toEqual([...LEA.awards.map((id) => `awards/${id}/index.html`), 'badges/atelier-numerique/index.html', 'badges/engagement-citoyen/index.html'].sort());
	});

	it('removes the portfolio when the consent is withdrawn', async () => {
		const lea = path.join(root, 'recipients/lea-m.yaml');
		writeFileSync(lea, readFileSync(lea, 'utf8').replace('  portfolio: true\n', ''));
		const again = path.join(tmp, 'again');
		await build(root, again);
		expect(listFiles(again).filter((f) => f.startsWith('recipients/'))).toEqual([]);
		const badge = readFileSync(path.join(again, 'badges/atelier-numerique/index.html'), 'utf8');
		expect(badge).toContain('href="/badges/awards/k7m2x9qd4p1h/">Léa Martin</a>');
		expect(badge).not.toContain('/recipients/');
	});
});
