/**
 * Signatures from earlier builds, keyed by a hash of everything a signature depends on: the job
 * (the exact bytes or document signed, and the proof options) and the public keys. A rebuild
 * after one new award then signs one award. The cache lives in the git-ignored `.blason/` folder
 * of the content repository; deleting it only makes the next build slower.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublicKeyInfo, SigningKey } from './keys.ts';
import type { SignJob } from './sign-jobs.ts';
import { signOnWorkers } from './sign-pool.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';

const VERSION = 1;

export interface SignStats {
	signed: number;
	cached: number;
}

const fingerprint = (k: PublicKeyInfo) => `${k.id}|${k.rsa.n}|${k.rsa.e}|${k.ed25519}`;

export async function signWithCache(
	jobs: readonly SignJob[],
	key: SigningKey,
	cacheFile: string | undefined,
	threads?: number,
	/**
	 * True when `jobs` are only some of the site's (a rebuild that keeps the other awards): the
	 * cache keeps its other entries for the next full build. A full build keeps only what it used.
	 */
	partial = false,
): Promise<{ results: string[]; stats: SignStats }> {
	const keyPrint = fingerprint(key.info);
	const hashes = jobs.map((j) => createHash('sha256').update(keyPrint).update('\0').update(JSON.stringify(j)).digest('base64url'));
	const previous = cacheFile ? await readCache(cacheFile) : new Map<string, string>();
	const missing = jobs.flatMap((_, i) => (previous.has(hashes[i]!) ? [] : [i]));
	const fresh = await signOnWorkers(missing.map((i) => jobs[i]!), key, threads);
	const results = hashes.map((h) => previous.get(h)!);
	missing.forEach((i, n) => (results[i] = fresh[n]!));
	// Nothing new and nothing to prune: the file (9 MB at 10,000 awards) is left as it is.
	const unchanged = missing.length === 0 && (partial || previous.size === new Set(hashes).size);
	if (cacheFile && !unchanged) await writeCache(cacheFile, new Map([...(partial ? previous : []), ...hashes.map((h, i) => [h, results[i]!] as const)]));
	return { results, stats: { signed: missing.length, cached: jobs.length - missing.length } };
}

async function readCache(file: string): Promise<Map<string, string>> {
	try {
		const data = JSON.parse(await readFile(file, 'utf8')) as { version: number; entries: Record<string, string> };
		return data.version === VERSION ? new Map(Object.entries(data.entries)) : new Map();
	} catch {
		return new Map(); // absent or damaged: sign everything again
	}
}

async function writeCache(file: string, entries: Map<string, string>): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	await writeFileAtomic(file, JSON.stringify({ version: VERSION, entries: Object.fromEntries(entries) }));
}
