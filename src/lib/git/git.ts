import { execFileSync } from 'node:child_process';

/** A git command that failed: `message` is git's own first line of error output. */
export class GitError extends Error {}

/** Runs git in `cwd` and returns its standard output. */
export function git(cwd: string, args: readonly string[], input?: string): string {
	try {
		return execFileSync('git', args, {
			cwd,
			encoding: 'utf8',
			input,
			stdio: ['pipe', 'pipe', 'pipe'],
			maxBuffer: 1024 * 1024 * 1024,
		});
	} catch (e) {
		const err = e as { stderr?: string; code?: string };
		if (err.code === 'ENOENT') throw new GitError('git is not installed');
		throw new GitError((err.stderr ?? '').split('\n').find(Boolean) ?? `git ${args[0]} failed`);
	}
}

/**
 * Contents of many files at one revision with a single `git cat-file --batch` process:
 * reading thousands of recipient files one `git show` at a time would take minutes.
 */
export function readFilesAt(cwd: string, rev: string, files: readonly string[]): Map<string, string> {
	const texts = readObjects(cwd, files.map((f) => `${rev}:${f}`));
	return new Map(files.flatMap((f) => {
		const text = texts.get(`${rev}:${f}`);
		return text === undefined ? [] : [[f, text] as const];
	}));
}

/** Contents of many objects (blob ids, or `rev:path`), keyed by the name asked; missing ones are left out. */
export function readObjects(cwd: string, names: readonly string[]): Map<string, string> {
	const out = new Map<string, string>();
	if (names.length === 0) return out;
	const raw = Buffer.from(
		execFileSync('git', ['cat-file', '--batch'], { cwd, input: names.join('\n') + '\n', maxBuffer: 1024 * 1024 * 1024 }),
	);
	let pos = 0;
	for (const name of names) {
		const eol = raw.indexOf(10, pos);
		const header = raw.subarray(pos, eol).toString('utf8');
		pos = eol + 1;
		const size = /^\S+ blob (\d+)$/.exec(header);
		if (!size) continue; // "missing"
		const n = Number(size[1]);
		out.set(name, raw.subarray(pos, pos + n).toString('utf8'));
		pos += n + 1;
	}
	return out;
}
