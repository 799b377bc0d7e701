import type { Award, Badge, Issuer, Recipient, Site } from '../content/model.ts';
import { siteUrls } from '../urls.ts';

export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';

// Open Badge Passport recognises OB 2.0 only when @context is exactly this string (DIGEST §1.14),
// so every document uses the string form, never an array.
type Ob2Document = { '@context': typeof OB2_CONTEXT; type: string; id: string } & Record<string, unknown>;

/**
 * The issuer Profile. `keyIds` are the key generations whose CryptographicKey documents are
 * published: listing them here is what authorises them to sign (DIGEST §1.12).
 */
export function buildProfile(issuer: Issuer, keyIds: readonly string[] = []): Ob2Document {
	const url = siteUrls(issuer.site);
	return {
		'@context': OB2_CONTEXT,
		type: 'Profile',
		id: url.issuerProfile(),
		name: issuer.name,
		url: issuer.url,
		email: issuer.email,
		...(issuer.description ? { description: issuer.description } : {}),
		...(issuer.logo ? { image: url.issuerImage(issuer.logo.format) } : {}),
		// Hosted assertions are valid only under this site's award folder: on a shared origin such
		// as <user>.github.io, another repository of the same account cannot mint our badges.
		verification: { type: 'VerificationObject', startsWith: url.awardsRoot() },
		...(keyIds.length ? { publicKey: keyIds.map((id) => url.cryptographicKey(id)), revocationList: url.revocationList() } : {}),
	};
}

export function buildBadgeClass(badge: Badge, issuer: Issuer): Ob2Document {
	const url = siteUrls(issuer.site);
	return {
		'@context': OB2_CONTEXT,
		type: 'BadgeClass',
		id: url.badgeClass(badge.slug),
		name: badge.name,
		description: badge.description,
		image: url.badgeImage(badge.slug, badge.image.format),
		criteria: { id: url.badgePage(badge.slug), narrative: badge.criteria },
		issuer: url.issuerProfile(),
		...(badge.tags.length ? { tags: badge.tags } : {}),
		...(badge.alignments.length
			? {
					alignment: badge.alignments.map((a) => ({
						targetName: a.name,
						targetUrl: a.url,
						...(a.description ? { targetDescription: a.description } : {}),
						...(a.framework ? { targetFramework: a.framework } : {}),
						...(a.code ? { targetCode: a.code } : {}),
					})),
				}
			: {}),
	};
}

export function buildAssertion(award: Award, recipient: Recipient, badge: Badge, issuer: Issuer): Ob2Document {
	const url = siteUrls(issuer.site);
	const { identity } = recipient;
	if (!identity || award.erased) throw new Error(`award ${award.id} was erased: publish its tombstone (buildErasedAssertion), not an assertion`);
	return {
		'@context': OB2_CONTEXT,
		type: 'Assertion',
		id: url.assertion(award.id),
		recipient: { type: 'email', hashed: true, salt: identity.salt, identity: identity.hash },
		badge: url.badgeClass(badge.slug),
		verification: { type: 'hosted' },
		issuedOn: award.issuedOn,
		...(award.expires ? { expires: award.expires } : {}),
		image: url.bakedImage(award.id, badge.image.format),
		...(award.narrative ? { narrative: award.narrative } : {}),
		// A static host cannot answer 410 Gone: the hosted document itself says it is revoked.
		...(award.revoked ? { revoked: true, revocationReason: award.revoked.reason } : {}),
		...(award.evidence.length
			? {
					evidence: award.evidence.map((e) => ({
						...(e.url ? { id: e.url } : {}),
						type: 'Evidence',
						...(e.name ? { name: e.name } : {}),
						...(e.narrative ? { narrative: e.narrative } : {}),
					})),
				}
			: {}),
	};
}

/** Why an erased award is revoked, in its tombstone and in the revocation list. */
export const ERASED_REASON = "Retiré à la demande de la personne titulaire / withdrawn at the holder's request";

/**
 * The hosted assertion of an award whose recipient's data was erased: a tombstone that keeps the
 * URL answering. A revoked hosted assertion needs only `id` and `revoked` (DIGEST §1.11), so
 * nothing is left that could identify the person: no recipient, no narrative, no evidence.
 */
export function buildErasedAssertion(award: Award, issuer: Issuer): Ob2Document {
	return {
		'@context': OB2_CONTEXT,
		type: 'Assertion',
		id: siteUrls(issuer.site).assertion(award.id),
		revoked: true,
		revocationReason: ERASED_REASON,
	};
}

/** The exact bytes published for a JSON-LD document; baked images carry the same text. */
// No trailing newline: SVG unbakers trim the CDATA text, and the bytes must match everywhere.
export const serialise = (doc: object) => JSON.stringify(doc, null, 2);

/** Looks up the badge and recipient of an award; the loader guarantees both exist. */
export function awardContext(site: Site, award: Award): { badge: Badge; recipient: Recipient } {
	return { badge: site.badges.get(award.badge)!, recipient: site.recipients.get(award.recipient)! };
}
