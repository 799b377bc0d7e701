/**
 * npm run request-to-pr: a badge request (issue) becomes a pull request that adds the award,
 * through the Git data API, against a GitHub API stand-in on loopback that replays recorded
 * responses. Every request the command makes is compared with the expected one.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimCodeHash } from '../../src/lib/awarding/claim-code.ts';
import { runRequestToPr } from '../../src/lib/cli/request-to-pr-command.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { captureIo, runScript } from '../cli/temp-site.ts';
import { answer, octokitRecording, startFakeGitHub, trimmedRecording, type FakeGitHub, type Recording, type SeenRequest } from './github-server.ts';
import { tempRepo } from './repo.ts';
import { formBody, type FormValues } from './request-body.ts';

const now = new Date('2026-11-22T12:00:00Z');
const REPO = '/repos/octokit-fixture-org/hello-world';
const CODE = 'K7M2-X9QD-4P1H';
const NEW_HASH = `sha256$${'5e'.repeat(32)}`;
const LEA_HASH = 'sha256$f8e80452b4395c12a01b5ebbfe10b57255ac67eb2060d93527f6b6a34438b2dc';
const ANONYME_HASH = 'sha256$bdd345b4851bbcf9a9aeba48ee3ea4e39d9e785a677a1c9a44bd250261d2d862';
const TOKEN = 'ghs_0000000000000000000000000000000000000001';

let repo: ReturnType<typeof tempRepo>;
let github: FakeGitHub | undefined;

beforeEach(() => {
	repo = tempRepo();
	repo.edit('badges/atelier-numerique/badge.md', (t) => t.replace('validity: P2Y', `validity: P2Y\nclaimCode: "${claimCodeHash(CODE, 'atelier-numerique')}"`));
	repo.commit('Code pour l’atelier');
});
afterEach(async () => {
	await github?.close();
	github = undefined;
	repo.remove();
});

const NEW_PERSON: FormValues = { badge: 'atelier-numerique', hash: NEW_HASH, salt: 'FreshSalt42', name: 'Noé Durand', consent: true, url: 'https://example.org/atelier/photos', narrative: "J'ai réparé trois vélos." };

function event(action: 'opened' | 'labeled', form: FormValues | string, options: { label?: string; labels?: string[] } = {}) {
	const labels = options.labels ?? (action === 'labeled' ? ['badge-request', options.label ?? 'badge:approved'] : ['badge-request']);
	return {
		action,
		issue: { number: 7, title: 'Demande de badge / Badge request', body: typeof form === 'string' ? form : formBody(form), state: 'open', labels: labels.map((name) => ({ name })) },
		...(action === 'labeled' ? { label: { name: options.label ?? 'badge:approved' } } : {}),
		repository: { default_branch: 'main', full_name: 'octokit-fixture-org/hello-world' },
	};
}

function env(payload: object, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const file = path.join(repo.root, '.git', 'event.json');
	writeFileSync(file, JSON.stringify(payload));
	return { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'octokit-fixture-org/hello-world', GITHUB_EVENT_PATH: file, GITHUB_API_URL: github?.url, ...extra };
}

async function run(payload: object, recordings: Recording[]) {
	github = await startFakeGitHub(recordings);
	const io = captureIo();
	const code = await runRequestToPr(['--root', repo.root], { io, env: env(payload), now });
	return { code, io, requests: github.requests, pending: github.pending() };
}

/** Everything a new pull request takes, in order. */
const CREATE_PULL_REQUEST: Recording[] = [
	trimmedRecording('pulls', 'list-none'),
	trimmedRecording('git-data', 'get-ref-not-found'),
	trimmedRecording('git-data', 'create-tree'),
	trimmedRecording('git-data', 'create-commit'),
	// A real recording of POST /git/refs (@octokit/fixtures), for this repository.
	answer(octokitRecording('api.github.com/git-refs', 1), { path: `${REPO}/git/refs` }),
	trimmedRecording('pulls', 'create'),
	trimmedRecording('issue-comments', 'create-on-issue'),
];

