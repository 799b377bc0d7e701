/**
 * Embedded Data Integrity proofs (DIGEST §2.8.2): `DataIntegrityProof` with `eddsa-rdfc-2022` and
 * purpose `assertionMethod`. Any one valid proof suffices. Canonicalisation only ever uses the
 * bundled JSON-LD contexts: a credential needing another context fails instead of fetching it.
 */
import { m, type Checks } from './checks.ts';
import { CRYPTOSUITE, verifyEddsaProof, type DataIntegrityProof } from './data-integrity.ts';
import type { VerifyContext } from './context.ts';
import { asArray, asString, isObject, type JsonObject } from './json.ts';
import { judgeKey } from './key-provenance.ts';
import { resolveVerificationMethod } from './resolve-key.ts';

export async function checkDataIntegrity(ctx: VerifyContext, checks: Checks, document: JsonObject, issuerId: string | undefined): Promise<void> {
	const proofs = asArray(document.proof).filter(isObject);
	if (proofs.length === 0) {
		checks.fail('signature', m("aucune preuve (proof) : le document n'est pas signé", 'no proof: the document is not signed'));
		return;
	}
	const supported = proofs.filter((p) => p.type === 'DataIntegrityProof' && p.cryptosuite === CRYPTOSUITE);
	const ignored = proofs.filter((p) => !supported.includes(p)).map((p) => [p.type, p.cryptosuite].filter(Boolean).join(' '));
	if (supported.length === 0) {
		checks.fail('signature', m(`preuve non prise en charge (${ignored.join(', ')}) : seule DataIntegrityProof ${CRYPTOSUITE} l'est`, `unsupported proof (${ignored.join(', ')}): only DataIntegrityProof ${CRYPTOSUITE} is`));
		return;
	}
	if (!issuerId) {
		checks.fail('signature', m("signature non vérifiable : pas d'émetteur", 'signature cannot be checked: no issuer'));
		return;
	}
	const problems: string[] = [];
	const keyProblems: string[] = [];
	for (const proof of supported) {
		const method = asString(proof.verificationMethod);
		if (proof.proofPurpose !== 'assertionMethod' || !method) {
			problems.push(m('preuve sans verificationMethod ou dont le but (proofPurpose) n’est pas assertionMethod', 'proof without verificationMethod or whose proofPurpose is not assertionMethod'));
			continue;
		}
		const resolved = await resolveVerificationMethod(ctx, method);
		if (!resolved.ok) {
			keyProblems.push(resolved.message);
			continue;
		}
		let valid: boolean;
		try {
			valid = await verifyEddsaProof(document, proof as unknown as DataIntegrityProof, resolved.key);
		} catch (error) {
			problems.push(describeProofError(error));
			continue;
		}
		if (!valid) {
			problems.push(m('signature invalide : le document a été modifié ou signé par une autre clé', 'invalid signature: the document was changed or signed with another key'));
			continue;
		}
		await judgeKey(ctx, checks, resolved, issuerId, method);
		checks.pass('signature', m(`preuve ${CRYPTOSUITE} valide`, `${CRYPTOSUITE} proof is valid`));
		if (ignored.length) checks.warn('signature', m(`preuve(s) ignorée(s), type non pris en charge : ${ignored.join(', ')}`, `proof(s) ignored, unsupported type: ${ignored.join(', ')}`));
		return;
	}
	if (keyProblems.length) checks.fail('key', [...new Set(keyProblems)].join(' ; '));
	checks.fail('signature', problems.length ? [...new Set(problems)].join(' ; ') : m('signature non vérifiée : aucune clé utilisable', 'signature not verified: no usable key'));
}

/** jsonld.js safe mode names the term it would have dropped: say which one. */
function describeProofError(error: unknown): string {
	const event = (error as { details?: { event?: { code?: string; details?: Record<string, unknown> } } }).details?.event;
	if (event) {
		const term = event.details?.property ?? event.details?.type ?? event.details?.term;
		const what = term === undefined ? event.code : `« ${String(term)} » (${event.code})`;
		return m(
			`preuve invérifiable : un terme n'est défini par aucun contexte JSON-LD, ${what}`,
			`proof cannot be checked: a term is defined by no JSON-LD context, ${String(term === undefined ? event.code : `"${String(term)}" (${event.code})`)}`,
		);
	}
	const message = (error as Error).message;
	return m(`preuve invérifiable : ${message}`, `proof cannot be checked: ${message}`);
}
