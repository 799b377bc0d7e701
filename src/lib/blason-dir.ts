/**
 * `.blason/` in the content repository: the development signing key and the build caches
 * (signatures, audit trail, output manifest, social images). Nothing in it may ever be committed,
 * so the folder ignores itself, whatever the repository's own .gitignore says.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const blasonDir = (root: string) => path.join(root, '.blason');
export const cacheDir = (root: string) => path.join(blasonDir(root), 'cache');

/** Creates `.blason/` (ignored by Git) and returns it. */
export function ensureBlasonDir(root: string): string {
	const dir = blasonDir(root);
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, '.gitignore'), '*\n');
	return dir;
}