const PR_OPENED_COMMENT = '✅ La proposition #13 ajoute le badge ; il sera publié une fois relu et fusionné. / Pull request #13 adds the badge; it is published once reviewed and merged.\n\nhttps://github.com/octokit-fixture-org/hello-world/pull/13';

/** The requests that open a pull request, with the tree's files and the pull request's body left to the caller. */
function expectPullRequestCreated(requests: SeenRequest[], files: { path: string; content: string }[], prBody: string) {
	const head = repo.git('rev-parse', 'HEAD').trim();
	const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
	expect(requests).toEqual([
		{ method: 'GET', path: `${REPO}/pulls?state=all&head=octokit-fixture-org%3Abadge-request%2F7&per_page=1` },
		{ method: 'GET', path: `${REPO}/git/ref/heads%2Fbadge-request%2F7` },
		{ method: 'POST', path: `${REPO}/git/trees`, body: { base_tree: tree, tree: files.map((f) => ({ ...f, mode: '100644', type: 'blob' })) } },
		{ method: 'POST', path: `${REPO}/git/commits`, body: { message: 'Badge Atelier numérique — demande #7\n\nDemande / request: #7', tree: '0000000000000000000000000000000000000002', parents: [head] } },
		{ method: 'POST', path: `${REPO}/git/refs`, body: { ref: 'refs/heads/badge-request/7', sha: '0000000000000000000000000000000000000003' } },
		{ method: 'POST', path: `${REPO}/pulls`, body: { head: 'badge-request/7', base: 'main', title: 'Badge Atelier numérique — demande #7', body: prBody } },
		{ method: 'POST', path: `${REPO}/issues/7/comments`, body: { body: PR_OPENED_COMMENT } },
	]);
}

const awardIdIn = (text: string) => /^ {2}- id: ([0-9a-z]{12})$/m.exec(text)?.[1] ?? 'no id';

