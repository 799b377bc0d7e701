/** OB 3.0: a credential with an embedded proof, or a VC-JWT (DIGEST §2.11). */
import { m, type Checks } from './checks.ts';
import type { VerifyContext } from './context.ts';
import { asArray, type JsonObject } from './json.ts';
import { checkCredentialDates, checkEnvelope, checkSubject, ob3Summary, type Envelope } from './ob3-credential.ts';
import { checkJwtClaims, checkJwtSignature, credentialFromJwt } from './ob3-jwt.ts';
import { checkDataIntegrity } from './ob3-proof.ts';
import { checkCredentialSchema } from './ob3-schema.ts';
import { checkCredentialStatus } from './ob3-status.ts';
import { checkOb3Recipient } from './recipient.ts';
import type { BadgeSummary } from './types.ts';

function checkConformance(checks: Checks, credential: JsonObject): Envelope {
	const envelope = checkEnvelope(checks, credential);
	if (envelope.vcdm === 2) checkCredentialSchema(checks, credential);
	else checks.skip('schema', m('schéma VC Data Model 1.1 non fourni : non vérifié', 'no VC Data Model 1.1 schema bundled: not checked'));
	checkSubject(checks, credential);
	return envelope;
}

async function checkStatusAndDates(ctx: VerifyContext, checks: Checks, credential: JsonObject, envelope: Envelope): Promise<BadgeSummary> {
	const reason = await checkCredentialStatus(ctx, checks, credential, envelope.issuerId);
	checkCredentialDates(ctx, checks, credential, envelope.vcdm);
	const summary = ob3Summary(credential, envelope.vcdm);
	if (reason) summary.revocationReason = reason;
	if (ctx.email !== undefined) summary.recipientMatch = await checkOb3Recipient(checks, credential.credentialSubject, ctx.email);
	return summary;
}

export async function verifyOb3Json(ctx: VerifyContext, checks: Checks, credential: JsonObject): Promise<BadgeSummary> {
	const envelope = checkConformance(checks, credential);
	await checkDataIntegrity(ctx, checks, credential, envelope.issuerId);
	return checkStatusAndDates(ctx, checks, credential, envelope);
}

export async function verifyOb3Jwt(ctx: VerifyContext, checks: Checks, jws: string, header: JsonObject, payload: JsonObject): Promise<BadgeSummary> {
	const { credential, legacy } = credentialFromJwt(payload);
	const envelope = checkConformance(checks, credential);
	await checkJwtSignature(ctx, checks, jws, header, envelope.issuerId);
	checkJwtClaims(ctx, checks, payload, credential, legacy);
	if (asArray(credential.proof).length) checks.warn('signature', m('preuve intégrée ignorée : le JWT fait foi', 'embedded proof ignored: the JWT is what counts'));
	return checkStatusAndDates(ctx, checks, credential, envelope);
}
