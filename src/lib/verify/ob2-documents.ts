/**
 * The parts of OB 2.0 verification shared by hosted and signed assertions (DIGEST §1.2–1.5, §1.12
 * step 3): required fields, the BadgeClass and the issuer Profile (always fetched from the issuer's
 * own `id`, never trusted from an embedded copy), dates and the summary.
 */
import { OB2_CONTEXT_URL } from '../jsonld/contexts.ts';
import { m, because, type Checks } from './checks.ts';
import type { VerifyContext } from './context.ts';
import { ACCEPT, fetchJson } from './fetcher.ts';
import { asArray, asString, DATE_TIME_WITH_ZONE, hasType, idOf, isHttpUrl, isObject, parseDate, type JsonObject } from './json.ts';
import type { BadgeSummary } from './types.ts';

const OB2_CONTEXTS = new Set([OB2_CONTEXT_URL, 'https://openbadgespec.org/v2/context.json', 'https://w3id.org/openbadges/v2/']);

export const hasOb2Context = (doc: JsonObject) => asArray(doc['@context']).some((c) => typeof c === 'string' && OB2_CONTEXTS.has(c));

/** An OB 2.0 Assertion, whatever its verification type. */
export const isOb2Assertion = (doc: JsonObject) => hasType(doc, 'Assertion') || (hasOb2Context(doc) && 'recipient' in doc && 'badge' in doc);

/** `hosted`/`HostedBadge` or `signed`/`SignedBadge` (the context aliases both, DIGEST §1.1). */
export function verificationType(assertion: JsonObject): 'hosted' | 'signed' | undefined {
	const v = isObject(assertion.verification) ? assertion.verification : isObject(assertion.verify) ? assertion.verify : undefined;
	const type = asArray(v?.type).find((t) => typeof t === 'string');
	if (type === 'hosted' || type === 'HostedBadge') return 'hosted';
	if (type === 'signed' || type === 'SignedBadge') return 'signed';
	return undefined;
}

/** Required Assertion fields (DIGEST §1.2). Dates are parsed here and judged by `checkOb2Dates`. */
export function checkAssertionStructure(checks: Checks, assertion: JsonObject): void {
	const problems: string[] = [];
	if (!hasOb2Context(assertion)) problems.push(`@context ≠ ${OB2_CONTEXT_URL}`);
	if (!hasType(assertion, 'Assertion')) problems.push('type ≠ Assertion');
	if (typeof assertion.id !== 'string') problems.push('id');
	const r = assertion.recipient;
	if (!isObject(r) || typeof r.identity !== 'string' || typeof r.type !== 'string' || typeof r.hashed !== 'boolean') problems.push('recipient (identity, type, hashed)');
	if (!idOf(assertion.badge)) problems.push('badge');
	if (!verificationType(assertion)) problems.push('verification.type');
	if (parseDate(assertion.issuedOn) === undefined) problems.push('issuedOn');
	if (assertion.expires !== undefined && parseDate(assertion.expires) === undefined) problems.push('expires');
	if (problems.length) {
		checks.fail('structure', m(`assertion incomplète ou invalide : ${problems.join(', ')}`, `incomplete or invalid assertion: ${problems.join(', ')}`));
		return;
	}
	const noZone = ['issuedOn', 'expires'].filter((k) => typeof assertion[k] === 'string' && !DATE_TIME_WITH_ZONE.test(assertion[k] as string));
	if (noZone.length) {
		checks.warn('structure', m(`${noZone.join(', ')} sans heure ni fuseau horaire (OB 2.0 les exige)`, `${noZone.join(', ')} without a time and time zone (OB 2.0 requires them)`));
	} else {
		checks.pass('structure', m('assertion complète (champs obligatoires OB 2.0)', 'assertion is complete (OB 2.0 required fields)'));
	}
}

/** The BadgeClass, fetched when the assertion names it by URL. */
export async function loadBadgeClass(ctx: VerifyContext, checks: Checks, assertion: JsonObject): Promise<JsonObject | undefined> {
	let badgeClass: JsonObject;
	const ref = assertion.badge;
	if (isObject(ref)) {
		badgeClass = ref;
	} else if (isHttpUrl(ref)) {
		const got = await fetchJson(ctx.fetch, ref, ACCEPT.ob2);
		if (!got.ok) {
			checks.fail('badge-class', because(m('BadgeClass introuvable', 'BadgeClass not found'), got.message));
			return undefined;
		}
		badgeClass = got.json;
		if (badgeClass.id !== ref) checks.warn('badge-class', m(`la BadgeClass servie à ${ref} a pour id ${String(badgeClass.id)}`, `the BadgeClass served at ${ref} has id ${String(badgeClass.id)}`));
	} else {
		checks.fail('badge-class', m("l'assertion ne désigne pas de BadgeClass (badge)", 'the assertion names no BadgeClass (badge)'));
		return undefined;
	}
	const missing = ['id', 'name', 'description', 'image', 'criteria', 'issuer'].filter((k) => badgeClass[k] === undefined || badgeClass[k] === '');
	if (!hasType(badgeClass, 'BadgeClass')) missing.unshift('type = BadgeClass');
	if (missing.length) {
		checks.fail('badge-class', m(`BadgeClass incomplète : ${missing.join(', ')}`, `incomplete BadgeClass: ${missing.join(', ')}`));
	} else {
		checks.pass('badge-class', m(`BadgeClass « ${String(badgeClass.name)} » complète`, `BadgeClass "${String(badgeClass.name)}" is complete`));
	}
	return badgeClass;
}

