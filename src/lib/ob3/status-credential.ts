import type { Site } from '../content/model.ts';
import { VC_V2 } from '../jsonld/contexts.ts';
import { siteUrls } from '../urls.ts';
import { didWeb } from './did-web.ts';
import { encodeStatusList, statusIndex } from './status-list.ts';

/**
 * The revocation status list of every OB 3.0 credential, unsigned: revoked and erased awards have
 * their bit set. `validFrom` is the latest date in the content (an award, a revocation or an
 * erasure), so an unchanged site rebuilds to the same bytes.
 */
export function buildStatusListCredential(site: Site): Record<string, unknown> {
	const url = siteUrls(site.issuer.site).statusList();
	const revoked = site.awards.filter((a) => a.revoked || a.erased);
	const dates = [...site.awards.map((a) => a.issuedOn), ...site.awards.flatMap((a) => [a.revoked?.date, a.erased].filter((d) => d !== undefined))].sort();
	return {
		'@context': [VC_V2],
		id: url,
		type: ['VerifiableCredential', 'BitstringStatusListCredential'],
		issuer: didWeb(site.issuer.site).did,
		validFrom: dates.at(-1) ?? '2000-01-01T00:00:00Z',
		credentialSubject: {
			id: `${url}#list`,
			type: 'BitstringStatusList',
			statusPurpose: 'revocation',
			encodedList: encodeStatusList(revoked.map((a) => statusIndex(a.id))),
		},
	};
}
