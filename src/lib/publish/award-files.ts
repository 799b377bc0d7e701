import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Award, Site } from '../content/model.ts';
import { assertionJson, bakeAward } from '../ob2/index.ts';
import { paths } from '../urls.ts';

export interface AwardFile {
	/** Path relative to the site root, from src/lib/urls.ts. */
	path: string;
	bytes: string | Uint8Array;
	/** Progress phase this file counts towards. */
	phase: 'assertions' | 'baked images';
}

/** The machine-readable files published for one award, byte for byte. */
export function awardFiles(site: Site, award: Award): AwardFile[] {
	const json = assertionJson(site, award);
	const baked = bakeAward(site, award, json);
	return [
		{ path: paths.assertion(award.id), bytes: json, phase: 'assertions' },
		{ path: paths.bakedImage(award.id, baked.format), bytes: baked.bytes, phase: 'baked images' },
	];
}

/**
 * Writes every award's machine-readable files under `outDir`. `npm run build` does this itself
 * rather than through Astro endpoints: Astro's per-route pipeline costs about 1 ms per file and
 * copies each image twice, which for 20,000 small files was more than half the build
 * (BENCHMARKS.md). Pages stay in Astro; the endpoints still serve these files under `astro dev`.
 */
export async function writeAwardFiles(
	site: Site,
	outDir: string,
	onFile: (phase: AwardFile['phase']) => void = () => {},
	concurrency = 16,
): Promise<number> {
	let next = 0;
	let written = 0;
	const worker = async () => {
		while (next < site.awards.length) {
			const award = site.awards[next++]!;
			const files = awardFiles(site, award);
			await mkdir(path.join(outDir, paths.awardPage(award.id)), { recursive: true });
			for (const file of files) {
				await writeFile(path.join(outDir, file.path), file.bytes);
				written++;
				onFile(file.phase);
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return written;
}
