/**
 * The permanent URL scheme of a Blason site. Every published URL is built here and nowhere else,
 * and test/unit/urls.test.ts freezes it: changing a path breaks every badge already issued,
 * every baked image and every link on a CV. Add new paths; never change or remove one.
 *
 * Paths are relative to the site's base URL (issuer.yaml `site`, which includes any base path).
 */
export const paths = {
	home: () => '',
	issuerPage: () => 'issuer/',
	/** OB 2.0 Profile of the issuer. */
	issuerProfile: () => 'issuer/profile.json',
	issuerImage: (format: 'png' | 'svg') => `issuer/logo.${format}`,
	badgePage: (slug: string) => `badges/${slug}/`,
	/** OB 2.0 BadgeClass. */
	badgeClass: (slug: string) => `badges/${slug}/badgeclass.json`,
	/** The badge artwork as authored, not baked. */
	badgeImage: (slug: string, format: 'png' | 'svg') => `badges/${slug}/image.${format}`,
	/** Prefix of every award URL: the issuer's hosted-verification scope. */
	awardsRoot: () => 'awards/',
	awardPage: (id: string) => `awards/${id}/`,
	/** OB 2.0 hosted Assertion: its `id` is this URL. */
	assertion: (id: string) => `awards/${id}/assertion.json`,
	/** The badge artwork with the assertion baked in, in the artwork's format. */
	bakedImage: (id: string, format: 'png' | 'svg') => `awards/${id}/badge.${format}`,
	/** JSON Schemas of the content files, for editors. */
	schema: (name: 'issuer' | 'badge' | 'recipient') => `schemas/${name}.schema.json`,
} as const;

export type PathName = keyof typeof paths;

/** Absolute URLs for a site whose base URL is `site` (must end with `/`). */
export function siteUrls(site: string): { [K in PathName]: (...args: Parameters<(typeof paths)[K]>) => string } {
	if (!site.endsWith('/')) throw new Error(`site URL must end with "/": ${site}`);
	return Object.fromEntries(
		Object.entries(paths).map(([name, fn]) => [name, (...args: unknown[]) => site + (fn as (...a: unknown[]) => string)(...args)]),
	) as never;
}

/** The base path of a site URL, as Astro's `base` wants it: `/` or `/repo/`. */
export const basePath = (site: string) => new URL(site).pathname;
