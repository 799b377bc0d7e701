/**
 * What the /verify/ page loads when a check starts (a dynamic import: the verifier core brings
 * jsonld.js, ajv and jose, which nobody who only reads the page should download). It reads the
 * badge from a file or from pasted text, verifies it with the same core as `npm run verify`, and
 * finds the recipient's hashed e-mail identities for the page's e-mail check.
 */
import { badgeRecipients, emailMatchesAny, memoFetcher, readUrl, unbake, verifyInput, type HashedIdentity, type Input, type Located, type VerifyResult } from '../lib/verify/core.ts';
import type { Fetcher, FetchResponse } from '../lib/verify/fetcher.ts';
import { browserFetcher } from './verify-fetcher.ts';

export interface RunConfig {
	site: string;
	base: string;
}

export interface RunOutcome {
	result: VerifyResult;
	/** URLs the browser was not allowed to read (CORS) or got no answer from. */
	blocked: string[];
	/** The recipient's e-mail identities, for `emailMatchesAny`: compared locally, never sent. */
	identities: HashedIdentity[];
}

export { emailMatchesAny };

/** Machine-readable versions a web page declares (`<link rel="alternate">`), the signed credential first. */
const ALTERNATE_TYPES = ['application/vc+ld+json', 'application/vc+jwt', 'application/jwt', 'application/ld+json', 'application/json'];

/**
 * A pasted address that is a web page, such as an award page: its `<link rel="alternate">`
 * documents are the badge (Blason's award pages declare the OB 3.0 credential and the OB 2.0
 * assertion). Relative links are resolved against the address given, not the origin that served it.
 */
async function fromPage(url: string, response: FetchResponse, fetch: Fetcher): Promise<Input> {
	const html = new TextDecoder().decode(response.body);
	const links = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll<HTMLLinkElement>('link[rel~="alternate"][href][type]')]
		.map((link) => ({ type: link.type.toLowerCase(), href: new URL(link.getAttribute('href')!, url).href }))
		.filter((link) => ALTERNATE_TYPES.includes(link.type))
		.sort((a, b) => ALTERNATE_TYPES.indexOf(a.type) - ALTERNATE_TYPES.indexOf(b.type));
	const payloads: Located[] = [];
	for (const href of new Set(links.map((l) => l.href))) {
		const input = await readUrl(href, fetch);
		if (!input.ok) return input;
		payloads.push(...input.payloads);
	}
	if (payloads.length === 0) {
		return { ok: false, container: 'url', message: `${url} est une page web sans version lisible par une machine : donnez l'adresse de l'image du badge, de son JSON ou de son JWT / ${url} is a web page with no machine-readable version: give the URL of the badge's image, JSON or JWT` };
	}
	return { ok: true, container: 'url', payloads };
}

async function run(read: (fetch: Fetcher) => Promise<Input>, config: RunConfig): Promise<RunOutcome> {
	const blocked: string[] = [];
	// One cache for the verification and the e-mail identities: the second asks the network nothing.
	const fetch = memoFetcher(browserFetcher({ ...config, onBlocked: (url) => blocked.includes(url) || blocked.push(url) }));
	const input = await read(fetch);
	const result = await verifyInput(input, { fetcher: fetch });
	const identities = await badgeRecipients(input, fetch);
	return { result, blocked, identities };
}

/** A dropped or chosen file: a baked PNG or SVG, a JSON credential or assertion, a JWT. */
export function verifyFile(bytes: Uint8Array, name: string, config: RunConfig): Promise<RunOutcome> {
	return run(async () => unbake(bytes, name), config);
}

/** Pasted text: the address of a badge (image, JSON, JWT or award page), a JWT, or JSON. */
export function verifyText(text: string, config: RunConfig): Promise<RunOutcome> {
	const trimmed = text.trim();
	if (/^https?:\/\/\S+$/i.test(trimmed)) {
		return run((fetch) => readUrl(trimmed, fetch, { onHtml: (response) => fromPage(trimmed, response, fetch) }), config);
	}
	return run(async () => unbake(new TextEncoder().encode(trimmed), 'texte collé / pasted text'), config);
}
