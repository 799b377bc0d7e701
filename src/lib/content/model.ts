/** The association's content after validation: what every output is built from. */

import type { PublicKeyInfo } from '../signing/keys.ts';

export interface FooterLink {
	label: string;
	url: string;
}

export interface Issuer {
	name: string;
	url: string;
	email: string;
	description?: string;
	/** Logo file relative to the content root, already checked to be a PNG or SVG. */
	logo?: ImageFile;
	language: 'fr' | 'en' | 'nl';
	/** Public site URL with its base path, always ending in `/`. */
	site: string;
	/**
	 * The association's LinkedIn page id (digits, issuer.yaml `linkedinOrganizationId`): "Add to
	 * LinkedIn" then links each certification to that page; without it, LinkedIn shows the name.
	 */
	linkedinOrganizationId?: string;
	primaryColor: string;
	footerLinks: FooterLink[];
}

export interface ImageFile {
	/** Path relative to the content root. */
	file: string;
	format: 'png' | 'svg';
	bytes: Uint8Array;
}

export interface Alignment {
	name: string;
	url: string;
	framework?: string;
	code?: string;
	description?: string;
}

export const BADGE_TYPES = [
	'participation', 'engagement', 'skill', 'competency', 'achievement',
	'project', 'facilitation', 'training', 'volunteering', 'leadership',
] as const;
export type BadgeType = (typeof BADGE_TYPES)[number];

export interface Badge {
	slug: string;
	name: string;
	description: string;
	type: BadgeType;
	tags: string[];
	alignments: Alignment[];
	/** ISO 8601 duration after which awards expire. */
	validity?: string;
	imageAlt: string;
	/**
	 * `sha256$` + hex: `hashIdentity(code, "blason-claim:" + slug)` of the claim code that turns a
	 * badge request into a pull request on its own (src/lib/awarding/claim-code.ts). Never published.
	 */
	claimCode?: string;
	/** Criteria narrative: the Markdown body of badge.md. */
	criteria: string;
	image: ImageFile;
	/**
	 * The badge's content in other languages (badge.md `translations`), for the pages' language
	 * switcher only: the Open Badges documents stay in the site's language. Absent when none is given.
	 */
	translations?: Partial<Record<Issuer['language'], BadgeTranslation>>;
}

/** A badge's own content in one more language; a field left out stays in the site's language. */
export interface BadgeTranslation {
	name?: string;
	description?: string;
	/** Markdown, like the body of badge.md. */
	criteria?: string;
	imageAlt?: string;
}

export interface Evidence {
	url?: string;
	name?: string;
	narrative?: string;
}

export interface Award {
	id: string;
	badge: string;
	/** Slug of the recipient file this award is listed in. */
	recipient: string;
	/** OB DateTime, UTC, whole seconds. */
	issuedOn: string;
	/** Set from the badge validity. */
	expires?: string;
	narrative?: string;
	evidence: Evidence[];
	/** Set by `npm run revoke`: the award stays published, marked revoked. */
	revoked?: { date: string; reason: string };
	/**
	 * Set when its recipient's data was erased on request (`npm run erase`), as an OB DateTime:
	 * the award keeps its URLs, which answer "withdrawn", and is revoked for every verifier. It
	 * then has no narrative and no evidence, and its recipient no identity.
	 */
	erased?: string;
	/** Where the award is written, for messages and audit. */
	file: string;
}

export type Recipient = {
	slug: string;
	awardIds: string[];
} & (
	| {
			identity: { hash: string; salt: string };
			/** Present only when the recipient consented to show it. */
			publicName?: string;
			/**
			 * True only when the recipient consented to a portfolio page (`consent.portfolio`), which
			 * `npm run check` accepts only with a public name: then `publicName` is set too.
			 */
			portfolio?: true;
			erased?: undefined;
	  }
	| {
			/** Date of the erasure (OB DateTime): nothing is left that identifies the person. */
			erased: string;
			identity?: undefined;
			publicName?: undefined;
			portfolio?: undefined;
	  }
);

export interface Site {
	root: string;
	issuer: Issuer;
	badges: Map<string, Badge>;
	recipients: Map<string, Recipient>;
	/** Every award, sorted by date then id so that output order never depends on the file system. */
	awards: Award[];
	/** Published signing keys from keys.yaml, oldest first (empty without keys.yaml). Never development keys. */
	keys: PublicKeyInfo[];
}
