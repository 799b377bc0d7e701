/**
 * Turns a badge request (an issue made with the badge-request form) into a pull request that
 * adds the award, once a maintainer approves it with the `badge:approved` label, or as soon as it
 * is opened when it carries the badge's claim code.
 *
 * The commit is made with the Git data API (one tree, one commit, one ref) rather than `git push`:
 * the checkout keeps no credentials (persist-credentials: false) and needs no Git identity, the
 * branch appears only once it holds the commit, and every write is one API call that the tests
 * replay and check request by request. The files come from the award core (planAwards), exactly
 * as `npm run award` would write them, from the checked-out default branch.
 *
 * Idempotent: the branch `badge-request/<issue>` is the request's key. If a pull request from it
 * exists (open, merged or closed), nothing new happens; if only the branch exists (a run stopped
 * half-way), the pull request is opened from it.
 */
import type { Octokit } from '@octokit/rest';
import path from 'node:path';
import { planAwards } from '../awarding/plan.ts';
import type { Site } from '../content/model.ts';
import { git } from '../git/git.ts';
import { siteUrls } from '../urls.ts';
import { explainApiError, isApiFailure } from './api.ts';
import { checkRequest, claimCodeAccepted, containsEmail, existingAward, problemList, type CheckedRequest } from './badge-request.ts';
import { parseRequestForm } from './issue-form.ts';

export const REQUEST_LABEL = 'badge-request';
export const APPROVED_LABEL = 'badge:approved';
export const ATTENTION_LABEL = 'needs-attention';

/** The parts of an `issues` event payload this uses. */
export interface IssueEvent {
	action?: string;
	issue?: {
		number: number;
		title?: string | null;
		body?: string | null;
		state?: string;
		labels?: ({ name?: string } | string)[];
	};
	label?: { name?: string };
	repository?: { default_branch?: string };
}

export interface RequestContext {
	octokit: Octokit;
	owner: string;
	repo: string;
	/** The content root, in a checkout of the default branch. */
	root: string;
	/** The content as loaded from `root`. */
	site: Site;
	/** Recipient file names already taken, and their texts (the award core reads existing files). */
	takenSlugs: Iterable<string>;
	readText: (file: string) => Promise<string>;
	/** The award date, YYYY-MM-DD. */
	today: string;
	now?: Date;
}

export type Outcome =
	| { kind: 'ignored'; reason: string }
	| { kind: 'email-found' }
	| { kind: 'invalid'; count: number }
	| { kind: 'waiting-for-maintainer' }
	| { kind: 'wrong-claim-code' }
	| { kind: 'already-awarded'; id: string }
	| { kind: 'already-processed'; pullRequest: { number: number; url: string } }
	| { kind: 'pull-request'; number: number; url: string; resumed: boolean };

/** What the workflow should do with this event, before any API call. */
export function triggerOf(event: IssueEvent): { approved: boolean } | { ignored: string } {
	const issue = event.issue;
	if (!issue) return { ignored: 'the event is not about an issue' };
	const labels = (issue.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name));
	if (!labels.includes(REQUEST_LABEL)) return { ignored: `issue #${issue.number} is not labelled ${REQUEST_LABEL}` };
	if (issue.state === 'closed') return { ignored: `issue #${issue.number} is closed` };
	if (event.action === 'labeled') {
		return event.label?.name === APPROVED_LABEL ? { approved: true } : { ignored: `the label added is not ${APPROVED_LABEL}` };
	}
	if (event.action === 'opened') return { approved: false };
	return { ignored: `nothing to do when an issue is ${event.action ?? 'changed'}` };
}