describe('a request approved by a maintainer (label badge:approved)', () => {
	it('opens a pull request that gives a new person the award, with the hash and salt of the request', async () => {
		const { code, io, requests, pending } = await run(event('labeled', NEW_PERSON), CREATE_PULL_REQUEST);
		expect(code).toBe(0);
		expect(pending).toEqual([]);
		const content = (requests[2]?.body as { tree: { content: string }[] }).tree[0]!.content;
		const id = awardIdIn(content);
		expect(content).toBe([
			'# yaml-language-server: $schema=../schemas/recipient.schema.json',
			'identity:',
			`  hash: ${NEW_HASH}`,
			'  salt: FreshSalt42',
			'name: Noé Durand',
			'consent:',
			'  showName: true',
			'awards:',
			`  - id: ${id}`,
			'    badge: atelier-numerique',
			'    issuedOn: 2026-11-22',
			"    narrative: J'ai réparé trois vélos.",
			'    evidence:',
			'      - url: https://example.org/atelier/photos',
			'',
		].join('\n'));
		expectPullRequestCreated(requests, [{ path: 'recipients/noe-d.yaml', content }], [
			'Closes #7',
			'',
			'Demande de badge / badge request #7: **Atelier numérique** (`atelier-numerique`), 2026-11-22.',
			'',
			'- Approuvée par / approved with `badge:approved`',
			'- Fichier / file: `recipients/noe-d.yaml` (nouvelle personne / new recipient)',
			`- Badge publié à / published at: https://fixture.example.org/badges/awards/${id}/`,
			"- Nom / name: écrit, avec le consentement de la personne / written, with the person's consent",
			'- Preuve / evidence: https://example.org/atelier/photos',
			'- Récit / narrative: oui / yes (voir le fichier / see the file)',
			'',
			'Relisez le fichier avant de fusionner / review the file before merging.',
			'Les vérifications ne démarrent pas seules sur une proposition ouverte par un workflow : fermez-la puis rouvrez-la pour les lancer. / Checks do not start by themselves on a pull request opened by a workflow: close and reopen it to run them.',
		].join('\n'));
		expect(io.stdout()).toBe('✓ Pull request #13 opened for issue #7: https://github.com/octokit-fixture-org/hello-world/pull/13');

		// The pull request's content passes the check.
		repo.write('recipients/noe-d.yaml', content);
		const loaded = await loadSite(repo.root, { now });
		expect(loaded.problems).toEqual([]);
		expect(loaded.site!.awards.find((a) => a.id === id)).toMatchObject({ badge: 'atelier-numerique', recipient: 'noe-d' });
	});

	it('adds the award to the recipient who has this hash, and leaves out a name given without consent', async () => {
		const before = repo.read('recipients/anonyme.yaml');
		const { code, requests } = await run(event('labeled', { badge: 'engagement-citoyen', hash: ANONYME_HASH, salt: 'AnotherSalt9', name: 'Camille' }), CREATE_PULL_REQUEST);
		expect(code).toBe(0);
		const tree = (requests[2]?.body as { tree: { path: string; content: string }[] }).tree;
		expect(tree.map((t) => t.path)).toEqual(['recipients/anonyme.yaml']);
		const id = awardIdIn(tree[0]!.content.slice(before.length));
		expect(tree[0]!.content).toBe(`${before}  - id: ${id}\n    badge: engagement-citoyen\n    issuedOn: 2026-11-22\n`);
		expect(requests[5]?.body).toMatchObject({ title: 'Badge Engagement citoyen — demande #7' });
		const prBody = (requests[5]?.body as { body: string }).body;
		expect(prBody).toContain('- Fichier / file: `recipients/anonyme.yaml` (badge ajouté / award added)');
		expect(prBody).toContain("- Nom / name: non écrit : la case de consentement n'est pas cochée / not written: the consent box is not ticked");
		expect(prBody).not.toContain('Camille');
	});

	it('tells a person who already has the badge, and opens nothing', async () => {
		const { code, io, requests } = await run(event('labeled', { badge: 'atelier-numerique', hash: LEA_HASH, salt: 'AnotherSalt9' }), [...CREATE_PULL_REQUEST.slice(0, 2), trimmedRecording('issue-comments', 'create-on-issue')]);
		expect(requests.slice(2)).toEqual([{
			method: 'POST',
			path: `${REPO}/issues/7/comments`,
			body: { body: 'Ce badge a déjà été décerné à cette adresse / this badge was already awarded to this address: https://fixture.example.org/badges/awards/k7m2x9qd4p1h/' },
		}]);
		expect(code).toBe(0);
		expect(io.stdout()).toBe('Issue #7: this person already has the badge (k7m2x9qd4p1h); said so in a comment.');
	});

	it('does nothing new for a request already turned into a pull request', async () => {
		const { code, io, requests, pending } = await run(event('labeled', NEW_PERSON), [trimmedRecording('pulls', 'list-one')]);
		expect(requests).toEqual([{ method: 'GET', path: `${REPO}/pulls?state=all&head=octokit-fixture-org%3Abadge-request%2F7&per_page=1` }]);
		expect(pending).toEqual([]);
		expect(code).toBe(0);
		expect(io.stdout()).toBe('Issue #7 was already processed: pull request #13 (https://github.com/octokit-fixture-org/hello-world/pull/13); nothing new was done.');
	});

	it('opens the pull request from the branch an interrupted run left', async () => {
		const { code, io, requests } = await run(event('labeled', NEW_PERSON), [
			trimmedRecording('pulls', 'list-none'),
			trimmedRecording('git-data', 'get-ref'),
			trimmedRecording('pulls', 'create'),
			trimmedRecording('issue-comments', 'create-on-issue'),
		]);
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${REPO}/pulls?state=all&head=octokit-fixture-org%3Abadge-request%2F7&per_page=1`,
			`GET ${REPO}/git/ref/heads%2Fbadge-request%2F7`,
			`POST ${REPO}/pulls`,
			`POST ${REPO}/issues/7/comments`,
		]);
		expect(requests[2]?.body).toMatchObject({ head: 'badge-request/7', base: 'main', title: 'Badge Atelier numérique — demande #7' });
		expect((requests[2]?.body as { body: string }).body).toMatch(/^Closes #7\n/);
		expect(code).toBe(0);
		expect(io.stdout()).toContain('(from the branch an earlier run created)');
	});

	it('stops when another run created the branch meanwhile (422 Reference already exists)', async () => {
		const { code, io, requests } = await run(event('labeled', NEW_PERSON), [...CREATE_PULL_REQUEST.slice(0, 4), trimmedRecording('git-data', 'create-ref-exists')]);
		expect(requests).toHaveLength(5);
		expect(code).toBe(0);
		expect(io.stdout()).toContain('the branch badge-request/7 was created meanwhile by another run: nothing more to do');
	});

	it('tells the person what to fix, and opens nothing', async () => {
		const { code, io, requests } = await run(event('labeled', { badge: 'atelier-numerik', hash: 'sha256$1234', salt: 'court', url: 'www.example.org' }), [trimmedRecording('issue-comments', 'create-on-issue')]);
		expect(requests).toEqual([{
			method: 'POST',
			path: `${REPO}/issues/7/comments`,
			body: {
				body: [
					'Cette demande ne peut pas encore être traitée / this request cannot be processed yet:',
					'',
					"- **Badge demandé / Requested badge** : Le badge « atelier-numerik » n'existe pas : vouliez-vous dire « atelier-numerique » ?",
					'  There is no badge "atelier-numerik": did you mean "atelier-numerique"?',
					"- **Empreinte de l'adresse e-mail / E-mail address hash** : L'empreinte doit être sha256$ suivi de 64 chiffres hexadécimaux : refaites la demande depuis la page du badge, qui la calcule.",
					"  The hash must be sha256$ followed by 64 hexadecimal digits: make the request again from the badge's page, which computes it.",
					'- **Sel / Salt** : Le sel doit faire au moins 8 lettres, chiffres, - ou _ : refaites la demande depuis la page du badge.',
					"  The salt must be at least 8 letters, digits, - or _: make the request again from the badge's page.",
					'- **Lien vers une preuve (facultatif) / Evidence link (optional)** : Le lien vers une preuve doit être une adresse web complète, commençant par https://.',
					'  The evidence link must be a full web address, starting with https://.',
					'',
					'Corrigez-la en modifiant la demande (menu « … » → *Edit*) ; un·e responsable la relancera. / Fix it by editing the request ("…" menu → *Edit*); a maintainer will run it again (label `badge:approved`).',
				].join('\n'),
			},
		}]);
		expect(code).toBe(0);
		expect(io.stdout()).toBe('✗ Issue #7 has 4 problem(s): they are listed in a comment on it; nothing else was done.');
	});
});

describe('an e-mail address in the request', () => {
	for (const [where, payload] of [
		['the narrative', event('labeled', { ...NEW_PERSON, narrative: 'Contact : noe.durand@example.org' })],
		['the title, on opening', { ...event('opened', NEW_PERSON), issue: { ...event('opened', NEW_PERSON).issue, title: 'Badge pour noe.durand@example.org' } }],
	] as const) {
		it(`in ${where}: a comment asking to delete it and the needs-attention label, no pull request`, async () => {
			const { code, io, requests, pending } = await run(payload, [
				trimmedRecording('issue-comments', 'create-on-issue'),
				// A real recording of POST /issues/{n}/labels (@octokit/fixtures).
				answer(octokitRecording('api.github.com/add-labels-to-issue', 1), { path: `${REPO}/issues/7/labels` }),
			]);
			expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${REPO}/issues/7/comments`, `POST ${REPO}/issues/7/labels`]);
			const comment = (requests[0]?.body as { body: string }).body;
			expect(comment).toMatch(/^⚠️ \*\*Cette demande contient une adresse e-mail\.\*\* Elle ne doit jamais apparaître ici/);
			expect(comment).toContain('**This request contains an e-mail address.**');
			expect(comment).not.toContain('example.org');
			expect(requests[1]?.body).toEqual({ labels: ['needs-attention'] });
			expect(pending).toEqual([]);
			expect(code).toBe(0);
			expect(io.stdout()).toBe('⚠ Issue #7 contains an e-mail address: asked to delete it and labelled needs-attention; nothing else was done.');
			expect(io.stdout() + io.stderr()).not.toContain('noe.durand');
		});
	}
});

