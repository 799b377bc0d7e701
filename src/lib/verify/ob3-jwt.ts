/**
 * OB 3.0 VC-JWT (DIGEST §2.8.1): a compact JWS whose payload is the credential plus JWT claims
 * (VCDM 2.0), or whose `vc` claim holds it (VCDM 1.1, Candidate Final). The key comes from `kid`
 * (a URL returning one JWK or a JWKS, or a DID URL) or from `jwk`.
 */
import { compactVerify, errors, importJWK, type JWK } from 'jose';
import { m, type Checks } from './checks.ts';
import type { VerifyContext } from './context.ts';
import { asString, idOf, isObject, parseDate, type JsonObject } from './json.ts';
import { judgeKey } from './key-provenance.ts';
import { resolveJwtKey } from './resolve-key.ts';

const ALGORITHMS = new Set(['RS256', 'ES256', 'EdDSA']);
const HEADERS = new Set(['alg', 'kid', 'jwk', 'typ']);

const isoFromSeconds = (s: unknown) => (typeof s === 'number' ? new Date(s * 1000).toISOString().replace('.000Z', 'Z') : undefined);

/** The credential a VC-JWT carries; VCDM 1.1 fields left out of `vc` come from the claims. */
export function credentialFromJwt(payload: JsonObject): { credential: JsonObject; legacy: boolean } {
	if (!isObject(payload.vc)) return { credential: payload, legacy: false };
	const credential: JsonObject = { ...payload.vc };
	credential.id ??= payload.jti;
	credential.issuer ??= payload.iss;
	credential.issuanceDate ??= isoFromSeconds(payload.nbf);
	if (payload.exp !== undefined) credential.expirationDate ??= isoFromSeconds(payload.exp);
	if (isObject(credential.credentialSubject) && typeof payload.sub === 'string') {
		credential.credentialSubject = { id: payload.sub, ...credential.credentialSubject };
	}
	for (const key of Object.keys(credential)) if (credential[key] === undefined) delete credential[key];
	return { credential, legacy: true };
}

/** Records `key` and `signature`. */
export async function checkJwtSignature(ctx: VerifyContext, checks: Checks, jws: string, header: JsonObject, issuerId: string | undefined): Promise<void> {
	const alg = asString(header.alg) ?? '';
	if (!ALGORITHMS.has(alg)) {
		checks.fail('signature', m(`algorithme ${alg || '(aucun)'} non accepté (RS256, ES256 ou EdDSA)`, `algorithm ${alg || '(none)'} is not accepted (RS256, ES256 or EdDSA)`));
		return;
	}
	const extra = Object.keys(header).filter((k) => !HEADERS.has(k));
	if (extra.length) checks.warn('signature', m(`en-têtes JOSE non permis par OB 3.0 : ${extra.join(', ')}`, `JOSE headers OB 3.0 does not allow: ${extra.join(', ')}`));
	if (header.typ !== undefined && header.typ !== 'JWT') checks.warn('signature', m(`typ ${String(header.typ)} au lieu de JWT`, `typ ${String(header.typ)} instead of JWT`));
	const resolved = await resolveJwtKey(ctx, header);
	if (!resolved.ok) {
		checks.fail('key', resolved.message);
		checks.fail('signature', m('signature non vérifiée : clé introuvable', 'signature not verified: key not found'));
		return;
	}
	try {
		await compactVerify(jws.trim(), await importJWK(resolved.key as JWK, alg), { algorithms: [alg] });
	} catch (error) {
		if (issuerId) await judgeKey(ctx, checks, resolved, issuerId, asString(header.kid) ?? 'jwk');
		checks.fail(
			'signature',
			error instanceof errors.JWSSignatureVerificationFailed
				? m('signature invalide : le badge a été modifié ou signé par une autre clé', 'invalid signature: the badge was changed or signed with another key')
				: m(`signature non vérifiable : ${(error as Error).message}`, `signature cannot be verified: ${(error as Error).message}`),
		);
		return;
	}
	if (issuerId) await judgeKey(ctx, checks, resolved, issuerId, asString(header.kid) ?? 'jwk');
	else checks.fail('key', m("pas d'émetteur auquel rattacher la clé", 'no issuer to link the key to'));
	checks.pass('signature', m(`signature ${alg} valide`, `${alg} signature is valid`));
}

/** The claim rules of DIGEST §2.8.1: iss, jti, nbf, exp and sub must agree with the credential. */
export function checkJwtClaims(ctx: VerifyContext, checks: Checks, payload: JsonObject, credential: JsonObject, legacy: boolean): void {
	const wrong: string[] = [];
	const missing: string[] = [];
	const from = legacy ? 'issuanceDate' : 'validFrom';
	const until = legacy ? 'expirationDate' : 'validUntil';
	const seconds = (v: unknown) => {
		const t = parseDate(v);
		return t === undefined ? undefined : Math.floor(t / 1000);
	};
	const compare = (claim: string, expected: unknown, field: string) => {
		if (payload[claim] === undefined) missing.push(claim);
		else if (payload[claim] !== expected) wrong.push(`${claim} ≠ ${field}`);
	};
	compare('iss', idOf(credential.issuer), 'issuer.id');
	compare('jti', credential.id, 'id');
	compare('nbf', seconds(credential[from]), from);
	if (credential[until] !== undefined) compare('exp', seconds(credential[until]), until);
	else if (typeof payload.exp === 'number') {
		missing.push(until);
		if (payload.exp * 1000 <= ctx.now.getTime()) checks.expired(m(`expiré (exp du jeton)`, `expired (token exp)`));
	}
	const subjectId = isObject(credential.credentialSubject) ? credential.credentialSubject.id : undefined;
	if (payload.sub !== undefined && payload.sub !== subjectId) wrong.push('sub ≠ credentialSubject.id');
	if (payload.sub === undefined && typeof subjectId === 'string') missing.push(payload.aud === subjectId ? 'sub (aud)' : 'sub');
	if (wrong.length) {
		checks.fail('claims', m(`les revendications du jeton contredisent le badge : ${wrong.join(', ')}`, `the token claims contradict the badge: ${wrong.join(', ')}`));
	} else if (missing.length) {
		checks.warn('claims', m(`revendications JWT absentes : ${missing.join(', ')}`, `missing JWT claims: ${missing.join(', ')}`));
	} else {
		checks.pass('claims', m('les revendications du jeton (iss, jti, nbf…) correspondent au badge', 'the token claims (iss, jti, nbf…) match the badge'));
	}
}
