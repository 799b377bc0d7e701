import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listRepositoryFiles } from '../../src/lib/content/files.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text = 'x') {
	mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
	writeFileSync(path.join(dir, rel), text);
}
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });

describe('listRepositoryFiles', () => {
	it('lists what Git would commit: tracked and untracked files, not ignored ones', async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'blason-files-'));
		git('init', '-q');
		write('.gitignore', 'secret.pem\nbuild/\n');
		write('issuer.yaml');
		write('recipients/a.yaml');
		write('secret.pem');
		write('build/out.json');
		git('add', 'issuer.yaml');
		expect((await listRepositoryFiles(dir)).sort()).toEqual(['.gitignore', 'issuer.yaml', 'recipients/a.yaml']);
	});

	it('walks the folder when the content sits inside an ignored folder of a repository', async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'blason-files-'));
		git('init', '-q');
		write('.gitignore', 'generated/\n');
		write('generated/site/issuer.yaml');
		write('generated/site/badges/a/badge.md');
		write('generated/site/node_modules/x/index.js');
		expect((await listRepositoryFiles(path.join(dir, 'generated/site'))).sort()).toEqual(['badges/a/badge.md', 'issuer.yaml']);
	});

	it('walks the folder outside any repository', async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'blason-files-'));
		write('issuer.yaml');
		write('.git-not/a.txt');
		write('dist/index.html');
		expect((await listRepositoryFiles(dir)).sort()).toEqual(['.git-not/a.txt', 'issuer.yaml']);
	});
});
