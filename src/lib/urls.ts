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
	schema: (name: 'issuer' | 'badge' | 'recipient' | 'keys') => `schemas/${name}.schema.json`,

	/** OB 3.0 Achievement of a badge, `related` to its OB 2.0 BadgeClass. */
	achievement: (slug: string) => `badges/${slug}/achievement.json`,
	/** OB 2.0 signed assertion: a compact JWS (RS256). */
	signedAssertion: (id: string) => `awards/${id}/assertion.jws`,
	/** OB 3.0 OpenBadgeCredential with an embedded eddsa-rdfc-2022 proof; its `id` is this URL. */
	credential: (id: string) => `awards/${id}/credential.json`,
	/** The same credential as a VC-JWT (RS256). */
	credentialJwt: (id: string) => `awards/${id}/credential.jwt`,
	/** OB 2.0 RevocationList of signed assertions. */
	revocationList: () => 'issuer/revocations.json',
	/** OB 3.0 Bitstring Status List credential (revocation). */
	statusList: () => 'status/revocation.json',
	/** One key generation's RSA public key as a JWK: the `kid` of VC-JWTs. */
	keyJwk: (keyId: string) => `keys/${keyId}/jwk.json`,
	/** The same RSA public key as an OB 2.0 CryptographicKey: the `creator` of signed assertions. */
	cryptographicKey: (keyId: string) => `keys/${keyId}/cryptographic-key.json`,
	/** Every public key of the issuer, RSA and Ed25519. */
	jwks: () => '.well-known/jwks.json',
	/**
	 * The did:web DID document. did:web puts it at /.well-known/did.json for a bare domain and at
	 * <path>/did.json for a site under a path (GitHub Pages project sites).
	 */
	didDocument: (atDomainRoot: boolean) => (atDomainRoot ? '.well-known/did.json' : 'did.json'),
	/** Every issuance, revocation and erasure, from the Git history. */
	audit: () => 'audit/',
	/** The same events as an Atom feed. */
	auditFeed: () => 'audit/feed.xml',
	/** Where a young person asks for a badge (reached by the QR code printed from the badge page). */
	badgeRequest: (slug: string) => `badges/${slug}/request/`,
	/** The badge's social preview (Open Graph and Twitter image): a 1200×630 PNG. */
	socialImage: (slug: string) => `badges/${slug}/social.png`,
	/**
	 * A recipient's portfolio: all their awards under their name, published only while they consent
	 * (`consent.portfolio`); `slug` is the name of their file in recipients/.
	 */
	portfolio: (slug: string) => `recipients/${slug}/`,
	/** Checks any badge in the browser: a dropped image, a pasted URL, JWT or JSON. */
	verifyPage: () => 'verify/',
	/**
	 * One language's interface strings (fr, en, nl): what the language switcher fetches to show the
	 * pages in a language other than the one they were built in.
	 */
	uiStrings: (lang: string) => `i18n/${lang}.json`,
	/** A badge's name, description, criteria (HTML) and image text in each language its author wrote; only for translated badges. */
	badgeTranslations: (slug: string) => `badges/${slug}/translations.json`,
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
