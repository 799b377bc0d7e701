/**
 * OB 2.0 signed verification (DIGEST §1.8, §1.12): the assertion is a compact JWS; its key is the
 * CryptographicKey named by `verification.creator`, which the issuer Profile (fetched from its own
 * id) must list in `publicKey` and which must name that Profile as `owner`. The Profile's
 * RevocationList says whether it was revoked.
 */
import { compactVerify, errors, importSPKI } from 'jose';
import { m, because, type Checks } from './checks.ts';
import type { VerifyContext } from './context.ts';
import { ACCEPT, fetchJson } from './fetcher.ts';
import { asArray, asString, hasType, idOf, isObject, type JsonObject } from './json.ts';
import { checkOb2Recipient } from './recipient.ts';
import { checkAssertionStructure, checkOb2Dates, loadBadgeClass, loadIssuer, ob2Summary, verificationType } from './ob2-documents.ts';
import type { BadgeSummary } from './types.ts';

const ALGORITHMS = new Set(['RS256', 'ES256', 'EdDSA']);

export async function verifyOb2Signed(ctx: VerifyContext, checks: Checks, jws: string, header: JsonObject, assertion: JsonObject): Promise<BadgeSummary> {
	checkAssertionStructure(checks, assertion);
	if (verificationType(assertion) !== 'signed') {
		checks.fail('structure', m("le JWS contient une assertion qui ne se déclare pas signée (SignedBadge)", 'the JWS holds an assertion that does not say it is signed (SignedBadge)'));
	}
	const badgeClass = await loadBadgeClass(ctx, checks, assertion);
	const issuer = badgeClass ? await loadIssuer(ctx, checks, badgeClass) : undefined;
	if (issuer) await checkSignature(ctx, checks, jws, header, assertion, issuer);
	else {
		checks.skip('key', m("clé non vérifiable sans profil d'émetteur", 'the key cannot be checked without an issuer profile'));
		checks.fail('signature', m("signature non vérifiée : aucune clé de confiance sans profil d'émetteur", 'signature not verified: no trusted key without an issuer profile'));
	}
	let revocationReason: string | undefined;
	if (assertion.revoked === true) {
		revocationReason = asString(assertion.revocationReason);
		checks.revoked(m(`révoqué${revocationReason ? ` : ${revocationReason}` : ''}`, `revoked${revocationReason ? `: ${revocationReason}` : ''}`));
	} else if (issuer) {
		revocationReason = await checkRevocationList(ctx, checks, assertion, issuer);
	} else {
		checks.fail('revocation', m("révocation non vérifiable sans profil d'émetteur", 'revocation cannot be checked without an issuer profile'));
	}
	checkOb2Dates(ctx, checks, assertion);
	const summary = ob2Summary(assertion, badgeClass, issuer);
	if (revocationReason) summary.revocationReason = revocationReason;
	if (ctx.email !== undefined) summary.recipientMatch = await checkOb2Recipient(checks, assertion, ctx.email);
	return summary;
}

