/**
 * Open Badges 3.0 documents built from the same content as the OB 2.0 ones (DIGEST Part 2 and
 * Part 3 "dual publishing"): the issuer is the site's did:web, each badge is an Achievement
 * `related` to its OB 2.0 BadgeClass, each award an OpenBadgeCredential.
 *
 * Every multi-valued property is an array and every object is embedded, which is what the strict
 * 1EdTech JSON Schema wants. There is deliberately no `credentialSchema`: its type
 * `1EdTechJsonSchemaValidator2019` exists only in the extra `extensions.json` context, and without
 * that context a Data Integrity proof either fails (safe mode) or silently does not cover it.
 * The test suite validates every credential against that schema instead.
 */
import type { Award, Badge, BadgeType, Issuer, Site } from '../content/model.ts';
import { OB3_CONTEXT, VC_V2 } from '../jsonld/contexts.ts';
import { awardContext } from '../ob2/documents.ts';
import { siteUrls } from '../urls.ts';
import { didWeb } from './did-web.ts';
import { statusIndex } from './status-list.ts';

export type Json = Record<string, unknown>;

// Blason's badge types in the OB 3.0 AchievementType vocabulary; `ext:` where it has no term.
const ACHIEVEMENT_TYPES: Record<BadgeType, string> = {
	participation: 'ext:Participation',
	engagement: 'CommunityService',
	volunteering: 'CommunityService',
	skill: 'Competency',
	competency: 'Competency',
	achievement: 'Achievement',
	project: 'Assignment',
	facilitation: 'ext:Facilitation',
	training: 'Course',
	leadership: 'ext:Leadership',
};

export function buildOb3Profile(issuer: Issuer): Json {
	const url = siteUrls(issuer.site);
	return {
		id: didWeb(issuer.site).did,
		type: ['Profile'],
		name: issuer.name,
		url: issuer.url,
		email: issuer.email,
		...(issuer.description ? { description: issuer.description } : {}),
		...(issuer.logo ? { image: { id: url.issuerImage(issuer.logo.format), type: 'Image' } } : {}),
		otherIdentifier: [{ type: 'IdentifierEntry', identifier: url.issuerProfile(), identifierType: 'identifier' }],
	};
}

export function buildAchievement(badge: Badge, issuer: Issuer): Json {
	const url = siteUrls(issuer.site);
	return {
		id: url.achievement(badge.slug),
		type: ['Achievement', 'https://w3id.org/openbadges#BadgeClass'],
		name: badge.name,
		description: badge.description,
		criteria: { id: url.badgePage(badge.slug), narrative: badge.criteria },
		image: { id: url.badgeImage(badge.slug, badge.image.format), type: 'Image', caption: badge.imageAlt },
		achievementType: ACHIEVEMENT_TYPES[badge.type],
		inLanguage: issuer.language,
		...(badge.tags.length ? { tag: badge.tags } : {}),
		...(badge.alignments.length
			? {
					alignment: badge.alignments.map((a) => ({
						type: ['Alignment'],
						targetName: a.name,
						targetUrl: a.url,
						...(a.description ? { targetDescription: a.description } : {}),
						...(a.framework ? { targetFramework: a.framework } : {}),
						...(a.code ? { targetCode: a.code } : {}),
					})),
				}
			: {}),
		related: [{ id: url.badgeClass(badge.slug), type: ['Related', 'https://w3id.org/openbadges#BadgeClass'], version: 'Open Badges v2p0' }],
	};
}

/** The credential of one award, without proof. */
export function buildCredential(site: Site, award: Award): Json {
	const { issuer } = site;
	const { badge, recipient } = awardContext(site, award);
	const { identity } = recipient;
	if (!identity || award.erased) throw new Error(`award ${award.id} was erased: it has no credential any more`);
	const url = siteUrls(issuer.site);
	const statusUrl = url.statusList();
	const index = statusIndex(award.id);
	return {
		'@context': [VC_V2, OB3_CONTEXT],
		id: url.credential(award.id),
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: badge.name,
		description: badge.description,
		image: { id: url.bakedImage(award.id, badge.image.format), type: 'Image', caption: badge.imageAlt },
		issuer: buildOb3Profile(issuer),
		validFrom: award.issuedOn,
		...(award.expires ? { validUntil: award.expires } : {}),
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [
				{
					type: 'IdentityObject',
					identityHash: identity.hash,
					identityType: 'emailAddress',
					hashed: true,
					salt: identity.salt,
				},
			],
			achievement: buildAchievement(badge, issuer),
			...(award.narrative ? { narrative: award.narrative } : {}),
		},
		...(award.evidence.length
			? {
					evidence: award.evidence.map((e) => ({
						...(e.url ? { id: e.url } : {}),
						type: ['Evidence'],
						...(e.name ? { name: e.name } : {}),
						...(e.narrative ? { narrative: e.narrative } : {}),
					})),
				}
			: {}),
		credentialStatus: {
			id: `${statusUrl}#${index}`,
			type: 'BitstringStatusListEntry',
			statusPurpose: 'revocation',
			statusListIndex: String(index),
			statusListCredential: statusUrl,
		},
	};
}

/**
 * The JWT claims of a VC-JWT (DIGEST §2.8.1): the credential itself plus `iss`, `jti`, `nbf` and,
 * when it expires, `exp`. `sub` must equal `credentialSubject.id`; Blason's subjects are
 * identified by a hashed e-mail (`identifier`) and have no `id`, so there is no `sub`.
 */
export function jwtClaims(credential: Json): Json {
	const seconds = (dateTime: string) => Math.floor(Date.parse(dateTime) / 1000);
	const subject = credential.credentialSubject as { id?: string };
	return {
		...credential,
		iss: (credential.issuer as { id: string }).id,
		jti: credential.id,
		nbf: seconds(credential.validFrom as string),
		...(credential.validUntil ? { exp: seconds(credential.validUntil as string) } : {}),
		...(subject.id ? { sub: subject.id } : {}),
	};
}
