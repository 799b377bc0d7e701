import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import type { Plugin } from 'vite';
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

/**
 * `import strings from 'blason:ui/verify.,!verify.page.'`: the interface strings in the site's
 * language whose keys start with one of the prefixes (and none of the `!` ones), for the client
 * scripts that write text (src/site/i18n-client.ts `onLanguage`). Bundled, so that visitors who
 * keep that language fetch nothing, and only the keys a script needs.
 */
function uiStrings(lang: string): Plugin {
	const prefix = 'blason:ui/';
	return {
		name: 'blason-ui-strings',
		resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : undefined),
		load(id) {
			if (!id.startsWith(`\0${prefix}`)) return undefined;
			const rules = id.slice(prefix.length + 1).split(',');
			const wanted = (key: string) => rules.some((r) => !r.startsWith('!') && key.startsWith(r)) && !rules.some((r) => r.startsWith('!') && key.startsWith(r.slice(1)));
			const file = fileURLToPath(new URL(`./src/i18n/${lang}.json`, import.meta.url));
			this.addWatchFile(file);
			const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
			return `export default ${JSON.stringify(Object.fromEntries(Object.entries(strings).filter(([key]) => wanted(key))))};`;
		},
	};
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
		plugins: [contentWatcher(root), uiStrings(language)],
		// Build outputs and benchmark sites hold tens of thousands of files: watching them would
		// make the dev server crawl (and they are never sources).
		server: { watch: { ignored: ['**/dist/**', '**/dist.*/**', '**/bench/out/**', '**/.blason/**'] } },
		// The /verify/ page's verifier is imported only when a check starts: its CommonJS packages are
		// pre-bundled when the dev server starts, or the first check would fail while Vite optimises them.
		optimizeDeps: { include: ['jsonld', 'ajv/dist/2019.js', 'ajv-formats', 'jose'] },
	},
});