describe('claim codes, checked when the request is opened', () => {
	it('the right code opens the pull request at once, whatever its case and spacing', async () => {
		const { code, requests } = await run(event('opened', { ...NEW_PERSON, code: ' k7m2 x9qd-4p1h ' }), CREATE_PULL_REQUEST);
		expect(code).toBe(0);
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(CREATE_PULL_REQUEST.map((r) => `${r.method.toUpperCase()} ${r.path}`));
		expect((requests[5]?.body as { body: string }).body).toContain("- Code de l'événement valable / valid event code");
	});

	it('a wrong code gets a comment and waits for a maintainer', async () => {
		const { code, io, requests } = await run(event('opened', { ...NEW_PERSON, code: 'K7M2-X9QD-4P1J' }), [trimmedRecording('issue-comments', 'create-on-issue')]);
		expect(requests).toEqual([{
			method: 'POST',
			path: `${REPO}/issues/7/comments`,
			body: { body: "Le code de l'événement n'est pas valable pour ce badge : un·e responsable va examiner la demande.\n\nThe event code is not valid for this badge: a maintainer will review the request." },
		}]);
		expect(code).toBe(0);
		expect(io.stdout()).toContain('gives a claim code that is not the badge\'s');
	});

	it('a code for a badge that has none is not valid either', async () => {
		const { requests } = await run(event('opened', { ...NEW_PERSON, badge: 'engagement-citoyen', code: CODE }), [trimmedRecording('issue-comments', 'create-on-issue')]);
		expect((requests[0]?.body as { body: string }).body).toMatch(/^Le code de l'événement n'est pas valable/);
	});

	it('without a code, an opened request waits for a maintainer: no API call', async () => {
		const { code, io, requests } = await run(event('opened', NEW_PERSON), []);
		expect(requests).toEqual([]);
		expect(code).toBe(0);
		expect(io.stdout()).toBe('Issue #7 waits for a maintainer: it gives no claim code (add the badge:approved label to accept it).');
	});
});

