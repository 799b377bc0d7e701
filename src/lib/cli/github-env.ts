/**
 * What the commands that run in GitHub workflows share: the event that triggered the workflow,
 * the variables GitHub Actions sets, and warnings shown as annotations on the run.
 */
import { readFile } from 'node:fs/promises';
import { GitHubEnvError } from '../github/api.ts';
import { CommandError, EXIT_USAGE, type CommandIo } from './command.ts';

export interface GitHubCommandOptions {
	io?: CommandIo;
	/** The environment to read the GitHub Actions variables from (tests pass their own). */
	env?: NodeJS.ProcessEnv;
	now?: Date;
}

/** The pull request or issue event that triggered the workflow, from GITHUB_EVENT_PATH. */
export interface GitHubEvent {
	action?: string;
	number?: number;
	pull_request?: { number?: number; head?: { sha?: string } };
	issue?: {
		number: number;
		title?: string | null;
		body?: string | null;
		state?: string;
		labels?: ({ name?: string } | string)[];
		pull_request?: unknown;
	};
	label?: { name?: string };
	repository?: { default_branch?: string; full_name?: string };
}

export async function readEvent(env: NodeJS.ProcessEnv): Promise<GitHubEvent> {
	const file = env.GITHUB_EVENT_PATH;
	if (!file) throw new CommandError('ERR_USAGE', 'GITHUB_EVENT_PATH is not set', { hint: 'this command runs in a GitHub Actions workflow, which sets it', exitCode: EXIT_USAGE });
	try {
		return JSON.parse(await readFile(file, 'utf8')) as GitHubEvent;
	} catch (e) {
		throw new CommandError('ERR_USAGE', `cannot read the GitHub event ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).name})`, { hint: 'GITHUB_EVENT_PATH must name the event JSON file GitHub Actions writes', exitCode: EXIT_USAGE });
	}
}

export function fromEnv<T>(read: () => T): T {
	try {
		return read();
	} catch (e) {
		if (!(e instanceof GitHubEnvError)) throw e;
		throw new CommandError('ERR_USAGE', e.message, {
			hint: `the workflow step sets it (${e.variable === 'GITHUB_TOKEN' ? 'env: GITHUB_TOKEN: ${{ github.token }}' : 'GitHub Actions sets it by itself'}); outside GitHub Actions, set it yourself`,
			exitCode: EXIT_USAGE,
		});
	}
}

/** A warning: an annotation on the run in GitHub Actions, a line on stderr elsewhere. */
export function warn(io: CommandIo, env: NodeJS.ProcessEnv, message: string, hint: string): void {
	if (env.GITHUB_ACTIONS === 'true') {
		const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
		io.out(`::warning title=Blason::${esc(`${message} — ${hint}`)}`);
	} else io.err(`⚠ ${message} — ${hint}`);
}
