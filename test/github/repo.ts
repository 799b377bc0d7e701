import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixture } from '../helpers.ts';

/** A Git repository holding a copy of test/fixtures/basic on `main`, with fixed commit dates. */
export function tempRepo(): {
	root: string;
	git: (...args: string[]) => string;
	edit: (rel: string, change: (text: string) => string) => void;
	write: (rel: string, text: string) => void;
	read: (rel: string) => string;
	commit: (message: string) => void;
	remove: () => void;
} {
	const root = mkdtempSync(path.join(tmpdir(), 'blason-github-'));
	cpSync(fixture('basic'), root, { recursive: true, filter: (from) => path.basename(from) !== '.blason' });
	let clock = 0;
	const git = (...args: string[]) => {
		const date = new Date(Date.UTC(2026, 0, 1, 10) + clock++ * 3_600_000).toISOString();
		return execFileSync('git', args, {
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, GIT_AUTHOR_NAME: 'Alice Martin', GIT_AUTHOR_EMAIL: 'alice@example.invalid', GIT_COMMITTER_NAME: 'Alice Martin', GIT_COMMITTER_EMAIL: 'alice@example.invalid', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
		});
	};
	const file = (rel: string) => path.join(root, rel);
	const commit = (message: string) => {
		git('add', '-A');
		git('commit', '-q', '-m', message);
	};
	git('init', '-q', '-b', 'main');
	commit('Premiers badges');
	return {
		root,
		git,
		edit: (rel, change) => writeFileSync(file(rel), change(readFileSync(file(rel), 'utf8'))),
		write: (rel, text) => writeFileSync(file(rel), text),
		read: (rel) => readFileSync(file(rel), 'utf8'),
		commit,
		remove: () => rmSync(root, { recursive: true, force: true }),
	};
}