describe('events that are not for this workflow', () => {
	for (const [what, payload, reason] of [
		['another label', event('labeled', NEW_PERSON, { label: 'question' }), 'the label added is not badge:approved'],
		['an issue that is not a badge request', event('labeled', NEW_PERSON, { labels: ['badge:approved'] }), 'issue #7 is not labelled badge-request'],
		['a closed issue', { ...event('labeled', NEW_PERSON), issue: { ...event('labeled', NEW_PERSON).issue, state: 'closed' } }, 'issue #7 is closed'],
	] as const) {
		it(`${what}: nothing happens`, async () => {
			const { code, io, requests } = await run(payload, []);
			expect(requests).toEqual([]);
			expect(code).toBe(0);
			expect(io.stdout()).toBe(`Rien à faire / nothing to do: ${reason}.`);
		});
	}
});

describe('API errors stop the run with a clear message and exit code 1', () => {
	const upToPullRequest = CREATE_PULL_REQUEST.slice(0, 5);

	it('403: GitHub Actions may not open pull requests in this repository', async () => {
		const { code, io } = await run(event('labeled', NEW_PERSON), [...upToPullRequest, trimmedRecording('errors', 'actions-cannot-open-pull-requests')]);
		expect(code).toBe(1);
		expect(io.stderr()).toBe('✗ GitHub refused to let the workflow open a pull request from badge-request/7 (HTTP 403: "GitHub Actions is not permitted to create or approve pull requests.") — a repository administrator must tick Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"');
	});

	it('403: the token lacks a permission', async () => {
		const forbidden = answer(trimmedRecording('errors', 'forbidden'), { path: `${REPO}/git/trees` });
		const { code, io } = await run(event('labeled', NEW_PERSON), [...CREATE_PULL_REQUEST.slice(0, 2), forbidden]);
		expect(code).toBe(1);
		expect(io.stderr()).toBe('✗ GitHub refused to let the workflow create the tree of the award commit (HTTP 403: "Resource not accessible by integration") — the job\'s token needs `contents: write` (the job\'s permissions in its workflow file); a pull request from a fork only ever gets a read-only token');
	});

	it('404: the repository is not found', async () => {
		const missing = answer(trimmedRecording('errors', 'not-found'), { path: `${REPO}/pulls?state=all&head=octokit-fixture-org%3Abadge-request%2F7&per_page=1` });
		const { code, io } = await run(event('labeled', NEW_PERSON), [missing]);
		expect(code).toBe(1);
		expect(io.stderr()).toBe('✗ could not look for a pull request from badge-request/7: GitHub answered 404 (not found) — the repository octokit-fixture-org/hello-world or issue #7 was not found: check GITHUB_REPOSITORY and the event');
	});

	it('rate limit: 429 with retry-after', async () => {
		const { code, io } = await run(event('labeled', NEW_PERSON), [...upToPullRequest, trimmedRecording('errors', 'secondary-rate-limit')]);
		expect(code).toBe(1);
		expect(io.stderr()).toMatch(/^✗ GitHub's API rate limit was reached: could not open a pull request from badge-request\/7 \(HTTP 429: "You have exceeded a secondary rate limit\..*"\) — wait 60 s \(GitHub's retry-after\), then run the workflow again \(Actions → this run → Re-run jobs\)$/);
	});

	it('rate limit: 403 with x-ratelimit-remaining 0', async () => {
		const limited = answer(trimmedRecording('errors', 'rate-limit'), { method: 'post', path: `${REPO}/issues/7/comments`, headers: { 'x-ratelimit-reset': String(now.getTime() / 1000 + 5 * 60) } });
		const { code, io } = await run(event('opened', { ...NEW_PERSON, code: 'WRONG-CODE-1' }), [limited]);
		expect(code).toBe(1);
		expect(io.stderr()).toMatch(/^✗ GitHub's API rate limit was reached: could not comment on issue #7 \(HTTP 403: .*\) — the limit resets at 12:05 UTC \(in 5 min\), then run the workflow again/);
	});

	it('the real script prints no stack trace and no token', async () => {
		github = await startFakeGitHub([...upToPullRequest, trimmedRecording('errors', 'actions-cannot-open-pull-requests')]);
		const result = await runScript('request-to-pr', ['--root', repo.root], env(event('labeled', NEW_PERSON)));
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^✗ GitHub refused to let the workflow open a pull request/m);
		expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
		expect(`${result.stdout}${result.stderr}`).not.toContain('ghs_');
	});

	it('a missing variable is a usage error (exit 2)', async () => {
		const io = captureIo();
		expect(await runRequestToPr(['--root', repo.root], { io, env: { GITHUB_TOKEN: TOKEN }, now })).toBe(2);
		expect(io.stderr()).toBe('✗ GITHUB_REPOSITORY is not set — the workflow step sets it (GitHub Actions sets it by itself); outside GitHub Actions, set it yourself');
	});
});
