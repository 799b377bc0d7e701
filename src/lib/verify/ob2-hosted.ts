/**
 * OB 2.0 hosted verification (DIGEST §1.6, §1.11): the copy at the assertion's URL is the source of
 * truth, whatever a baked image or a file says; it must sit at its own `id`, within the issuer's
 * verification scope; 410 Gone or `revoked: true` means revoked.
 */
import { m, because, type Checks } from './checks.ts';
import type { VerifyContext } from './context.ts';
import { ACCEPT, fetchJson } from './fetcher.ts';
import { asArray, asString, hostOf, isHttpUrl, isObject, sameJson, type JsonObject } from './json.ts';
import { checkOb2Recipient } from './recipient.ts';
import { checkAssertionStructure, checkOb2Dates, loadBadgeClass, loadIssuer, ob2Summary, verificationType } from './ob2-documents.ts';
import type { BadgeSummary } from './types.ts';

/** Hosted verification from a baked or local copy (`assertion`), or from the assertion URL alone. */
export async function verifyOb2Hosted(ctx: VerifyContext, checks: Checks, start: { assertion?: JsonObject; url?: string }): Promise<BadgeSummary> {
	const url = start.assertion ? start.assertion.id : start.url;
	if (!isHttpUrl(url)) {
		checks.fail('hosted', m("l'assertion hébergée n'a pas d'adresse HTTP (id)", 'the hosted assertion has no HTTP address (id)'));
		return start.assertion ? ob2Summary(start.assertion) : {};
	}
	const got = await fetchJson(ctx.fetch, url, ACCEPT.ob2);
	if (!got.ok && got.status === 410) {
		checks.pass('hosted', m(`${url} répond 410 Gone`, `${url} answered 410 Gone`));
		const reason = asString(got.json?.revocationReason);
		checks.revoked(m(`révoqué par l'émetteur${reason ? ` : ${reason}` : ''}`, `revoked by the issuer${reason ? `: ${reason}` : ''}`));
		return { id: url, ...(reason ? { revocationReason: reason } : {}) };
	}
	if (!got.ok) {
		checks.fail('hosted', because(m('copie hébergée introuvable', 'hosted copy not found'), got.message));
		return start.assertion ? ob2Summary(start.assertion) : { id: url };
	}
	const hosted = got.json;
	if (hosted.id !== url) {
		checks.fail('hosted', m(`le document servi à ${url} a pour id ${String(hosted.id)}`, `the document served at ${url} has id ${String(hosted.id)}`));
	} else if (start.assertion && !sameJson(start.assertion, hosted)) {
		checks.warn('hosted', m(`la copie fournie diffère de la copie hébergée à ${url} ; seule cette dernière compte`, `the copy given differs from the one hosted at ${url}; only the hosted one counts`));
	} else {
		checks.pass('hosted', m(`copie hébergée récupérée à son adresse ${url}`, `hosted copy fetched from its own id ${url}`));
	}
	if (hosted.revoked === true) {
		const reason = asString(hosted.revocationReason);
		checks.revoked(m(`révoqué par l'émetteur${reason ? ` : ${reason}` : ''}`, `revoked by the issuer${reason ? `: ${reason}` : ''}`));
		return ob2Summary({ ...hosted, id: url });
	}
	if (verificationType(hosted) === 'signed') {
		checks.fail('hosted', m("la copie hébergée se déclare signée (SignedBadge) : c'est son JWS qu'il faut vérifier", 'the hosted copy says it is signed (SignedBadge): verify its JWS instead'));
	}
	checkAssertionStructure(checks, hosted);
	const badgeClass = await loadBadgeClass(ctx, checks, hosted);
	const issuer = badgeClass ? await loadIssuer(ctx, checks, badgeClass) : undefined;
	if (issuer) checkScope(checks, url, issuer);
	else checks.skip('scope', m("périmètre non vérifiable sans profil d'émetteur", 'scope cannot be checked without an issuer profile'));
	checks.pass('revocation', m('non révoqué (la copie hébergée ne dit pas revoked)', 'not revoked (the hosted copy does not say revoked)'));
	checkOb2Dates(ctx, checks, hosted);
	const summary = ob2Summary(hosted, badgeClass, issuer);
	if (ctx.email !== undefined) summary.recipientMatch = await checkOb2Recipient(checks, hosted, ctx.email);
	return summary;
}

/**
 * The issuer Profile's VerificationObject (DIGEST §1.6): `startsWith` prefixes and `allowedOrigins`
 * hosts must both match when declared; with neither, the assertion must be on the issuer's host.
 */
export function checkScope(checks: Checks, assertionId: string, issuer: JsonObject): void {
	const policy = isObject(issuer.verification) ? issuer.verification : {};
	const startsWith = asArray(policy.startsWith).filter((s): s is string => typeof s === 'string');
	const origins = asArray(policy.allowedOrigins).filter((s): s is string => typeof s === 'string').map((s) => s.toLowerCase());
	const property = asString(policy.verificationProperty);
	if (property && property !== 'id' && !property.endsWith('#id') && property !== '@id') {
		checks.fail('scope', m(`verificationProperty ${property} non géré (seul id l'est)`, `verificationProperty ${property} is not supported (only id is)`));
		return;
	}
	if (startsWith.length && !startsWith.some((prefix) => assertionId.startsWith(prefix))) {
		checks.fail('scope', m(`${assertionId} n'est pas sous ${startsWith.join(' ou ')}, le seul périmètre autorisé par l'émetteur`, `${assertionId} is not under ${startsWith.join(' or ')}, the only scope the issuer allows`));
		return;
	}
	const url = new URL(assertionId);
	if (origins.length && !origins.includes(url.hostname.toLowerCase()) && !origins.includes(url.host.toLowerCase())) {
		checks.fail('scope', m(`${url.host} ne fait pas partie des origines autorisées par l'émetteur (${origins.join(', ')})`, `${url.host} is not one of the issuer's allowed origins (${origins.join(', ')})`));
		return;
	}
	if (!startsWith.length && !origins.length && hostOf(assertionId) !== hostOf(String(issuer.id))) {
		checks.fail('scope', m(`${url.host} n'est pas l'hôte de l'émetteur (${hostOf(String(issuer.id))})`, `${url.host} is not the issuer's host (${hostOf(String(issuer.id))})`));
		return;
	}
	checks.pass('scope', m("l'assertion est dans le périmètre de vérification de l'émetteur", "the assertion is within the issuer's verification scope"));
}
