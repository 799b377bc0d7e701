import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { basePath } from './src/lib/urls.ts';
import { contentWatcher } from './src/site/content-watcher.ts';

// The site URL and base path come from the association's issuer.yaml, read leniently here:
// `npm run check` (run first by `npm run build`) reports any mistake in it properly.
const root = path.resolve(process.env.BLASON_ROOT || '.');
let site = 'https://example.org/';
let language = 'fr';
try {
	const issuer = parse(readFileSync(path.join(root, 'issuer.yaml'), 'utf8')) as { site?: unknown; language?: unknown };
	if (typeof issuer?.site === 'string' && /^https?:\/\/.+\/$/.test(issuer.site)) site = issuer.site;
	if (issuer?.language === 'en' || issuer?.language === 'nl') language = issuer.language;
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
		// The interface strings in the site's language, for the client scripts that write text
		// (src/site/i18n-client.ts): bundled, so that visitors who keep that language fetch none.
		resolve: { alias: { 'blason:ui': fileURLToPath(new URL(`./src/i18n/${language}.json`, import.meta.url)) } },
		// Build outputs and benchmark sites hold tens of thousands of files: watching them would
		// make the dev server crawl (and they are never sources).
		server: { watch: { ignored: ['**/dist/**', '**/dist.*/**', '**/bench/out/**', '**/.blason/**'] } },
	},
});