async function checkSignature(ctx: VerifyContext, checks: Checks, jws: string, header: JsonObject, assertion: JsonObject, issuer: JsonObject): Promise<void> {
	const alg = asString(header.alg) ?? '';
	if (!ALGORITHMS.has(alg)) {
		checks.fail('signature', m(`algorithme ${alg || '(aucun)'} non accepté (RS256 attendu)`, `algorithm ${alg || '(none)'} is not accepted (RS256 expected)`));
		return;
	}
	const listed = asArray(issuer.publicKey).map(idOf).filter((k): k is string => !!k);
	const creator = idOf(isObject(assertion.verification) ? assertion.verification.creator : undefined);
	if (creator && !listed.includes(creator)) {
		checks.fail('key', m(`la clé ${creator} n'est pas déclarée dans le profil de l'émetteur (publicKey)`, `key ${creator} is not listed in the issuer profile (publicKey)`));
		checks.fail('signature', m('signature non vérifiée : clé non autorisée', 'signature not verified: the key is not authorised'));
		return;
	}
	const candidates = creator ? [creator] : listed;
	if (candidates.length === 0) {
		checks.fail('key', m("le profil de l'émetteur ne déclare aucune clé (publicKey)", 'the issuer profile lists no key (publicKey)'));
		checks.fail('signature', m('signature non vérifiée : aucune clé', 'signature not verified: no key'));
		return;
	}
	const problems: string[] = [];
	let badSignature = false;
	for (const keyUrl of candidates) {
		const got = await fetchJson(ctx.fetch, keyUrl, ACCEPT.ob2);
		if (!got.ok) {
			problems.push(got.message);
			continue;
		}
		const key = got.json;
		if (!hasType(key, 'CryptographicKey') || key.owner !== issuer.id || typeof key.publicKeyPem !== 'string') {
			problems.push(m(`${keyUrl} n'est pas une CryptographicKey dont le propriétaire (owner) est ${String(issuer.id)}`, `${keyUrl} is not a CryptographicKey owned by ${String(issuer.id)}`));
			continue;
		}
		try {
			await compactVerify(jws.trim(), await importSPKI(key.publicKeyPem, alg), { algorithms: [alg] });
		} catch (error) {
			if (error instanceof errors.JWSSignatureVerificationFailed) badSignature = true;
			else problems.push(`${keyUrl}: ${(error as Error).message}`);
			continue;
		}
		checks.pass('key', m(`clé ${keyUrl} déclarée par l'émetteur et lui appartenant`, `key ${keyUrl} is listed by the issuer and owned by it`));
		checks.pass('signature', m(`signature ${alg} valide`, `${alg} signature is valid`));
		return;
	}
	if (!badSignature) {
		checks.fail('key', problems.join(' ; '));
		checks.fail('signature', m('signature non vérifiée : aucune clé utilisable', 'signature not verified: no usable key'));
	} else {
		checks.pass('key', m("clé déclarée par l'émetteur et lui appartenant", 'the key is listed by the issuer and owned by it'));
		checks.fail('signature', m('signature invalide : le badge a été modifié ou signé par une autre clé', 'invalid signature: the badge was changed or signed with another key'));
	}
}

/** DIGEST §1.8: entries are the assertion id, or `{id, revocationReason}` (legacy `{uid}`). */
async function checkRevocationList(ctx: VerifyContext, checks: Checks, assertion: JsonObject, issuer: JsonObject): Promise<string | undefined> {
	const listUrl = idOf(issuer.revocationList);
	if (!listUrl) {
		checks.pass('revocation', m("l'émetteur ne publie pas de liste de révocation", 'the issuer publishes no revocation list'));
		return;
	}
	const got = await fetchJson(ctx.fetch, listUrl, ACCEPT.ob2);
	if (!got.ok) {
		checks.fail('revocation', because(m('liste de révocation illisible, statut inconnu', 'revocation list unreadable, status unknown'), got.message));
		return;
	}
	const entries = got.json.revokedAssertions;
	if (!Array.isArray(entries)) {
		checks.fail('revocation', m(`${listUrl} n'est pas une RevocationList (revokedAssertions)`, `${listUrl} is not a RevocationList (revokedAssertions)`));
		return;
	}
	const id = asString(assertion.id);
	const uid = asString(assertion.uid);
	const hit = entries.find((e) => (typeof e === 'string' ? e === id : isObject(e) && ((id !== undefined && e.id === id) || (uid !== undefined && e.uid === uid))));
	if (hit === undefined || (isObject(hit) && hit.revoked === false)) {
		checks.pass('revocation', m(`absent de la liste de révocation de l'émetteur`, `not in the issuer's revocation list`));
		return;
	}
	const reason = isObject(hit) ? asString(hit.revocationReason) : undefined;
	checks.revoked(m(`révoqué par l'émetteur${reason ? ` : ${reason}` : ''}`, `revoked by the issuer${reason ? `: ${reason}` : ''}`));
	return reason;
}
