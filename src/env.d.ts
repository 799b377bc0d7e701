/// <reference types="astro/client" />

/** Interface strings in the site's language, by key prefix (astro.config.ts `uiStrings`). */
declare module 'blason:ui/*' {
	const strings: Readonly<Record<string, string>>;
	export default strings;
}
