/// <reference types="astro/client" />

/** The interface strings in the site's default language (astro.config.ts aliases src/i18n/<language>.json). */
declare module 'blason:ui' {
	const strings: Readonly<Record<string, string>>;
	export default strings;
}
