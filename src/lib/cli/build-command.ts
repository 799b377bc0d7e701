import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir, ensureBlasonDir } from '../blason-dir.ts';
import { loadSite } from '../content/load-site.ts';
import { detectForge } from '../git/forge.ts';
import { readHistory } from '../git/history.ts';
import { signedOutput } from '../publish/award-files.ts';
import { devKeyFile, resolveSigningKey } from '../signing/resolve-key.ts';
import { setBuildHandoff } from '../publish/build-handoff.ts';
import { SOCIAL_FONT_DIR } from '../social/social-image.ts';
import { contentRoot } from './args.ts';
import { renderHelp, wantsHelp } from './help.ts';
import { formatBytes, ProgressReporter } from './build-report.ts';
import { awardKeys, codeFingerprint } from '../publish/output-keys.ts';
import { describeOutput, manifestFile, mergeInto, previousOutput, totalBytes, totalFiles, writeManifest } from '../publish/output-manifest.ts';
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
	if (wantsHelp(args)) {
		log(renderHelp('usage: npm run build [-- --root DIR] [--out DIR] [--clean]'));
		return 0;
	}
	const started = performance.now();
	const root = contentRoot(args);
	const outIndex = args.indexOf('--out');
	const outDir = path.resolve(outIndex >= 0 ? args[outIndex + 1]! : path.join(options.projectRoot, 'dist'));
	const tmpDir = `${outDir}.partial`;

	log(`[1/3] Vérification du contenu / checking content in ${root}`);
	const result = await loadSite(root, { cache: true });
	if (reportProblems(result) !== 0 || !result.site) return 1;
	const { site } = result;
	const awards = site.awards.length;
	log(`      ${site.badges.size} badges, ${site.recipients.size} recipients, ${awards} awards`);

	const resolved = await resolveSigningKey(root, site.keys);
	// The development-key warning is the loud line below rather than one more problem line.
	const keyProblems = resolved.problems.filter((p) => p.code !== 'WARN_DEVELOPMENT_KEY');
	if (reportProblems({ problems: keyProblems, files: 0 }) !== 0 || !resolved.key) return 1;
	const { key, published } = resolved;
	log(
		key.info.development
			? `      ⚠ CLÉ DE DÉVELOPPEMENT / DEVELOPMENT KEY: signed with ${path.relative(process.cwd(), devKeyFile(root))}; every page says so. Set BLASON_SIGNING_KEY for a real site.`
			: `      signed with key "${key.info.id}" (BLASON_SIGNING_KEY)`,
	);

	ensureBlasonDir(root); // the caches below must never be committed
	const history = readHistory(root, path.join(cacheDir(root), 'history.json'));
	log(
		history.available
			? `      history: ${history.events.length} events from Git`
			: '      ⚠ no Git history here (an archive, or a shallow clone): award pages and the audit page will say so',
	);

	// A rebuild into the same folder redoes only the awards whose inputs changed (output-manifest.ts).
	const code = codeFingerprint(options.projectRoot);
	const forge = detectForge(root);
	const signing = { keyId: key.info.id, development: key.info.development, publishedKeyIds: published.map((k) => k.id), published };
	const keys = awardKeys(site, { code, history, forge, signing: { key: key.info, published }, now: new Date() });
	const manifestPath = manifestFile(root, outDir);
	const previous = args.includes('--clean') ? undefined : await previousOutput(manifestPath, outDir, code);
	const redo = (which: 'files' | 'page') =>
		previous ? new Set([...keys].filter(([id, k]) => previous.awards[id]?.[which] !== k[which]).map(([id]) => id)) : undefined;
	const filesToDo = redo('files');
	const pagesToDo = redo('page');
	log(
		previous
			? `[2/3] Génération du site / generating the site: ${pagesToDo!.size} award pages and ${filesToDo!.size} awards' files changed, the other ${awards - pagesToDo!.size} kept from the last build (--clean redoes all)`
			: `[2/3] Génération du site / generating the site`,
	);
	const reporter = new ProgressReporter({ pages: pagesToDo?.size ?? awards, 'award files': filesToDo?.size ?? awards }, log);
	const progress = (phase: string) => reporter.tick(phase);
	setBuildHandoff({
		site,
		progress,
		writesAwardFiles: true,
		...(pagesToDo ? { awardPages: pagesToDo } : {}),
		history,
		forge,
		signing,
		socialFontDir: SOCIAL_FONT_DIR,
		cacheDir: cacheDir(root),
	});
	process.env.BLASON_ROOT = root;
	await rm(tmpDir, { recursive: true, force: true });
	// Signing starts now, on worker threads, while Astro renders the pages.
	const output = signedOutput(site, key, published, path.join(cacheDir(root), 'signatures.json'), filesToDo);
	output.signed.catch(() => {}); // awaited below; avoids an unhandled rejection while Astro runs
	let described: Awaited<ReturnType<typeof describeOutput>>;
	try {
		await options.generate({ projectRoot: options.projectRoot, outDir: tmpDir });
		const stats = await output.signed;
		log(`      signatures: ${stats.signed} made, ${stats.cached} from the cache`);
		await output.write(tmpDir, progress);
		described = await describeOutput(tmpDir, outDir, code, keys, previous);
	} catch (e) {
		await rm(tmpDir, { recursive: true, force: true });
		throw e;
	} finally {
		setBuildHandoff(undefined);
	}

	const { manifest, written } = described;
	log(`[3/3] Publication / ${previous ? `updating ${written.size} files in` : 'replacing'} ${path.relative(process.cwd(), outDir) || outDir}`);
	if (previous) {
		await mergeInto(tmpDir, written, outDir, previous, manifest, manifestPath);
	} else {
		await rm(manifestPath, { force: true });
		const old = `${outDir}.old`;
		await rm(old, { recursive: true, force: true });
		await rename(outDir, old).catch((e: NodeJS.ErrnoException) => {
			if (e.code !== 'ENOENT') throw e;
		});
		await rename(tmpDir, outDir);
		await rm(old, { recursive: true, force: true });
	}
	await writeManifest(manifestPath, manifest);

	const files = totalFiles(manifest);
	const bytes = totalBytes(manifest);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	log(
		`✓ ${awards} awards, ${files} files, ${formatBytes(bytes)}${awards ? ` (${formatBytes(bytes / awards)} per award)` : ''} in ${seconds} s → ${outDir}`,
	);
	return 0;
}
