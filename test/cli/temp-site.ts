import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CommandIo } from '../../src/lib/cli/command.ts';
import { copyFixture, projectRoot } from '../helpers.ts';

const execFileAsync = promisify(execFile);

/** A copy of test/fixtures/basic (see copyFixture) in a temporary folder, outside any Git work tree. */
export function tempSite(): { root: string; remove: () => void } {
	const root = copyFixture(mkdtempSync(path.join(tmpdir(), 'blason-cli-')));
	return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file below `root` with its bytes, to prove that a refused command changed nothing. */
export function snapshotFiles(root: string): Map<string, string> {
	const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
	return new Map(files.map((e) => {
		const file = path.join(e.parentPath, e.name);
		return [path.relative(root, file), readFileSync(file).toString('base64')];
	}));
}

/** Captures what a command prints. */
export function captureIo(): CommandIo & { stdout: () => string; stderr: () => string } {
	const out: string[] = [];
	const err: string[] = [];
	return {
		out: (l) => out.push(l),
		err: (l) => err.push(l),
		stdout: () => out.join('\n'),
		stderr: () => err.join('\n'),
	};
}

/** Runs a script as `npm run` does, with a clean CI environment; never rejects. */
export async function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
	const { GITHUB_ACTIONS: _g, GITLAB_CI: _l, BLASON_SIGNING_KEY: _k, BLASON_ROOT: _r, ...base } = process.env;
	return execFileAsync(process.execPath, [`scripts/${script}.ts`, ...args], { cwd: projectRoot, env: { ...base, ...env } }).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
	);
}
