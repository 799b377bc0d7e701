/**
 * Everything published for one award, signed: the hosted OB 2.0 assertion, the same assertion
 * signed as a JWS, the OB 3.0 credential with its Data Integrity proof and as a VC-JWT, and one
 * baked image carrying both the OB 2.0 assertion and the OB 3.0 credential. An erased award gets
 * unsigned tombstones at the same paths instead (`erasedAwardFiles`).
 *
 * Signing is split in two so that it can run on worker threads behind a cache: `prepareAward`
 * builds the documents and the signing jobs, `assembleAward` puts the signatures in.
 */
import { bakePngTexts, OB2_PNG_KEYWORD, OB3_PNG_KEYWORD } from '../baking/png.ts';
import { bakeSvg } from '../baking/svg.ts';
import type { Award, Site } from '../content/model.ts';
import { assertionJson, bakeAward } from '../ob2/bake-award.ts';
import { serialise } from '../ob2/documents.ts';
import { buildSignedAssertion } from '../ob2/signed.ts';
import { buildCredential, jwtClaims, type Json } from '../ob3/credential.ts';
import { CRYPTOSUITE } from '../signing/data-integrity.ts';
import { signingInput, type JoseHeader } from '../signing/jws.ts';
import type { PublicKeyInfo } from '../signing/keys.ts';
import type { SignJob } from '../signing/sign-jobs.ts';
import { paths, siteUrls } from '../urls.ts';
import { verificationMethodId } from './key-documents.ts';

export interface AwardFile {
	/** Path relative to the site root, from src/lib/urls.ts. */
	path: string;
	bytes: string | Uint8Array;
}

export interface PreparedAward {
	award: Award;
	hostedJson: string;
	credential: Json;
	proofCreated: string;
	verificationMethod: string;
	jwsInput: string;
	jwtInput: string;
	/** rs256 (OB 2.0 JWS), eddsa-rdfc-2022 (credential), rs256 (VC-JWT), in this order. */
	jobs: [SignJob, SignJob, SignJob];
}

/**
 * When the proof was made, as a deterministic value: the award date, or the key's creation
 * when the award is older than the key (a proof cannot predate the key that made it).
 */
export const proofCreated = (issuedOn: string, key: PublicKeyInfo) => {
	const keyDate = `${key.created}T00:00:00Z`;
	return issuedOn > keyDate ? issuedOn : keyDate;
};

export function prepareAward(site: Site, award: Award, key: PublicKeyInfo): PreparedAward {
	const url = siteUrls(site.issuer.site);
	const hostedJson = assertionJson(site, award);
	const jwsInput = signingInput({ alg: 'RS256' }, JSON.stringify(buildSignedAssertion(site, award, key.id)));
	const credential = buildCredential(site, award);
	const header: JoseHeader = { alg: 'RS256', kid: url.keyJwk(key.id), typ: 'JWT' };
	const jwtInput = signingInput(header, JSON.stringify(jwtClaims(credential)));
	const created = proofCreated(award.issuedOn, key);
	const verificationMethod = verificationMethodId(site, key.id);
	return {
		award,
		hostedJson,
		credential,
		proofCreated: created,
		verificationMethod,
		jwsInput,
		jwtInput,
		jobs: [
			{ kind: 'rs256', input: jwsInput },
			{ kind: 'eddsa-rdfc-2022', document: credential, options: { created, verificationMethod } },
			{ kind: 'rs256', input: jwtInput },
		],
	};
}

export function assembleAward(site: Site, p: PreparedAward, [jwsSignature, proofValue, jwtSignature]: readonly string[]): AwardFile[] {
	const { award } = p;
	const badge = site.badges.get(award.badge)!;
	const signedCredential = {
		...p.credential,
		// An array even with one proof: the strict 1EdTech schema accepts nothing else.
		proof: [
			{
				type: 'DataIntegrityProof',
				created: p.proofCreated,
				verificationMethod: p.verificationMethod,
				cryptosuite: CRYPTOSUITE,
				proofPurpose: 'assertionMethod',
				proofValue,
			},
		],
	};
	const credentialJson = serialise(signedCredential);
	const format = badge.image.format;
	const baked =
		format === 'png'
			? bakePngTexts(badge.image.bytes, [
					{ keyword: OB2_PNG_KEYWORD, text: p.hostedJson },
					{ keyword: OB3_PNG_KEYWORD, text: credentialJson },
				])
			: new TextEncoder().encode(
					bakeSvg(new TextDecoder().decode(badge.image.bytes), p.hostedJson, siteUrls(site.issuer.site).assertion(award.id), credentialJson),
				);
	return [
		{ path: paths.assertion(award.id), bytes: p.hostedJson },
		{ path: paths.signedAssertion(award.id), bytes: `${p.jwsInput}.${jwsSignature}` },
		{ path: paths.credential(award.id), bytes: credentialJson },
		{ path: paths.credentialJwt(award.id), bytes: `${p.jwtInput}.${jwtSignature}` },
		{ path: paths.bakedImage(award.id, format), bytes: baked },
	];
}

/** What `credential.json` of an erased award says (it is not a credential). */
export const ERASED_CREDENTIAL_MESSAGE =
	"Ce badge a été retiré à la demande de la personne titulaire : ses données personnelles ont été effacées et ce n'est plus une attestation. / This badge was withdrawn at the holder's request: their personal data was erased and this is no longer a credential.";

/**
 * The files of an erased award, at the paths it always had, none of them signed: there is no
 * recipient identity left to sign, and a signature over a document that names no one would
 * certify nothing. `assertion.json` is the OB 2.0 tombstone (`revoked: true`), which hosted
 * verification reads as revoked; `credential.json` is a small JSON that says it is withdrawn and
 * is deliberately not a credential; `credential.jwt` and `assertion.jws` are one line of text,
 * which no verifier takes for a JWS; the image is the badge artwork, unbaked. Verifiers that hold
 * a copy signed before the erasure find it revoked in the status list and the revocation list.
 */
export function erasedAwardFiles(site: Site, award: Award): AwardFile[] {
	const url = siteUrls(site.issuer.site);
	const image = bakeAward(site, award);
	const text = `Badge retiré à la demande de la personne titulaire : il n'y a plus de document signé à cette adresse (${url.awardPage(award.id)}). / Badge withdrawn at the holder's request: there is no signed document at this address any more.\n`;
	return [
		{ path: paths.assertion(award.id), bytes: assertionJson(site, award) },
		{ path: paths.signedAssertion(award.id), bytes: text },
		{ path: paths.credential(award.id), bytes: serialise({ id: url.credential(award.id), withdrawn: true, message: ERASED_CREDENTIAL_MESSAGE }) },
		{ path: paths.credentialJwt(award.id), bytes: text },
		{ path: paths.bakedImage(award.id, image.format), bytes: image.bytes },
	];
}
