/**
 * The parts of OB 3.0 verification that do not depend on the proof format (DIGEST §2.1–2.3, §2.11):
 * the credential envelope, its subject, its dates and the summary.
 */
import { VC_V1, VC_V2 } from '../jsonld/contexts.ts';
import { m, type Checks } from './checks.ts';
import type { VerifyContext } from './context.ts';
import { asArray, asString, idOf, isObject, parseDate, typesOf, type JsonObject } from './json.ts';
import type { BadgeSummary } from './types.ts';

const OB3_CONTEXT_PATTERN = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/(context(-3\.\d\.\d)*\.json|context\/ob_v3p0\.jsonld)$/;

export interface Envelope {
	issuerId?: string | undefined;
	/** VC Data Model version: 2.0 (`validFrom`), or 1.1 for credentials made before the Final spec. */
	vcdm: 1 | 2;
}

export const isVerifiableCredential = (doc: JsonObject) => typesOf(doc).includes('VerifiableCredential');

export function checkEnvelope(checks: Checks, credential: JsonObject): Envelope {
	const contexts = asArray(credential['@context']);
	const vcdm = contexts[0] === VC_V1 ? 1 : 2;
	const issuerId = idOf(credential.issuer);
	const problems: string[] = [];
	if (contexts[0] !== VC_V2 && contexts[0] !== VC_V1) problems.push(`@context[0] ≠ ${VC_V2}`);
	if (typeof contexts[1] !== 'string' || !OB3_CONTEXT_PATTERN.test(contexts[1])) problems.push('@context[1] ≠ https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
	const types = typesOf(credential);
	if (!types.includes('VerifiableCredential') || !(types.includes('OpenBadgeCredential') || types.includes('AchievementCredential'))) {
		problems.push('type ≠ [VerifiableCredential, OpenBadgeCredential]');
	}
	if (!issuerId) problems.push('issuer.id');
	if (problems.length) {
		checks.fail('structure', m(`ce n'est pas un OpenBadgeCredential valide : ${problems.join(', ')}`, `not a valid OpenBadgeCredential: ${problems.join(', ')}`));
	} else if (vcdm === 1) {
		checks.warn('structure', m('OpenBadgeCredential au format ancien (VC Data Model 1.1)', 'OpenBadgeCredential in the legacy format (VC Data Model 1.1)'));
	} else {
		checks.pass('structure', m('OpenBadgeCredential (VC Data Model 2.0)', 'OpenBadgeCredential (VC Data Model 2.0)'));
	}
	return { issuerId, vcdm };
}

/** "Either `id` or at least one `identifier` MUST be supplied" (DIGEST §2.3). */
export function checkSubject(checks: Checks, credential: JsonObject): void {
	const subject = credential.credentialSubject;
	if (!isObject(subject)) {
		checks.fail('subject', m("pas de credentialSubject (le destinataire)", 'no credentialSubject (the recipient)'));
	} else if (typeof subject.id === 'string' || asArray(subject.identifier).some(isObject)) {
		checks.pass('subject', m('le destinataire est identifié (id ou identifier)', 'the recipient is identified (id or identifier)'));
	} else {
		checks.fail('subject', m("credentialSubject n'a ni id ni identifier", 'credentialSubject has neither id nor identifier'));
	}
}

const dateFields = (vcdm: 1 | 2) => (vcdm === 2 ? { from: 'validFrom', until: 'validUntil' } : { from: 'issuanceDate', until: 'expirationDate' });

export function checkCredentialDates(ctx: VerifyContext, checks: Checks, credential: JsonObject, vcdm: 1 | 2): void {
	const { from, until } = dateFields(vcdm);
	const now = ctx.now.getTime();
	const start = parseDate(credential[from]);
	const end = parseDate(credential[until]);
	if (start === undefined) {
		checks.fail('issued', m(`${from} absent ou illisible`, `${from} is missing or unreadable`));
	} else if (start > now) {
		checks.notYetValid(m(`pas encore valable : ${from} ${String(credential[from])}`, `not valid yet: ${from} ${String(credential[from])}`));
	} else {
		checks.pass('issued', m(`valable depuis le ${String(credential[from])}`, `valid since ${String(credential[from])}`));
	}
	if (credential[until] === undefined) {
		checks.pass('expiry', m("pas de date d'expiration", 'no expiry date'));
	} else if (end === undefined) {
		checks.fail('expiry', m(`${until} illisible`, `${until} is unreadable`));
	} else if (start !== undefined && end < start) {
		checks.fail('expiry', m(`${until} précède ${from}`, `${until} is before ${from}`));
	} else if (end <= now) {
		checks.expired(m(`expiré depuis le ${String(credential[until])}`, `expired on ${String(credential[until])}`));
	} else {
		checks.pass('expiry', m(`valable jusqu'au ${String(credential[until])}`, `valid until ${String(credential[until])}`));
	}
}

export function ob3Summary(credential: JsonObject, vcdm: 1 | 2): BadgeSummary {
	const { from, until } = dateFields(vcdm);
	const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
	const achievement = isObject(subject.achievement) ? subject.achievement : {};
	const issuer = credential.issuer;
	const issuerId = idOf(issuer);
	const issuerName = isObject(issuer) ? asString(issuer.name) : undefined;
	const name = asString(credential.name) ?? asString(achievement.name);
	const description = asString(achievement.description) ?? asString(credential.description);
	return {
		...(typeof credential.id === 'string' ? { id: credential.id } : {}),
		...(name ? { name } : {}),
		...(description ? { description } : {}),
		...(issuerId || issuerName ? { issuer: { ...(issuerId ? { id: issuerId } : {}), ...(issuerName ? { name: issuerName } : {}) } } : {}),
		...(asString(credential[from]) ? { issuedOn: asString(credential[from])! } : {}),
		...(asString(credential[until]) ? { expires: asString(credential[until])! } : {}),
	};
}
