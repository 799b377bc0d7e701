import { execFile } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const sharedSpec = path.resolve(projectRoot, '../shared/spec');
export const fixture = (...parts: string[]) => path.join(projectRoot, 'test/fixtures', ...parts);
export const readBytes = (file: string) => new Uint8Array(readFileSync(file));

/**
 * Copies a fixture site to `dest` and returns `dest`. Git-ignored build state (`.blason/`: the
 * development key and signing cache that builds of the fixture leave there) is not copied.
 */
export function copyFixture(dest: string, name = 'basic'): string {
	cpSync(fixture(name), dest, { recursive: true, filter: (from) => path.basename(from) !== '.blason' });
	return dest;
}

/** Builds the site at `root` into `out` with the real CLI, unsigned (with the development key). */
export async function buildSite(root: string, out: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
	await promisify(execFile)(process.execPath, ['scripts/build.ts', '--root', root, '--out', out], {
		cwd: projectRoot,
		env: { ...process.env, BLASON_SIGNING_KEY: '', ...env },
	});
}

const require = createRequire(import.meta.url);
const bakery = require('openbadges-bakery') as {
	extract: (image: Buffer, cb: (err: Error | null, data?: string) => void) => void;
};

/** Unbakes with Mozilla's openbadges-bakery: an implementation not written here. */
export function unbakeIndependently(image: Uint8Array): Promise<string> {
	return new Promise((resolve, reject) =>
		bakery.extract(Buffer.from(image), (err, data) => (err ? reject(err) : resolve(data!))),
	);
}
