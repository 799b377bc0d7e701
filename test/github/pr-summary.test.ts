/**
 * npm run pr-summary: what a pull request changes, in one comment created the first time and
 * updated in place afterwards, against a GitHub API stand-in on loopback that replays recorded
 * responses. Every request the command makes is compared with the expected one.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPrSummary } from '../../src/lib/cli/pr-summary-command.ts';
import { renderSummary, summarisePullRequest, SUMMARY_MARKER } from '../../src/lib/github/pr-summary.ts';
import { captureIo, runScript } from '../cli/temp-site.ts';
import { answer, startFakeGitHub, trimmedRecording, type FakeGitHub, type Recording } from './github-server.ts';
import { tempRepo } from './repo.ts';

const now = new Date('2026-11-22T12:00:00Z');
const REPO = '/repos/octokit-fixture-org/hello-world';
const NEW_HASH = `sha256$${'ab'.repeat(32)}`;

let repo: ReturnType<typeof tempRepo>;
let github: FakeGitHub | undefined;

/** A pull request that adds two awards (one to a new person), revokes one and adds a badge. */
function awardBatch() {
	repo.git('checkout', '-q', '-b', 'atelier-novembre');
	repo.edit('recipients/anonyme.yaml', (t) => `${t}  - id: n1n4aw4rd001\n    badge: engagement-citoyen\n    issuedOn: 2026-01-01\n`);
	repo.write('recipients/r-abc123.yaml', `identity:\n  hash: ${NEW_HASH}\n  salt: NewSalt123\nawards:\n  - id: p2q3r4s5t6v7\n    badge: atelier-numerique\n    issuedOn: 2026-01-02\n`);
	repo.edit('recipients/lea-m.yaml', (t) => t.replace('issuedOn: 2023-01-10T10:00:00+01:00', 'issuedOn: 2023-01-10T10:00:00+01:00\n    revoked: { date: 2026-01-02, reason: Attribué par erreur }'));
	repo.git('mv', 'badges/engagement-citoyen', 'badges/velo-solidaire');
	repo.git('checkout', '-q', 'main', '--', 'badges/engagement-citoyen');
	repo.edit('badges/velo-solidaire/badge.md', (t) => t.replace('name: Engagement citoyen', 'name: Vélo solidaire'));
	repo.commit('Badges de l’atelier de novembre');
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const event = path.join(repo.root, '.git', 'event.json');
	writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 12, pull_request: { number: 12, head: { sha: 'c0ffee0123456789c0ffee0123456789c0ffee01' } } }));
	return { GITHUB_TOKEN: 'ghs_0000000000000000000000000000000000000001', GITHUB_REPOSITORY: 'octokit-fixture-org/hello-world', GITHUB_EVENT_PATH: event, GITHUB_API_URL: github?.url, ...extra };
}

async function run(recordings: Recording[], extraEnv: Record<string, string> = {}) {
	github = await startFakeGitHub(recordings);
	const io = captureIo();
	const code = await runPrSummary(['--base', 'main', '--root', repo.root], { io, env: env(extraEnv), now });
	return { code, io, requests: github.requests };
}

/** The comment the pull request gets, as --dry-run prints it. */
async function expectedComment(): Promise<string> {
	const io = captureIo();
	expect(await runPrSummary(['--base', 'main', '--root', repo.root, '--dry-run'], { io, env: env(), now })).toBe(0);
	return io.stdout();
}

beforeEach(() => {
	repo = tempRepo();
});
afterEach(async () => {
	await github?.close();
	github = undefined;
	repo.remove();
});

