/**
 * The GitHub REST API as the workflows use it: an Octokit client built from the GitHub Actions
 * environment (`GITHUB_API_URL` is honoured, so tests point it at a server on loopback), and the
 * translation of its errors into one sentence and a hint for the person reading the job log:
 * never a stack trace, never the token.
 */
import { Octokit } from '@octokit/rest';

/** Where the workflow runs: the repository and the token, from the GitHub Actions variables. */
export interface GitHubTarget {
	owner: string;
	repo: string;
	token: string;
	/** `GITHUB_API_URL`: https://api.github.com, a GitHub Enterprise Server URL, or a test server. */
	apiUrl: string;
}

/** A variable the command needs is missing or malformed. */
export class GitHubEnvError extends Error {
	readonly variable: string;
	constructor(variable: string, message: string) {
		super(message);
		this.name = 'GitHubEnvError';
		this.variable = variable;
	}
}

/** The repository and token from `GITHUB_REPOSITORY`, `GITHUB_TOKEN` and `GITHUB_API_URL`. */
export function targetFromEnv(env: NodeJS.ProcessEnv): GitHubTarget {
	const token = env.GITHUB_TOKEN;
	if (!token) throw new GitHubEnvError('GITHUB_TOKEN', 'GITHUB_TOKEN is not set');
	const full = env.GITHUB_REPOSITORY ?? '';
	const match = /^([\w.-]+)\/([\w.-]+)$/.exec(full);
	if (!match) throw new GitHubEnvError('GITHUB_REPOSITORY', full ? `GITHUB_REPOSITORY "${full}" is not of the form owner/repository` : 'GITHUB_REPOSITORY is not set');
	return { owner: match[1]!, repo: match[2]!, token, apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '') };
}

/** Milliseconds one API request may take before it is given up. */
const REQUEST_TIMEOUT = 30_000;

/**
 * An Octokit client for the target. Octokit's own request log is silenced: a failed request is
 * explained once, by `explainApiError`, rather than also logged as "POST /… - 403 with id …".
 * There is no retry or throttling plugin: a rate limit is reported as such, and the workflow can
 * be run again once it resets.
 */
export function createClient(target: GitHubTarget, warn: (line: string) => void = () => {}): Octokit {
	return new Octokit({
		auth: target.token,
		baseUrl: target.apiUrl,
		userAgent: 'blason',
		log: { debug: () => {}, info: () => {}, warn, error: () => {} },
		request: {
			fetch: (url: string, init: RequestInit) => fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT) }),
		},
	});
}

/** What Octokit throws for a failed request (`RequestError` of @octokit/request-error). */
interface ApiFailure {
	name: 'HttpError';
	status: number;
	message: string;
	response?: { headers: Record<string, string | number | undefined>; data?: unknown };
}

export function isApiFailure(e: unknown): e is ApiFailure {
	return e instanceof Error && e.name === 'HttpError' && typeof (e as { status?: unknown }).status === 'number';
}

/** A failed API call, said for a person: what was being done, what GitHub answered, what to do. */
export class GitHubApiError extends Error {
	readonly code: string;
	readonly status: number;
	readonly hint: string;
	constructor(code: string, status: number, message: string, hint: string) {
		super(message);
		this.name = 'GitHubApiError';
		this.code = code;
		this.status = status;
		this.hint = hint;
	}
}

export interface ApiContext {
	/** What was being done, as a verb phrase: "update the summary comment on pull request #12". */
	doing: string;
	/** The permissions the job's token needs for it, e.g. "pull-requests: write". */
	permissions: string;
	/** What a 404 most likely means here. */
	notFound?: string;
	/** Now, to say in how long a rate limit resets. */
	now?: Date;
}

/**
 * Turns a failed request into a GitHubApiError: rate limits (HTTP 429, or 403 with
 * `x-ratelimit-remaining: 0`, or GitHub's "secondary rate limit" message) with the time they reset,
 * a 403 as missing permissions, 401 as a bad token, 404 as something missing or hidden, 422 with
 * GitHub's reason, and no answer at all as an unreachable API. Anything else thrown is returned
 * as it is: it is a bug, and keeps its stack trace.
 */
