/**
 * From bytes or a URL to the badge payloads they hold: unbaking PNG (iTXt `openbadgecredential`
 * for OB 3.0, `openbadges` for OB 2.0) and SVG images, reading JSON and compact JWS text. Every
 * failure is a bilingual message, never an exception. No file system here: the command line reads
 * files (read-input.ts), the /verify/ page takes them from the browser.
 */
import { isPng } from '../baking/png-chunks.ts';
import { extractPng } from '../baking/png.ts';
import { extractSvg, extractSvgCredential, isSvg } from '../baking/svg.ts';
import { m } from './checks.ts';
import { ACCEPT, describeFetchError, type Fetcher, type FetchResponse } from './fetcher.ts';
import { isObject, type JsonObject } from './json.ts';
import { COMPACT_JWS } from './jws.ts';
import type { BadgeContainer } from './types.ts';

export type Payload = { kind: 'json'; json: JsonObject } | { kind: 'jws'; jws: string } | { kind: 'url'; url: string };

export interface Located {
	payload: Payload;
	/** Where it was found, for the `input` check: "badge.png, iTXt openbadgecredential". */
	from: string;
}

export type Input = { ok: true; container: BadgeContainer; payloads: Located[] } | { ok: false; container: BadgeContainer; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A payload from text: JSON, a compact JWS, or (legacy baking, DIGEST §1.13) a hosted assertion URL. */
export function classifyText(text: string): Payload | { error: string } {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed.startsWith('{')) {
		try {
			const json: unknown = JSON.parse(trimmed);
			if (isObject(json)) return { kind: 'json', json };
		} catch (error) {
			return { error: m(`JSON mal formé : ${(error as Error).message}`, `malformed JSON: ${(error as Error).message}`) };
		}
	}
	if (COMPACT_JWS.test(trimmed)) return { kind: 'jws', jws: trimmed };
	if (/^https?:\/\/\S+$/i.test(trimmed)) return { kind: 'url', url: trimmed };
	// A one-line sentence is quoted: it may be a message where a badge was, such as a withdrawn
	// award's. Never a token or key material (no spaces in those), which must not reach a log.
	const sentence = trimmed.length <= 400 && / /.test(trimmed) && !/[\p{Cc}]/u.test(trimmed) && !/PRIVATE KEY|blason-key-v1:/.test(trimmed);
	const said = sentence ? ` : « ${trimmed} »` : '';
	return { error: m('ni JSON, ni JWS, ni adresse de badge', 'neither JSON, nor a JWS, nor a badge URL') + said };
}

/** The badge(s) in a file's bytes. `name` only labels messages. */
export function unbake(bytes: Uint8Array, name: string): Input {
	if (isPng(bytes)) {
		const found: Located[] = [];
		try {
			for (const keyword of ['openbadgecredential', 'openbadges']) {
				const text = extractPng(bytes, keyword);
				if (text === undefined) continue;
				const payload = classifyText(text);
				if ('error' in payload) return { ok: false, container: 'png', message: m(`${name} : le bloc ${keyword} est illisible`, `${name}: the ${keyword} chunk is unreadable`) + ` (${payload.error})` };
				found.push({ payload, from: `${name}, iTXt ${keyword}` });
			}
		} catch (error) {
			return { ok: false, container: 'png', message: m(`${name} : PNG endommagé`, `${name}: damaged PNG`) + ` (${(error as Error).message})` };
		}
		if (found.length === 0) {
			return { ok: false, container: 'png', message: m(`${name} est une image PNG sans badge (aucun bloc iTXt openbadges ou openbadgecredential)`, `${name} is a PNG image without a badge (no openbadges or openbadgecredential iTXt chunk)`) };
		}
		return { ok: true, container: 'png', payloads: found };
	}
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		return { ok: false, container: 'unknown', message: m(`${name} n'est ni une image PNG ou SVG, ni un fichier JSON ou JWT`, `${name} is neither a PNG or SVG image nor a JSON or JWT file`) };
	}
	if (isSvg(text)) {
		const found: Located[] = [];
		for (const [element, extract] of [['openbadges:credential', extractSvgCredential], ['openbadges:assertion', extractSvg]] as const) {
			const baked = extract(text);
			if (baked === undefined) continue;
			const payload = classifyText(baked);
			if ('error' in payload) return { ok: false, container: 'svg', message: m(`${name} : l'élément <${element}> est illisible`, `${name}: the <${element}> element is unreadable`) + ` (${payload.error})` };
			found.push({ payload, from: `${name}, <${element}>` });
		}
		if (found.length === 0) {
			return { ok: false, container: 'svg', message: m(`${name} est une image SVG sans badge (aucun élément openbadges:assertion ou openbadges:credential)`, `${name} is an SVG image without a badge (no openbadges:assertion or openbadges:credential element)`) };
		}
		return { ok: true, container: 'svg', payloads: found };
	}
	const payload = classifyText(text);
	if ('error' in payload) return { ok: false, container: 'unknown', message: `${name} : ${payload.error}` };
	const container: BadgeContainer = payload.kind === 'json' ? 'json' : payload.kind === 'jws' ? 'jws' : 'url';
	return { ok: true, container, payloads: [{ payload, from: name }] };
}

export interface ReadUrlOptions {
	/**
	 * What to do with a web page (an HTML answer). Without it, a page is refused with a message
	 * asking for the badge's own URL; the /verify/ page follows the page's machine-readable links.
	 */
	onHtml?: (response: FetchResponse) => Promise<Input>;
}

/** The badge(s) at a URL: an image, a JSON document, a JWT, or a 410 Gone hosted assertion. */
export async function readUrl(url: string, fetch: Fetcher, options: ReadUrlOptions = {}): Promise<Input> {
	let response: FetchResponse;
	try {
		response = await fetch(url, { accept: ACCEPT.badge });
	} catch (error) {
		return { ok: false, container: 'url', message: describeFetchError(error, url) };
	}
	// 410 Gone is how a host says an OB 2.0 hosted assertion was revoked (DIGEST §1.11).
	if (response.status === 410) return { ok: true, container: 'url', payloads: [{ payload: { kind: 'url', url }, from: url }] };
	if (response.status < 200 || response.status > 299) return { ok: false, container: 'url', message: m(`${url} répond HTTP ${response.status}`, `${url} answered HTTP ${response.status}`) };
	if (/^text\/html/i.test(response.contentType ?? '')) {
		if (options.onHtml) return options.onHtml(response);
		return { ok: false, container: 'url', message: m(`${url} est une page web, pas un badge : donnez l'adresse de son image, de son JSON ou de son JWT`, `${url} is a web page, not a badge: give the URL of its image, JSON or JWT`) };
	}
	return unbake(response.body, url);
}
