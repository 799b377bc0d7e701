/**
 * npm run new-id [-- --root DIR] — prints a fresh permanent award id, one whose revocation
 * status bit no existing award uses.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentRoot } from '../src/lib/cli/args.ts';
import { listRepositoryFiles } from '../src/lib/content/files.ts';
import { newAwardId } from '../src/lib/identity.ts';

const root = contentRoot(process.argv.slice(2));
const files = (await listRepositoryFiles(root)).filter((f) => /^recipients\/[^/]+\.ya?ml$/.test(f));
const taken: string[] = [];
for (const f of files) {
	const text = await readFile(path.join(root, f), 'utf8').catch(() => '');
	for (const m of text.matchAll(/^\s*-?\s*id:\s*["']?([0-9a-z]{8,32})["']?\s*$/gm)) taken.push(m[1]!);
}
console.log(newAwardId(taken));
