import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.astro', '.blason']);

/**
 * Files that would be committed: tracked or untracked-but-not-ignored when the root is in a
 * Git work tree, otherwise every file below the root. Paths are relative, with forward slashes.
 */
export async function listRepositoryFiles(root: string): Promise<string[]> {
	try {
		const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			maxBuffer: 256 * 1024 * 1024,
		});
		// ls-files lists paths relative to cwd when given '.'.
		const files = [...new Set(out.split('\0').filter(Boolean))].filter((f) => !f.split('/').some((p) => SKIP_DIRS.has(p)));
		// Nothing listed means the root is inside an ignored folder of an enclosing repository
		// (a content folder under a git-ignored path): Git's view does not apply there.
		return files.length ? files : walk(root);
	} catch {
		return walk(root);
	}
}

async function walk(root: string, dir = ''): Promise<string[]> {
	const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
	const out: string[] = [];
	for (const e of entries) {
		const rel = dir ? `${dir}/${e.name}` : e.name;
		if (e.isDirectory()) {
			// Not push(...files): a folder of tens of thousands of files overflows the call stack.
			if (!SKIP_DIRS.has(e.name)) for (const f of await walk(root, rel)) out.push(f);
		} else if (e.isFile()) out.push(rel);
	}
	return out;
}