export async function processBadgeRequest(ctx: RequestContext, event: IssueEvent, log: (line: string) => void = () => {}): Promise<Outcome> {
	const trigger = triggerOf(event);
	if ('ignored' in trigger) return { kind: 'ignored', reason: trigger.ignored };
	const issue = event.issue!;
	const number = issue.number;
	const api = new Api(ctx, number);

	// An address in a public issue must go, whatever else the request says: nothing is done
	// with the request until it is removed.
	if (containsEmail(`${issue.title ?? ''}\n${issue.body ?? ''}`)) {
		await api.comment(EMAIL_FOUND);
		await api.call(`add the ${ATTENTION_LABEL} label to issue #${number}`, 'issues: write', () =>
			ctx.octokit.rest.issues.addLabels({ owner: ctx.owner, repo: ctx.repo, issue_number: number, labels: [ATTENTION_LABEL] }));
		return { kind: 'email-found' };
	}

	const form = parseRequestForm(issue.body ?? '');
	const result = checkRequest(form, ctx.site, ctx.today);
	if (!result.checked) {
		await api.comment(invalidRequest(problemList(result.problems)));
		return { kind: 'invalid', count: result.problems.length };
	}
	const checked = result.checked;

	if (!trigger.approved) {
		if (form['claim-code'] === undefined) return { kind: 'waiting-for-maintainer' };
		if (!claimCodeAccepted(form, checked.badge)) {
			await api.comment(WRONG_CLAIM_CODE);
			return { kind: 'wrong-claim-code' };
		}
		log(`the claim code of issue #${number} is right for badge ${checked.badge.slug}`);
	}

	const branch = `badge-request/${number}`;
	const existing = await api.call(`look for a pull request from ${branch}`, 'pull-requests: read', () =>
		ctx.octokit.rest.pulls.list({ owner: ctx.owner, repo: ctx.repo, state: 'all', head: `${ctx.owner}:${branch}`, per_page: 1 }));
	const pr = existing.data[0];
	if (pr) return { kind: 'already-processed', pullRequest: { number: pr.number, url: pr.html_url } };

	const base = event.repository?.default_branch ?? git(ctx.root, ['rev-parse', '--abbrev-ref', 'HEAD']).trim();
	const title = `Badge ${checked.badge.name} — demande #${number}`;
	if (await api.branchExists(branch)) {
		// An earlier run created the branch and stopped before the pull request.
		const opened = await api.openPullRequest(branch, base, title, resumedBody(number));
		return { kind: 'pull-request', ...opened, resumed: true };
	}

	const had = existingAward(ctx.site, checked.request);
	if (had) {
		await api.comment(alreadyAwarded(siteUrls(ctx.site.issuer.site).awardPage(had.id)));
		return { kind: 'already-awarded', id: had.id };
	}

	const plan = await planAwards(ctx.site, [checked.request], { takenSlugs: ctx.takenSlugs, readText: ctx.readText });
	const planned = plan.awarded[0];
	if (!planned) {
		const skipped = plan.skipped[0]!;
		await api.comment(alreadyAwarded(siteUrls(ctx.site.issuer.site).awardPage(skipped.id)));
		return { kind: 'already-awarded', id: skipped.id };
	}

	// The commit goes on the commit the content was read from, with the files where Git has them.
	const parent = git(ctx.root, ['rev-parse', 'HEAD']).trim();
	const baseTree = git(ctx.root, ['rev-parse', 'HEAD^{tree}']).trim();
	const prefix = git(ctx.root, ['rev-parse', '--show-prefix']).trim();
	const tree = await api.call('create the tree of the award commit', 'contents: write', () =>
		ctx.octokit.rest.git.createTree({
			owner: ctx.owner,
			repo: ctx.repo,
			base_tree: baseTree,
			tree: plan.writes.map((w) => ({ path: path.posix.join(prefix, w.file), mode: '100644' as const, type: 'blob' as const, content: w.text })),
		}));
	const commit = await api.call('create the award commit', 'contents: write', () =>
		ctx.octokit.rest.git.createCommit({ owner: ctx.owner, repo: ctx.repo, message: `${title}\n\nDemande / request: #${number}`, tree: tree.data.sha, parents: [parent] }));
	try {
		await ctx.octokit.rest.git.createRef({ owner: ctx.owner, repo: ctx.repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
	} catch (e) {
		// Another run for the same issue got there first (the workflow's concurrency group makes this rare).
		if (isApiFailure(e) && e.status === 422 && /already exists/i.test(JSON.stringify(e.response?.data ?? ''))) {
			log(`the branch ${branch} was created meanwhile by another run: nothing more to do`);
			return { kind: 'ignored', reason: `${branch} already exists` };
		}
		throw api.explain(e, `create the branch ${branch}`, 'contents: write');
	}
	const opened = await api.openPullRequest(branch, base, title, pullRequestBody(number, checked, planned, trigger.approved));
	return { kind: 'pull-request', ...opened, resumed: false };
}

/** API calls for one issue, each failure explained with what was being done. */
class Api {
	readonly #ctx: RequestContext;
	readonly #number: number;

	constructor(ctx: RequestContext, number: number) {
		this.#ctx = ctx;
		this.#number = number;
	}

	explain(e: unknown, doing: string, permissions: string): unknown {
		return explainApiError(e, {
			doing,
			permissions,
			notFound: `the repository ${this.#ctx.owner}/${this.#ctx.repo} or issue #${this.#number} was not found: check GITHUB_REPOSITORY and the event`,
			...(this.#ctx.now ? { now: this.#ctx.now } : {}),
		});
	}

	async call<T>(doing: string, permissions: string, body: () => Promise<T>): Promise<T> {
		try {
			return await body();
		} catch (e) {
			throw this.explain(e, doing, permissions);
		}
	}

	comment(body: string) {
		const { octokit, owner, repo } = this.#ctx;
		return this.call(`comment on issue #${this.#number}`, 'issues: write', () => octokit.rest.issues.createComment({ owner, repo, issue_number: this.#number, body }));
	}

	async branchExists(branch: string): Promise<boolean> {
		const { octokit, owner, repo } = this.#ctx;
		try {
			await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
			return true;
		} catch (e) {
			if (isApiFailure(e) && e.status === 404) return false;
			throw this.explain(e, `look for the branch ${branch}`, 'contents: read');
		}
	}

	async openPullRequest(branch: string, base: string, title: string, body: string): Promise<{ number: number; url: string }> {
		const { octokit, owner, repo } = this.#ctx;
		const { data } = await this.call(`open a pull request from ${branch}`, 'pull-requests: write', () => octokit.rest.pulls.create({ owner, repo, head: branch, base, title, body }));
		await this.comment(pullRequestOpened(data.number, data.html_url));
		return { number: data.number, url: data.html_url };
	}
}

const EMAIL_FOUND = [
	'⚠️ **Cette demande contient une adresse e-mail.** Elle ne doit jamais apparaître ici : cette page est publique. Modifiez la demande (menu « … » → *Edit*) pour la supprimer. La demande n\'a pas été traitée ; un·e responsable la relancera ensuite.',
	'',
	'**This request contains an e-mail address.** It must never appear here: this page is public. Edit the request ("…" menu → *Edit*) to delete it. The request was not processed; a maintainer will run it again afterwards.',
	'',
	`<sub>Pour les responsables / for maintainers: l'historique des modifications garde l'ancien texte : supprimez-en la révision (*edited* → révision → *Delete revision from history*), puis retirez le label \`${ATTENTION_LABEL}\` et ajoutez \`${APPROVED_LABEL}\`. / The edit history keeps the old text: delete that revision, then remove \`${ATTENTION_LABEL}\` and add \`${APPROVED_LABEL}\`.</sub>`,
].join('\n');

const WRONG_CLAIM_CODE = [
	"Le code de l'événement n'est pas valable pour ce badge : un·e responsable va examiner la demande.",
	'',
	'The event code is not valid for this badge: a maintainer will review the request.',
].join('\n');

function invalidRequest(list: string): string {
	return [
		'Cette demande ne peut pas encore être traitée / this request cannot be processed yet:',
		'',
		list,
		'',
		`Corrigez-la en modifiant la demande (menu « … » → *Edit*) ; un·e responsable la relancera. / Fix it by editing the request ("…" menu → *Edit*); a maintainer will run it again (label \`${APPROVED_LABEL}\`).`,
	].join('\n');
}

function alreadyAwarded(url: string): string {
	return `Ce badge a déjà été décerné à cette adresse / this badge was already awarded to this address: ${url}`;
}

function pullRequestOpened(number: number, url: string): string {
	return `✅ La proposition #${number} ajoute le badge ; il sera publié une fois relu et fusionné. / Pull request #${number} adds the badge; it is published once reviewed and merged.\n\n${url}`;
}

const CHECKS_NOTE = "Les vérifications ne démarrent pas seules sur une proposition ouverte par un workflow : fermez-la puis rouvrez-la pour les lancer. / Checks do not start by themselves on a pull request opened by a workflow: close and reopen it to run them.";

function pullRequestBody(number: number, checked: CheckedRequest, planned: { id: string; file: string; newFile: boolean; url: string }, approved: boolean): string {
	const { request, badge, nameLeftOut } = checked;
	const name = request.name !== undefined
		? 'écrit, avec le consentement de la personne / written, with the person\'s consent'
		: nameLeftOut ? 'non écrit : la case de consentement n\'est pas cochée / not written: the consent box is not ticked' : 'aucun / none';
	return [
		`Closes #${number}`,
		'',
		`Demande de badge / badge request #${number}: **${badge.name}** (\`${badge.slug}\`), ${request.date}.`,
		'',
		`- ${approved ? `Approuvée par / approved with \`${APPROVED_LABEL}\`` : "Code de l'événement valable / valid event code"}`,
		`- Fichier / file: \`${planned.file}\`${planned.newFile ? ' (nouvelle personne / new recipient)' : ' (badge ajouté / award added)'}`,
		`- Badge publié à / published at: ${planned.url}`,
		`- Nom / name: ${name}`,
		...(request.evidence ? [`- Preuve / evidence: ${request.evidence.url}`] : []),
		...(request.narrative ? ['- Récit / narrative: oui / yes (voir le fichier / see the file)'] : []),
		'',
		'Relisez le fichier avant de fusionner / review the file before merging.',
		CHECKS_NOTE,
	].join('\n');
}

function resumedBody(number: number): string {
	return [`Closes #${number}`, '', `Branche créée par une exécution précédente de la demande #${number} / branch created by an earlier run for request #${number}.`, '', CHECKS_NOTE].join('\n');
}
