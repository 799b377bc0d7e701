/**
 * What the last build wrote into an output folder, so that the next build into the same folder
 * redoes only what changed: the awards whose keys (output-keys.ts) differ, plus the site-wide
 * pages and files, which are few. The manifest lives in the git-ignored cache beside the
 * signatures, never in the published folder.
 *
 * An incremental build renders into a fresh folder as a full build does, then moves its files
 * into the existing output and deletes what no longer belongs there. Anything unexpected (no
 * manifest, other code, a missing award folder) means a full build, which swaps a complete new
 * folder into place.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir } from '../blason-dir.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import type { AwardKeys } from './output-keys.ts';

export interface AwardEntry extends AwardKeys {
	/** Bytes of every file in the award's folder. */
	bytes: number;
	/** Its files, relative to the output folder. */
	paths: string[];
}

export interface OutputManifest {
	version: 1;
	/** Absolute path of the output folder it describes. */
	outDir: string;
	code: string;
	awards: Record<string, AwardEntry>;
	/** Every other file, with its size. */
	site: Record<string, number>;
}

const AWARD_PATH = /^awards\/([^/]+)\//;
/** Astro's bundled assets have content-hashed names, and pages that were not redone still use them. */
const ASSETS = /^_astro\//;

export const manifestFile = (root: string, outDir: string) =>
	path.join(cacheDir(root), `output-${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);

/**
 * The manifest of the previous build into `outDir`, when it can be built upon: same code, and
 * every award folder it lists still there.
 */
export async function previousOutput(file: string, outDir: string, code: string): Promise<OutputManifest | undefined> {
	let manifest: OutputManifest;
	try {
		manifest = JSON.parse(await readFile(file, 'utf8')) as OutputManifest;
	} catch {
		return undefined;
	}
	if (manifest?.version !== 1 || manifest.outDir !== outDir || manifest.code !== code) return undefined;
	if (!existsSync(path.join(outDir, 'index.html'))) return undefined;
	const present = new Set(await readdir(path.join(outDir, 'awards')).catch(() => [] as string[]));
	for (const id of Object.keys(manifest.awards)) if (!present.has(id)) return undefined;
	return manifest;
}

/** Every file under `dir`, relative to it with '/' separators, with its size. */
async function listFiles(dir: string): Promise<Map<string, number>> {
	const entries = (await readdir(dir, { withFileTypes: true, recursive: true })).filter((e) => e.isFile());
	const sizes = await Promise.all(entries.map(async (e) => (await stat(path.join(e.parentPath, e.name))).size));
	return new Map(entries.map((e, i) => [path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'), sizes[i]!]));
}

/**
 * The manifest of `builtDir`, a folder a build has just written, given the keys of every award.
 * Awards the build did not redo keep their entries from `previous`.
 */
export async function describeOutput(
	builtDir: string,
	outDir: string,
	code: string,
	keys: ReadonlyMap<string, AwardKeys>,
	previous: OutputManifest | undefined,
): Promise<{ manifest: OutputManifest; written: Map<string, number> }> {
	const written = await listFiles(builtDir);
	const awards: Record<string, AwardEntry> = {};
	const site: Record<string, number> = {};
	for (const [file, size] of written) {
		const id = AWARD_PATH.exec(file)?.[1];
		if (id === undefined || !keys.has(id)) {
			site[file] = size;
			continue;
		}
		const entry = (awards[id] ??= { ...keys.get(id)!, bytes: 0, paths: [] });
		entry.bytes += size;
		entry.paths.push(file);
	}
	for (const [id, k] of keys) {
		if (awards[id]) continue;
		const kept = previous?.awards[id];
		if (!kept) throw new Error(`award ${id} was neither built nor kept from the previous build`);
		awards[id] = { ...k, bytes: kept.bytes, paths: kept.paths };
	}
	// Assets a redone page no longer uses are only removed by a full build; keep listing them.
	if (previous) for (const [file, size] of Object.entries(previous.site)) if (ASSETS.test(file) && !(file in site)) site[file] = size;
	return { manifest: { version: 1, outDir, code, awards, site }, written };
}

/**
 * Moves every file of `builtDir` into `outDir`, replacing what is there, then deletes the files
 * of the previous build that the new manifest no longer lists. The manifest file is removed
 * first and written last: a build interrupted in between leaves none, and the next one is full.
 */
export async function mergeInto(
	builtDir: string,
	written: ReadonlyMap<string, number>,
	outDir: string,
	previous: OutputManifest,
	next: OutputManifest,
	file: string,
): Promise<void> {
	await rm(file, { force: true });
	const made = new Set<string>();
	for (const rel of written.keys()) {
		const dir = path.dirname(path.join(outDir, rel));
		if (!made.has(dir)) {
			await mkdir(dir, { recursive: true });
			made.add(dir);
		}
		await rename(path.join(builtDir, rel), path.join(outDir, rel));
	}
	const keep = new Set([...Object.keys(next.site), ...Object.values(next.awards).flatMap((a) => a.paths)]);
	const before = [...Object.keys(previous.site), ...Object.values(previous.awards).flatMap((a) => a.paths)];
	for (const rel of before) {
		if (keep.has(rel)) continue;
		await unlink(path.join(outDir, rel)).catch(() => {});
		// The folder of an award no longer published (a path never taken away otherwise) goes too, once empty.
		await rmdir(path.dirname(path.join(outDir, rel))).catch(() => {});
	}
	await rm(builtDir, { recursive: true, force: true });
}

export async function writeManifest(file: string, manifest: OutputManifest): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	await writeFileAtomic(file, JSON.stringify(manifest));
}

export const totalBytes = (m: OutputManifest) =>
	Object.values(m.site).reduce((a, b) => a + b, 0) + Object.values(m.awards).reduce((a, b) => a + b.bytes, 0);

export const totalFiles = (m: OutputManifest) => Object.keys(m.site).length + Object.values(m.awards).reduce((a, b) => a + b.paths.length, 0);
