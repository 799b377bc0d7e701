/**
 * Site-wide machine-readable files that depend on the keys: key documents, the DID document,
 * the OB 2.0 revocation list, the signed OB 3.0 status list, and each badge's OB 3.0 Achievement.
 */
import type { Site } from '../content/model.ts';
import { OB3_CONTEXT, VC_V2 } from '../jsonld/contexts.ts';
import { serialise } from '../ob2/documents.ts';
import { buildCryptographicKey, buildRevocationList } from '../ob2/signed.ts';
import { buildAchievement } from '../ob3/credential.ts';
import { didWeb } from '../ob3/did-web.ts';
import { buildStatusListCredential } from '../ob3/status-credential.ts';
import { CRYPTOSUITE } from '../signing/data-integrity.ts';
import type { PublicKeyInfo } from '../signing/keys.ts';
import type { SignJob } from '../signing/sign-jobs.ts';
import { paths } from '../urls.ts';
import { assertPublicOnly, buildDidDocument, buildJwks, rsaJwk, verificationMethodId } from './key-documents.ts';
import type { AwardFile } from './signed-award.ts';

export interface PreparedSite {
	statusList: Record<string, unknown>;
	created: string;
	verificationMethod: string;
	jobs: [SignJob];
}

export function prepareSite(site: Site, key: PublicKeyInfo): PreparedSite {
	const statusList = buildStatusListCredential(site);
	const keyDate = `${key.created}T00:00:00Z`;
	const validFrom = statusList.validFrom as string;
	const created = validFrom > keyDate ? validFrom : keyDate;
	const verificationMethod = verificationMethodId(site, key.id);
	return { statusList, created, verificationMethod, jobs: [{ kind: 'eddsa-rdfc-2022', document: statusList, options: { created, verificationMethod } }] };
}

export function assembleSite(site: Site, p: PreparedSite, [proofValue]: readonly string[], published: readonly PublicKeyInfo[]): AwardFile[] {
	const files: AwardFile[] = [];
	const json = (path: string, doc: object) => {
		assertPublicOnly(doc, path);
		files.push({ path, bytes: serialise(doc) });
	};
	for (const key of published) {
		json(paths.keyJwk(key.id), rsaJwk(site, key));
		json(paths.cryptographicKey(key.id), buildCryptographicKey(site, key));
	}
	json(paths.jwks(), buildJwks(site, published));
	json(didWeb(site.issuer.site).documentPath, buildDidDocument(site, published));
	json(paths.revocationList(), buildRevocationList(site));
	json(paths.statusList(), {
		...p.statusList,
		proof: [{ type: 'DataIntegrityProof', created: p.created, verificationMethod: p.verificationMethod, cryptosuite: CRYPTOSUITE, proofPurpose: 'assertionMethod', proofValue }],
	});
	for (const badge of site.badges.values()) {
		json(paths.achievement(badge.slug), { '@context': [VC_V2, OB3_CONTEXT], ...buildAchievement(badge, site.issuer) });
	}
	return files;
}
