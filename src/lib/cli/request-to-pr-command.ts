/**
 * npm run request-to-pr [-- --root DIR]
 *
 * Runs in the badge-request workflow, on an issue opened or labelled: turns an approved badge
 * request (or one with the badge's claim code) into a pull request that adds the award, or
 * comments on the issue to say what is wrong with it. See src/lib/github/request-to-pr.ts.
 * Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH and GITHUB_API_URL.
 *
 * Exit code 0 when the request was handled (including a comment saying what to fix), 1 when the
 * content or GitHub's API stopped it, 2 when the environment is not a GitHub workflow's.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSite } from '../content/load-site.ts';
import { GitError } from '../git/git.ts';
import { createClient, GitHubApiError, targetFromEnv } from '../github/api.ts';
import { processBadgeRequest, triggerOf, type IssueEvent, type Outcome } from '../github/request-to-pr.ts';
import { contentRoot } from './args.ts';
import { CommandError, consoleIo, EXIT_USAGE, localDay, parseOptions, runCommand } from './command.ts';
import { fromEnv, readEvent, type GitHubCommandOptions } from './github-env.ts';

const USAGE = 'usage: npm run request-to-pr [-- --root DIR] (in the badge-request workflow)';

export function runRequestToPr(args: readonly string[], options: GitHubCommandOptions = {}): Promise<number> {
	const io = options.io ?? consoleIo;
	const env = options.env ?? process.env;
	const now = options.now ?? new Date();
	return runCommand(io, async () => {
		const { values, positionals } = parseOptions(args, ['root'], USAGE);
		if (positionals.length) throw new CommandError('ERR_USAGE', `unexpected argument "${positionals[0]}"`, { hint: USAGE, exitCode: EXIT_USAGE });
		const root = contentRoot(values.root ? ['--root', values.root] : []);
		const target = fromEnv(() => targetFromEnv(env));
		const event = (await readEvent(env)) as IssueEvent;

		const trigger = triggerOf(event);
		if ('ignored' in trigger) {
			io.out(`Rien à faire / nothing to do: ${trigger.ignored}.`);
			return 0;
		}

		const loaded = await loadSite(root, { now });
		if (!loaded.site) {
			throw new CommandError('ERR_CONTENT_INVALID', 'the content of the default branch has errors: no badge request can be processed until they are fixed', {
				hint: 'npm run check lists them; once they are fixed, remove and add the badge:approved label again',
				problems: loaded.problems.filter((p) => p.severity === 'error'),
			});
		}
		const octokit = createClient(target, io.err);
		let outcome: Outcome;
		try {
			outcome = await processBadgeRequest({
				octokit,
				owner: target.owner,
				repo: target.repo,
				root,
				site: loaded.site,
				takenSlugs: await recipientSlugs(root),
				readText: (file) => readFile(path.join(root, file), 'utf8'),
				today: localDay(now),
				now,
			}, event, io.out);
		} catch (e) {
			if (e instanceof GitHubApiError) throw new CommandError(e.code, e.message, { hint: e.hint });
			if (e instanceof GitError) throw new CommandError('ERR_GIT', `cannot read the checkout: ${e.message}`, { hint: 'the workflow checks out the default branch with actions/checkout before this step' });
			throw e;
		}
		io.out(describe(outcome, event.issue!.number));
		return 0;
	});
}

function describe(outcome: Outcome, issue: number): string {
	switch (outcome.kind) {
		case 'ignored':
			return `Rien à faire / nothing to do: ${outcome.reason}.`;
		case 'email-found':
			return `⚠ Issue #${issue} contains an e-mail address: asked to delete it and labelled needs-attention; nothing else was done.`;
		case 'invalid':
			return `✗ Issue #${issue} has ${outcome.count} problem(s): they are listed in a comment on it; nothing else was done.`;
		case 'waiting-for-maintainer':
			return `Issue #${issue} waits for a maintainer: it gives no claim code (add the badge:approved label to accept it).`;
		case 'wrong-claim-code':
			return `Issue #${issue} gives a claim code that is not the badge's: said so in a comment; it waits for a maintainer.`;
		case 'already-awarded':
			return `Issue #${issue}: this person already has the badge (${outcome.id}); said so in a comment.`;
		case 'already-processed':
			return `Issue #${issue} was already processed: pull request #${outcome.pullRequest.number} (${outcome.pullRequest.url}); nothing new was done.`;
		case 'pull-request':
			return `✓ Pull request #${outcome.number} opened for issue #${issue}${outcome.resumed ? ' (from the branch an earlier run created)' : ''}: ${outcome.url}`;
	}
}

async function recipientSlugs(root: string): Promise<string[]> {
	const names = await readdir(path.join(root, 'recipients')).catch(() => [] as string[]);
	return names.map((n) => n.replace(/\.[^.]*$/, ''));
}