/**
 * The issuer Profile, always fetched from its own id: an embedded copy could declare any key or
 * verification scope (DIGEST §1.12 "embedded issuer publicKeys should not be trusted").
 */
export async function loadIssuer(ctx: VerifyContext, checks: Checks, badgeClass: JsonObject): Promise<JsonObject | undefined> {
	const id = idOf(badgeClass.issuer);
	if (!id) {
		checks.fail('issuer', m("la BadgeClass ne désigne pas d'émetteur (issuer)", 'the BadgeClass names no issuer'));
		return undefined;
	}
	if (!isHttpUrl(id)) {
		checks.fail('issuer', m(`l'émetteur ${id} n'a pas d'adresse HTTP où vérifier son profil`, `issuer ${id} has no HTTP address where its profile can be checked`));
		return undefined;
	}
	const got = await fetchJson(ctx.fetch, id, ACCEPT.ob2);
	if (!got.ok) {
		checks.fail('issuer', because(m("profil de l'émetteur introuvable", "issuer profile not found"), got.message));
		return undefined;
	}
	const profile = got.json;
	const problems = ['name', 'url', 'email'].filter((k) => typeof profile[k] !== 'string');
	if (!hasType(profile, 'Issuer') && !hasType(profile, 'Profile')) problems.unshift('type = Issuer | Profile');
	if (problems.length) {
		checks.fail('issuer', m(`profil de l'émetteur invalide : ${problems.join(', ')}`, `invalid issuer profile: ${problems.join(', ')}`));
	} else if (profile.id !== id) {
		// The URL it came from is what identifies the issuer from here on, not what it claims.
		checks.warn('issuer', m(`le profil servi à ${id} a pour id ${String(profile.id)} : l'émetteur est identifié par ${id}`, `the profile served at ${id} has id ${String(profile.id)}: the issuer is identified as ${id}`));
	} else {
		checks.pass('issuer', m(`profil de l'émetteur « ${String(profile.name)} » récupéré à son adresse`, `issuer profile "${String(profile.name)}" fetched from its id`));
	}
	return { ...profile, id };
}

/** Not issued in the future, not expired, and not expiring before it was issued. */
export function checkOb2Dates(ctx: VerifyContext, checks: Checks, assertion: JsonObject): void {
	const now = ctx.now.getTime();
	const issued = parseDate(assertion.issuedOn);
	const expires = parseDate(assertion.expires);
	if (issued === undefined) {
		checks.skip('issued', m("pas de date d'émission lisible", 'no readable issue date'));
	} else if (issued > now) {
		checks.notYetValid(m(`émis dans le futur (${String(assertion.issuedOn)})`, `issued in the future (${String(assertion.issuedOn)})`));
	} else {
		checks.pass('issued', m(`émis le ${String(assertion.issuedOn)}`, `issued on ${String(assertion.issuedOn)}`));
	}
	if (assertion.expires === undefined) {
		checks.pass('expiry', m("pas de date d'expiration", 'no expiry date'));
	} else if (expires === undefined) {
		checks.fail('expiry', m("date d'expiration illisible", 'unreadable expiry date'));
	} else if (issued !== undefined && expires < issued) {
		checks.fail('expiry', m("expire avant d'avoir été émis", 'expires before it was issued'));
	} else if (expires <= now) {
		checks.expired(m(`expiré depuis le ${String(assertion.expires)}`, `expired on ${String(assertion.expires)}`));
	} else {
		checks.pass('expiry', m(`valable jusqu'au ${String(assertion.expires)}`, `valid until ${String(assertion.expires)}`));
	}
}

export function ob2Summary(assertion: JsonObject, badgeClass?: JsonObject, issuer?: JsonObject): BadgeSummary {
	const issuerId = issuer ? asString(issuer.id) : idOf(badgeClass?.issuer);
	const issuerName = issuer ? asString(issuer.name) : isObject(badgeClass?.issuer) ? asString(badgeClass.issuer.name) : undefined;
	return {
		...(typeof assertion.id === 'string' ? { id: assertion.id } : {}),
		...(asString(badgeClass?.name) ? { name: asString(badgeClass?.name)! } : {}),
		...(asString(badgeClass?.description) ? { description: asString(badgeClass?.description)! } : {}),
		...(issuerId || issuerName ? { issuer: { ...(issuerId ? { id: issuerId } : {}), ...(issuerName ? { name: issuerName } : {}) } } : {}),
		...(asString(assertion.issuedOn) ? { issuedOn: asString(assertion.issuedOn)! } : {}),
		...(asString(assertion.expires) ? { expires: asString(assertion.expires)! } : {}),
		...(assertion.revoked === true && asString(assertion.revocationReason) ? { revocationReason: asString(assertion.revocationReason)! } : {}),
	};
}
