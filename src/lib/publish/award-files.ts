import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Site } from '../content/model.ts';
import type { PublicKeyInfo, SigningKey } from '../signing/keys.ts';
import { signWithCache, type SignStats } from '../signing/signature-cache.ts';
import { assembleAward, erasedAwardFiles, prepareAward, type AwardFile } from './signed-award.ts';
import { assembleSite, prepareSite } from './site-files.ts';

export interface SignedOutput {
	/** Signs everything (on worker threads, behind the cache); resolves when it is done. */
	signed: Promise<SignStats>;
	/** Writes every award's files and the site-wide signed files; call after `signed`. */
	write: (outDir: string, onFile?: (phase: string) => void) => Promise<number>;
}

/**
 * The machine-readable part of the site: per award its OB 2.0 and OB 3.0 documents and baked
 * image, plus keys, lists and achievements. `npm run build` writes these itself rather than
 * through Astro endpoints: Astro's per-route pipeline costs about 1 ms per file and copies each
 * image twice, which for 20,000 small files was more than half the build (BENCHMARKS.md). Signing
 * starts at once, so it runs on worker threads while Astro renders the pages.
 */
export function signedOutput(
	site: Site,
	key: SigningKey,
	published: readonly PublicKeyInfo[],
	cacheFile?: string,
	/** Only these awards' files (a rebuild that keeps the others); all when absent. */
	only?: ReadonlySet<string>,
): SignedOutput {
	const chosen = only ? site.awards.filter((a) => only.has(a.id)) : site.awards;
	// Erased awards are not signed: they get tombstones (erasedAwardFiles).
	const awards = chosen.filter((a) => !a.erased).map((a) => prepareAward(site, a, key.info));
	const erased = chosen.filter((a) => a.erased);
	const siteDocs = prepareSite(site, key.info);
	const jobs = [...awards.flatMap((a) => a.jobs), ...siteDocs.jobs];
	let results: string[] = [];
	const signed = signWithCache(jobs, key, cacheFile, undefined, only !== undefined).then((r) => {
		results = r.results;
		return r.stats;
	});
	const write = async (outDir: string, onFile: (phase: string) => void = () => {}) => {
		const siteFiles = assembleSite(site, siteDocs, results.slice(awards.length * 3), published);
		let written = await writeFiles(outDir, siteFiles);
		for (const award of erased) {
			written += await writeFiles(outDir, erasedAwardFiles(site, award));
			onFile('award files');
		}
		let next = 0;
		const worker = async () => {
			while (next < awards.length) {
				const i = next++;
				const files = assembleAward(site, awards[i]!, results.slice(i * 3, i * 3 + 3));
				written += await writeFiles(outDir, files);
				onFile('award files');
			}
		};
		await Promise.all(Array.from({ length: 16 }, worker));
		return written;
	};
	return { signed, write };
}

// Private key material in any form Blason knows: PEM, a JWK private member, a Blason secret line.
const PRIVATE_KEY = /-{5}BEGIN [A-Z ]*PRIVATE KEY-{5}|blason-key-v1:|"(?:d|p|q|dp|dq|qi)"\s*:\s*"/;

async function writeFiles(outDir: string, files: readonly AwardFile[]): Promise<number> {
	// The last line of defence: nothing that looks like a private key is ever written to the site.
	for (const f of files) {
		if (typeof f.bytes === 'string' && PRIVATE_KEY.test(f.bytes)) throw new Error(`refusing to publish ${f.path}: it contains private key material`);
	}
	const dirs = new Set(files.map((f) => path.dirname(path.join(outDir, f.path))));
	for (const dir of dirs) await mkdir(dir, { recursive: true });
	for (const f of files) await writeFile(path.join(outDir, f.path), f.bytes);
	return files.length;
}
