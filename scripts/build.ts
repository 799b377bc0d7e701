/**
 * npm run build [-- --root DIR] [--out DIR]
 * Checks the content, then builds the static site with Astro into dist/.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { runBuild } from '../src/lib/cli/build-command.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

process.exitCode = await runBuild(process.argv.slice(2), {
	projectRoot,
	generate: ({ projectRoot, outDir }) => build({ root: projectRoot, outDir, logLevel: 'warn' }),
});
