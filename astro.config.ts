import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { basePath } from './src/lib/urls.ts';
import { contentWatcher } from './src/site/content-watcher.ts';

// The site URL and base path come from the association's issuer.yaml, read leniently here:
// `npm run check` (run first by `npm run build`) reports any mistake in it properly.
const root = path.resolve(process.env.BLASON_ROOT || '.');
let site = 'https://example.org/';
try {
	const issuer = parse(readFileSync(path.join(root, 'issuer.yaml'), 'utf8')) as { site?: unknown };
	if (typeof issuer?.site === 'string' && /^https?:\/\/.+\/$/.test(issuer.site)) site = issuer.site;
} catch {
	// No readable issuer.yaml: the pages will report it.
}

export default defineConfig({
	site,
	base: basePath(site),
	trailingSlash: 'ignore',
	outDir: process.env.BLASON_OUT_DIR || './dist',
	// Page-specific styles (the award page's) as a cached file rather than inlined into each of
	// thousands of award pages.
	build: { format: 'directory', inlineStylesheets: 'never' },
	devToolbar: { enabled: false },
	vite: {
		plugins: [contentWatcher(root)],
		// Build outputs and benchmark sites hold tens of thousands of files: watching them would
		// make the dev server crawl (and they are never sources).
		server: { watch: { ignored: ['**/dist/**', '**/dist.*/**', '**/bench/out/**', '**/.blason/**'] } },
	},
});