describe('the summary of a pull request', () => {
	it('counts awards added and revoked, recipients and new badges, and names no one', async () => {
		awardBatch();
		const summary = await summarisePullRequest(repo.root, 'main', { now });
		expect(summary).toMatchObject({
			added: [
				{ id: 'n1n4aw4rd001', badge: 'engagement-citoyen', badgeName: 'Engagement citoyen', url: 'https://fixture.example.org/badges/awards/n1n4aw4rd001/' },
				{ id: 'p2q3r4s5t6v7', badge: 'atelier-numerique', badgeName: 'Atelier numérique' },
			],
			revoked: [{ id: 'a1b2c3d4e5f6', badge: 'engagement-citoyen' }],
			recipients: { touched: 3, new: 1 },
			badgesAdded: [{ slug: 'velo-solidaire', name: 'Vélo solidaire' }],
			problems: [],
		});

		const comment = renderSummary(summary, { commit: 'c0ffee0123456789' });
		expect(comment.split('\n')[0]).toBe(SUMMARY_MARKER);
		expect(comment).toContain('✅ **Aucune erreur** : la relecture peut commencer / no errors: ready for review.');
		expect(comment).toContain('| Badges décernés / awards added | 2 |');
		expect(comment).toContain('| Badges révoqués / awards revoked | 1 |');
		expect(comment).toContain('| Personnes concernées / recipients | 3 (dont 1 nouvelle / 1 new) |');
		expect(comment).toContain('| Nouveaux badges / new badges | 1 |');
		expect(comment).toContain('- **Engagement citoyen** (`engagement-citoyen`) — [`n1n4aw4rd001`](https://fixture.example.org/badges/awards/n1n4aw4rd001/)');
		expect(comment).toContain('- **Vélo solidaire** (`velo-solidaire`)');
		expect(comment).toContain('c0ffee0');
		// Léa consented to show her name, but a summary counts people: no name, no hash, no file name.
		for (const secret of ['Léa', 'Martin', 'sha256$', 'NewSalt123', 'lea-m', 'r-abc123', 'anonyme']) expect(comment).not.toContain(secret);
	});

	it('lists the errors of the check and of the permanence guard, with file and line', async () => {
		repo.git('checkout', '-q', '-b', 'oops');
		repo.edit('recipients/anonyme.yaml', (t) => `${t}  - id: n1n4aw4rd001\n    badge: atelier-numerik\n    issuedOn: 2026-01-01\n`);
		repo.edit('recipients/lea-m.yaml', (t) => t.replace(/  - id: a1b2c3d4e5f6\n.*\n.*\n/, ''));
		repo.commit('Erreurs');
		const comment = renderSummary(await summarisePullRequest(repo.root, 'main', { now }));
		expect(comment).toContain('❌ **2 erreurs à corriger avant de fusionner** / 2 errors to fix before merging.');
		expect(comment).toContain('| Erreurs / errors | 2 |');
		expect(comment).toContain('- `recipients/anonyme.yaml:9` awards.1.badge: unknown badge "atelier-numerik" — did you mean "atelier-numerique"?');
		expect(comment).toContain('- `atelier-numerik` — `n1n4aw4rd001`');
		expect(comment).toContain('- `recipients/lea-m.yaml` awards: the published award "a1b2c3d4e5f6" was removed');
	});
});