export function explainApiError(e: unknown, context: ApiContext): unknown {
	if (!isApiFailure(e)) return e;
	const { doing } = context;
	const headers = e.response?.headers ?? {};
	const header = (name: string) => {
		const v = headers[name];
		return v === undefined ? undefined : String(v);
	};
	const said = githubMessage(e);
	const quoted = said ? `: "${said}"` : '';
	const remaining = header('x-ratelimit-remaining');
	if (e.status === 429 || (e.status === 403 && (remaining === '0' || /rate limit/i.test(said ?? '')))) {
		return new GitHubApiError('ERR_GITHUB_RATE_LIMIT', e.status, `GitHub's API rate limit was reached: could not ${doing} (HTTP ${e.status}${quoted})`, `${resetIn(header, context.now ?? new Date())}, then run the workflow again (Actions → this run → Re-run jobs)`);
	}
	switch (e.status) {
		case 401:
			return new GitHubApiError('ERR_GITHUB_UNAUTHORIZED', 401, `GitHub did not accept the token: could not ${doing} (HTTP 401${quoted})`, 'the workflow passes GITHUB_TOKEN: ${{ github.token }}; outside GitHub Actions, set GITHUB_TOKEN to a valid token');
		case 403:
			return new GitHubApiError('ERR_GITHUB_FORBIDDEN', 403, `GitHub refused to let the workflow ${doing} (HTTP 403${quoted})`, /create or approve pull requests/i.test(said ?? '')
				? 'a repository administrator must tick Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"'
				: `the job's token needs \`${context.permissions}\` (the job's permissions in its workflow file); a pull request from a fork only ever gets a read-only token`);
		case 404:
			return new GitHubApiError('ERR_GITHUB_NOT_FOUND', 404, `could not ${doing}: GitHub answered 404 (not found)`, context.notFound ?? 'check GITHUB_REPOSITORY; a token that cannot see a private repository also gets 404');
		case 422:
			return new GitHubApiError('ERR_GITHUB_INVALID', 422, `GitHub refused to ${doing} (HTTP 422${quoted})`, 'the request was valid when it was written: if this happens again, report it with this message');
		case 500:
			if (!e.response) {
				return new GitHubApiError('ERR_GITHUB_UNREACHABLE', 0, `could not reach GitHub's API to ${doing} (${e.message})`, 'check GITHUB_API_URL and the network, then run the workflow again');
			}
	}
	return new GitHubApiError('ERR_GITHUB_API', e.status, `GitHub answered HTTP ${e.status} when the workflow tried to ${doing}${quoted}`, 'GitHub may be having trouble (https://www.githubstatus.com): run the workflow again later');
}

/** GitHub's own explanation, from the JSON body: `message`, and the first `errors[].message`. */
function githubMessage(e: ApiFailure): string | undefined {
	const data = e.response?.data as { message?: unknown; errors?: { message?: unknown }[] } | undefined;
	const message = typeof data?.message === 'string' ? data.message : undefined;
	const detail = Array.isArray(data?.errors) ? data.errors.map((x) => x?.message).find((m) => typeof m === 'string') : undefined;
	const text = [message, detail].filter(Boolean).join(' — ');
	return text ? text.replace(/\s+/g, ' ').slice(0, 300) : undefined;
}

/** "Wait 42 s" from `retry-after`, or "it resets at 14:05 UTC (in 12 min)" from `x-ratelimit-reset`. */
function resetIn(header: (name: string) => string | undefined, now: Date): string {
	const retryAfter = Number(header('retry-after'));
	if (header('retry-after') !== undefined && Number.isFinite(retryAfter)) return `wait ${retryAfter} s (GitHub's retry-after)`;
	const reset = Number(header('x-ratelimit-reset'));
	if (header('x-ratelimit-reset') !== undefined && Number.isFinite(reset)) {
		const at = new Date(reset * 1000);
		const minutes = Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 60_000));
		return `the limit resets at ${at.toISOString().slice(11, 16)} UTC (in ${minutes} min)`;
	}
	return 'wait a few minutes';
}
