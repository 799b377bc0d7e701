/**
 * did:web identifiers (W3C CCG did:web §3.2): the host (with `:` in a port written `%3A`),
 * then each path segment separated by `:`. https://asso.github.io/badges/ becomes
 * did:web:asso.github.io:badges, whose DID document is https://asso.github.io/badges/did.json;
 * a bare domain's document is at /.well-known/did.json.
 */
import { paths } from '../urls.ts';

export interface DidWeb {
	did: string;
	/** Path of the DID document relative to the site base URL. */
	documentPath: string;
}

export function didWeb(site: string): DidWeb {
	const url = new URL(site);
	const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
	const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
	const did = ['did:web', host, ...segments.map(encodeURIComponent)].join(':');
	return { did, documentPath: paths.didDocument(segments.length === 0) };
}

/** The URL where a did:web DID document lives, or undefined for any other DID method. */
export function didWebDocumentUrl(did: string): string | undefined {
	const m = /^did:web:([^:#?]+)((?::[^:#?]+)*)$/.exec(did);
	if (!m) return undefined;
	const host = decodeURIComponent(m[1]!);
	const segments = m[2] ? m[2].slice(1).split(':').map(decodeURIComponent) : [];
	return segments.length ? `https://${host}/${segments.map(encodeURIComponent).join('/')}/did.json` : `https://${host}/.well-known/did.json`;
}
