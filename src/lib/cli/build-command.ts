import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadSite } from '../content/load-site.ts';
import { writeAwardFiles } from '../publish/award-files.ts';
import { setBuildHandoff } from '../publish/build-handoff.ts';
import { contentRoot } from './args.ts';
import { formatBytes, measureTree, ProgressReporter } from './build-report.ts';
import { reportProblems } from './check-command.ts';

export interface BuildOptions {
	/** Folder holding astro.config.ts and src/pages (the Blason project). */
	projectRoot: string;
	/** Runs the static site generator into `outDir`. Injected so that the core never imports Astro. */
	generate: (options: { projectRoot: string; outDir: string }) => Promise<void>;
	log?: (line: string) => void;
}

/**
 * npm run build: check the content (nothing is written if it has errors), generate the site into
 * a temporary folder, then swap it into place, so a failed build never leaves a half-written site.
 */
export async function runBuild(args: readonly string[], options: BuildOptions): Promise<number> {
	const log = options.log ?? ((l: string) => console.log(l));
	const started = performance.now();
	const root = contentRoot(args);
	const outIndex = args.indexOf('--out');
	const outDir = path.resolve(outIndex >= 0 ? args[outIndex + 1]! : path.join(options.projectRoot, 'dist'));
	const tmpDir = `${outDir}.partial`;

	log(`[1/3] Vérification du contenu / checking content in ${root}`);
	const result = await loadSite(root);
	if (reportProblems(result) !== 0 || !result.site) return 1;
	const { site } = result;
	const awards = site.awards.length;
	log(`      ${site.badges.size} badges, ${site.recipients.size} recipients, ${awards} awards`);

	log(`[2/3] Génération du site / generating the site`);
	const reporter = new ProgressReporter({ pages: awards, assertions: awards, 'baked images': awards }, log);
	const progress = (phase: string) => reporter.tick(phase);
	setBuildHandoff({ site, progress, writesAwardFiles: true, signing: { keyId: 'dev', development: true } });
	process.env.BLASON_ROOT = root;
	await rm(tmpDir, { recursive: true, force: true });
	try {
		await options.generate({ projectRoot: options.projectRoot, outDir: tmpDir });
		await writeAwardFiles(site, tmpDir, progress);
	} catch (e) {
		await rm(tmpDir, { recursive: true, force: true });
		throw e;
	} finally {
		setBuildHandoff(undefined);
	}

	log(`[3/3] Publication / replacing ${path.relative(process.cwd(), outDir) || outDir}`);
	const old = `${outDir}.old`;
	await rm(old, { recursive: true, force: true });
	await rename(outDir, old).catch((e: NodeJS.ErrnoException) => {
		if (e.code !== 'ENOENT') throw e;
	});
	await rename(tmpDir, outDir);
	await rm(old, { recursive: true, force: true });

	const { files, bytes } = await measureTree(outDir);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	log(
		`✓ ${awards} awards, ${files} files, ${formatBytes(bytes)}${awards ? ` (${formatBytes(bytes / awards)} per award)` : ''} in ${seconds} s → ${outDir}`,
	);
	return 0;
}
