/**
 * JSON-LD contexts bundled with Blason, keyed by the URLs documents use. Blason never fetches a
 * context: signing and verifying work offline, and a context swapped on the network cannot change
 * what a signature covers. Sources and hashes: ../shared/spec/SOURCES.md.
 */
import credentialsV1 from './contexts/credentials-v1.json' with { type: 'json' };
import credentialsV2 from './contexts/credentials-v2.json' with { type: 'json' };
import dataIntegrityV1 from './contexts/data-integrity-v1.json' with { type: 'json' };
import ob3v301 from './contexts/context-3.0.1.json' with { type: 'json' };
import ob3v302 from './contexts/context-3.0.2.json' with { type: 'json' };
import ob3v303 from './contexts/context-3.0.3.json' with { type: 'json' };
import ob3Context from './contexts/ob3-context.json' with { type: 'json' };
import ob3Extensions from './contexts/ob3-extensions.json' with { type: 'json' };
import openBadgesV2 from './contexts/openbadges-v2.json' with { type: 'json' };

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB2_CONTEXT_URL = 'https://w3id.org/openbadges/v2';

export const CONTEXTS: ReadonlyMap<string, object> = new Map<string, object>([
	[VC_V2, credentialsV2],
	[VC_V1, credentialsV1],
	[OB3_CONTEXT, ob3v303],
	['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', ob3v302],
	['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', ob3v301],
	['https://purl.imsglobal.org/spec/ob/v3p0/context.json', ob3Context],
	['https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld', ob3Context],
	['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', ob3Extensions],
	['https://w3id.org/security/data-integrity/v1', dataIntegrityV1],
	[OB2_CONTEXT_URL, openBadgesV2],
	['https://openbadgespec.org/v2/context.json', openBadgesV2],
]);

export interface RemoteDocument {
	contextUrl: null;
	documentUrl: string;
	document: object;
}

/**
 * A jsonld.js document loader over the bundled contexts and any extra documents (a DID document
 * being verified, for instance). Anything else is refused rather than fetched.
 */
export function offlineDocumentLoader(extra: ReadonlyMap<string, object> = new Map()) {
	return async (url: string): Promise<RemoteDocument> => {
		const document = CONTEXTS.get(url) ?? extra.get(url);
		if (!document) throw new Error(`JSON-LD document not available offline: ${url}`);
		return { contextUrl: null, documentUrl: url, document };
	};
}
