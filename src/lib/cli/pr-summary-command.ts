/**
 * npm run pr-summary -- --base <branch or commit> [--dry-run] [--root DIR]
 *
 * Summarises a pull request (awards added and revoked, how many people, new badges, problems) in
 * one comment on it, updated in place on later pushes. Reads the GitHub Actions environment:
 * GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH (the pull request's number), GITHUB_API_URL.
 * A failed API call is a warning, never a failure: the comment is a convenience, the check job
 * is what blocks a merge. `--dry-run` prints the comment and needs no token.
 */
import { GitError } from '../git/git.ts';
import { createClient, explainApiError, GitHubApiError, targetFromEnv } from '../github/api.ts';
import { upsertComment } from '../github/comments.ts';
import { renderSummary, summarisePullRequest, SUMMARY_MARKER } from '../github/pr-summary.ts';
import { contentRoot } from './args.ts';
import { CommandError, consoleIo, EXIT_USAGE, parseOptions, runCommand } from './command.ts';
import { fromEnv, readEvent, warn, type GitHubCommandOptions } from './github-env.ts';

const USAGE = 'usage: npm run pr-summary -- --base <branch or commit> [--dry-run] [--root DIR]';

export function runPrSummary(args: readonly string[], options: GitHubCommandOptions = {}): Promise<number> {
	const io = options.io ?? consoleIo;
	const env = options.env ?? process.env;
	return runCommand(io, async () => {
		const { values, flags, positionals } = parseOptions(args, ['base', 'root'], USAGE, ['dry-run']);
		if (positionals.length) throw new CommandError('ERR_USAGE', `unexpected argument "${positionals[0]}"`, { hint: USAGE, exitCode: EXIT_USAGE });
		if (!values.base) throw new CommandError('ERR_USAGE', '--base is required: the branch the pull request targets', { hint: USAGE, exitCode: EXIT_USAGE });
		const root = contentRoot(values.root ? ['--root', values.root] : []);
		const dryRun = flags['dry-run'];

		const target = dryRun ? undefined : fromEnv(() => targetFromEnv(env));
		const event = dryRun && !env.GITHUB_EVENT_PATH ? undefined : await readEvent(env);
		const number = event?.pull_request?.number ?? event?.number;
		if (!dryRun && typeof number !== 'number') {
			throw new CommandError('ERR_NOT_A_PULL_REQUEST', 'the GitHub event is not about a pull request (no pull_request.number)', {
				hint: 'run this command from a workflow triggered by pull_request, or with --dry-run to print the comment',
				exitCode: EXIT_USAGE,
			});
		}

		let summary;
		try {
			summary = await summarisePullRequest(root, values.base, options.now ? { now: options.now } : {});
		} catch (e) {
			if (!(e instanceof GitError)) throw e;
			throw new CommandError('ERR_GIT', `cannot compare ${values.base} and HEAD: ${e.message}`, {
				hint: 'run it inside the badges repository, with the full history (in GitHub Actions: actions/checkout with fetch-depth: 0)',
			});
		}
		const logUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
		const body = renderSummary(summary, { commit: event?.pull_request?.head?.sha, logUrl });
		if (dryRun || !target || typeof number !== 'number') {
			io.out(body);
			return 0;
		}

		const octokit = createClient(target, io.err);
		try {
			const result = await upsertComment(octokit, { owner: target.owner, repo: target.repo, number }, SUMMARY_MARKER, body);
			const said = { created: 'created', updated: 'updated', unchanged: 'already up to date' }[result.action];
			io.out(`✓ Résumé publié / summary comment ${said}: ${result.url}`);
		} catch (e) {
			const explained = explainApiError(e, {
				doing: `comment on pull request #${number}`,
				permissions: 'pull-requests: write',
				notFound: `pull request #${number} or its repository ${target.owner}/${target.repo} was not found: check GITHUB_REPOSITORY and the event`,
				...(options.now ? { now: options.now } : {}),
			});
			if (!(explained instanceof GitHubApiError)) throw explained;
			// A warning, not a failure: the check job, not this comment, decides whether to merge.
			warn(io, env, `Résumé non publié / summary comment not posted: ${explained.message}`, explained.hint);
		}
		return 0;
	});
}
