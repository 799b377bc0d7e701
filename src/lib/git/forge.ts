/**
 * Links to the forge (GitHub, GitLab) where the badges repository lives, for the audit trail:
 * from the CI's own variables when the build runs there, else from the `origin` remote.
 * Returns undefined when the host is unknown: pages then show commit ids without links.
 */
import { git, GitError } from './git.ts';

export interface Forge {
	kind: 'github' | 'gitlab';
	repository: string;
	commit: (sha: string) => string;
	pullRequest: (n: number) => string;
}

function forgeFrom(url: string): Forge | undefined {
	const m = /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/git@|git@)([^/:]+)[/:](.+?)(?:\.git)?\/?$/.exec(url.trim());
	if (!m) return undefined;
	const [, host, project] = m;
	const repository = `https://${host}/${project}`;
	if (host === 'github.com') return { kind: 'github', repository, commit: (s) => `${repository}/commit/${s}`, pullRequest: (n) => `${repository}/pull/${n}` };
	if (host === 'gitlab.com' || /(^|\.)gitlab\./.test(host!) || process.env.CI_SERVER_HOST === host) {
		return { kind: 'gitlab', repository, commit: (s) => `${repository}/-/commit/${s}`, pullRequest: (n) => `${repository}/-/merge_requests/${n}` };
	}
	return undefined;
}

export function detectForge(cwd: string, env: NodeJS.ProcessEnv = process.env): Forge | undefined {
	if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) {
		const repository = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`;
		return { kind: 'github', repository, commit: (s) => `${repository}/commit/${s}`, pullRequest: (n) => `${repository}/pull/${n}` };
	}
	if (env.CI_PROJECT_URL) {
		const repository = env.CI_PROJECT_URL;
		return { kind: 'gitlab', repository, commit: (s) => `${repository}/-/commit/${s}`, pullRequest: (n) => `${repository}/-/merge_requests/${n}` };
	}
	try {
		return forgeFrom(git(cwd, ['remote', 'get-url', 'origin']));
	} catch (e) {
		if (e instanceof GitError) return undefined;
		throw e;
	}
}
