/** The GitHub Actions environment and how each kind of API failure is said. */
import { describe, expect, it } from 'vitest';
import { createClient, explainApiError, GitHubApiError, targetFromEnv } from '../../src/lib/github/api.ts';
import { startFakeGitHub, trimmedRecording } from './github-server.ts';

const context = { doing: 'comment on pull request #12', permissions: 'pull-requests: write' };

/** What Octokit throws, from a real request to the loopback stand-in. */
async function failure(status: number, response: unknown, headers: Record<string, string> = {}): Promise<unknown> {
	const github = await startFakeGitHub([{ method: 'get', path: '/repos/o/r/issues/12/comments', status, response, headers }]);
	try {
		await createClient({ owner: 'o', repo: 'r', token: 't', apiUrl: github.url }).rest.issues.listComments({ owner: 'o', repo: 'r', issue_number: 12 });
		throw new Error('no failure');
	} catch (e) {
		return e;
	} finally {
		await github.close();
	}
}

describe('the GitHub Actions environment', () => {
	it('reads the repository, token and API URL', () => {
		expect(targetFromEnv({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'passerelles-jeunesse/badges' })).toEqual({ owner: 'passerelles-jeunesse', repo: 'badges', token: 't', apiUrl: 'https://api.github.com' });
		expect(targetFromEnv({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'https://ghe.example.org/api/v3/' }).apiUrl).toBe('https://ghe.example.org/api/v3');
		expect(() => targetFromEnv({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'badges' })).toThrow('GITHUB_REPOSITORY "badges" is not of the form owner/repository');
	});
});

describe('API failures, said for a person', () => {
	it('401: the token', async () => {
		const e = explainApiError(await failure(401, { message: 'Bad credentials' }), context) as GitHubApiError;
		expect([e.code, e.message]).toEqual(['ERR_GITHUB_UNAUTHORIZED', 'GitHub did not accept the token: could not comment on pull request #12 (HTTP 401: "Bad credentials")']);
	});

	it('422 with GitHub\'s reason, from a real recording', async () => {
		const recorded = trimmedRecording('git-data', 'create-ref-exists');
		const e = explainApiError(await failure(422, recorded.response), context) as GitHubApiError;
		expect(e.message).toBe('GitHub refused to comment on pull request #12 (HTTP 422: "Reference already exists")');
	});

	it('a server error, and no answer at all', async () => {
		const e = explainApiError(await failure(502, { message: 'Server Error' }), context) as GitHubApiError;
		expect([e.code, e.message]).toEqual(['ERR_GITHUB_API', 'GitHub answered HTTP 502 when the workflow tried to comment on pull request #12: "Server Error"']);
		// A port that was just free: nothing listens there any more.
		const closed = await startFakeGitHub([]);
		await closed.close();
		let unreachable: unknown;
		await createClient({ owner: 'o', repo: 'r', token: 't', apiUrl: closed.url }).rest.issues.listComments({ owner: 'o', repo: 'r', issue_number: 12 }).catch((x: unknown) => (unreachable = x));
		const u = explainApiError(unreachable, context) as GitHubApiError;
		expect(u.code).toBe('ERR_GITHUB_UNREACHABLE');
		expect(u.message).toMatch(/^could not reach GitHub's API to comment on pull request #12 \(.*ECONNREFUSED.*\)$/);
	});

	it('anything else is a bug and is returned as it is', () => {
		const bug = new TypeError('x is undefined');
		expect(explainApiError(bug, context)).toBe(bug);
	});
});