describe('npm run pr-summary', () => {
	it('creates the comment when the pull request has none', async () => {
		awardBatch();
		const body = await expectedComment();
		const { code, io, requests } = await run([trimmedRecording('issue-comments', 'list-without-summary'), trimmedRecording('issue-comments', 'create')]);
		expect(requests).toEqual([
			{ method: 'GET', path: `${REPO}/issues/12/comments?per_page=100` },
			{ method: 'POST', path: `${REPO}/issues/12/comments`, body: { body } },
		]);
		expect(code).toBe(0);
		expect(io.stdout()).toBe('✓ Résumé publié / summary comment created: https://github.com/octokit-fixture-org/hello-world/pull/12#issuecomment-1004');
		expect(github!.pending()).toEqual([]);
	});

	it('updates its own comment in place, found on the second page of comments', async () => {
		awardBatch();
		const body = await expectedComment();
		const { code, io, requests } = await run([
			trimmedRecording('issue-comments', 'list-page-1'),
			trimmedRecording('issue-comments', 'list-page-2'),
			trimmedRecording('issue-comments', 'update'),
		]);
		expect(requests).toEqual([
			{ method: 'GET', path: `${REPO}/issues/12/comments?per_page=100` },
			// The Link header's next page, as GitHub gives it.
			{ method: 'GET', path: '/repositories/1000/issues/12/comments?per_page=100&page=2' },
			{ method: 'PATCH', path: `${REPO}/issues/comments/1002`, body: { body } },
		]);
		expect(code).toBe(0);
		expect(io.stdout()).toContain('summary comment updated');
	});

	it('leaves the comment alone when it already says the same', async () => {
		awardBatch();
		const body = await expectedComment();
		const listed = answer(trimmedRecording('issue-comments', 'list-page-2'), {
			path: `${REPO}/issues/12/comments?per_page=100`,
			response: (comments: { body: string }[]) => [comments[1], { ...comments[0], body }],
		});
		const { code, io, requests } = await run([listed]);
		expect(requests).toEqual([{ method: 'GET', path: `${REPO}/issues/12/comments?per_page=100` }]);
		expect(code).toBe(0);
		expect(io.stdout()).toContain('summary comment already up to date');
	});

	describe('never fails the check when the API refuses: a warning annotation instead', () => {
		it('403: the token cannot write to pull requests', async () => {
			const { code, io, requests } = await run([trimmedRecording('issue-comments', 'list-without-summary'), trimmedRecording('errors', 'forbidden')], { GITHUB_ACTIONS: 'true' });
			expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${REPO}/issues/12/comments?per_page=100`, `POST ${REPO}/issues/12/comments`]);
			expect(code).toBe(0);
			expect(io.stdout()).toBe('::warning title=Blason::Résumé non publié / summary comment not posted: GitHub refused to let the workflow comment on pull request #12 (HTTP 403: "Resource not accessible by integration") — the job\'s token needs `pull-requests: write` (the job\'s permissions in its workflow file); a pull request from a fork only ever gets a read-only token');
		});

		it('404: the pull request or repository is not there', async () => {
			const { code, io } = await run([trimmedRecording('errors', 'not-found')]);
			expect(code).toBe(0);
			expect(io.stderr()).toBe('⚠ Résumé non publié / summary comment not posted: could not comment on pull request #12: GitHub answered 404 (not found) — pull request #12 or its repository octokit-fixture-org/hello-world was not found: check GITHUB_REPOSITORY and the event');
		});

		it('rate limit: 403 with x-ratelimit-remaining 0, and when it resets', async () => {
			const limited = answer(trimmedRecording('errors', 'rate-limit'), { path: `${REPO}/issues/12/comments?per_page=100`, headers: { 'x-ratelimit-reset': String(now.getTime() / 1000 + 15 * 60) } });
			const { code, io } = await run([limited]);
			expect(code).toBe(0);
			expect(io.stderr()).toMatch(/^⚠ Résumé non publié \/ summary comment not posted: GitHub's API rate limit was reached: could not comment on pull request #12 \(HTTP 403: "API rate limit exceeded for installation ID 1000\..*"\) — the limit resets at 12:15 UTC \(in 15 min\), then run the workflow again/);
		});

		it('rate limit: 429 with retry-after', async () => {
			const limited = answer(trimmedRecording('errors', 'secondary-rate-limit'), { method: 'get', path: `${REPO}/issues/12/comments?per_page=100` });
			const { code, io } = await run([limited]);
			expect(code).toBe(0);
			expect(io.stderr()).toContain('GitHub\'s API rate limit was reached: could not comment on pull request #12 (HTTP 429: "You have exceeded a secondary rate limit.');
			expect(io.stderr()).toContain('— wait 60 s (GitHub\'s retry-after), then run the workflow again');
		});

		it('prints no stack trace and no token from the real script', async () => {
			github = await startFakeGitHub([trimmedRecording('issue-comments', 'list-without-summary'), trimmedRecording('errors', 'forbidden')]);
			const result = await runScript('pr-summary', ['--base', 'main', '--root', repo.root], env({ GITHUB_ACTIONS: 'true' }));
			expect(result.code).toBe(0);
			expect(result.stdout).toMatch(/^::warning title=Blason::Résumé non publié .*HTTP 403/m);
			expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
			expect(`${result.stdout}${result.stderr}`).not.toContain('ghs_');
		});
	});

	it('needs the GitHub Actions variables, except with --dry-run', async () => {
		const io = captureIo();
		expect(await runPrSummary(['--base', 'main', '--root', repo.root], { io, env: {}, now })).toBe(2);
		expect(io.stderr()).toBe('✗ GITHUB_TOKEN is not set — the workflow step sets it (env: GITHUB_TOKEN: ${{ github.token }}); outside GitHub Actions, set it yourself');
		const dry = captureIo();
		expect(await runPrSummary(['--base', 'main', '--root', repo.root, '--dry-run'], { io: dry, env: {}, now })).toBe(0);
		expect(dry.stdout()).toContain('| Badges décernés / awards added | 0 |');
	});
});
