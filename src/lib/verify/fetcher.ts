/**
 * How the verifier reaches the network: through a `Fetcher` it is given. The command line uses
 * the restricted HTTP fetcher (http-fetcher.ts), optionally in front of a built site folder
 * (site-fetcher.ts); tests inject fetchers that serve local files.
 */
import { m } from './checks.ts';

export interface FetchResponse {
	/** The URL that answered, after redirects. */
	url: string;
	status: number;
	contentType?: string | undefined;
	body: Uint8Array;
}

/** Fetches one URL with a GET. Resolves for any HTTP status; rejects with a FetchError otherwise. */
export type Fetcher = (url: string, options: { accept: string }) => Promise<FetchResponse>;

export type FetchErrorCode =
	| 'ERR_FETCH_BAD_URL'
	| 'ERR_FETCH_SCHEME'
	| 'ERR_FETCH_PRIVATE_ADDRESS'
	| 'ERR_FETCH_TIMEOUT'
	| 'ERR_FETCH_TOO_LARGE'
	| 'ERR_FETCH_REDIRECTS'
	| 'ERR_FETCH_NETWORK'
	/** In a browser: the server does not allow cross-origin reads (CORS), or did not answer. */
	| 'ERR_FETCH_BLOCKED'
	| 'ERR_FETCH_OFFLINE';

/** A fetch that did not get an HTTP answer. The message is bilingual and names the URL. */
export class FetchError extends Error {
	override name = 'FetchError';
	readonly code: FetchErrorCode;
	readonly url: string;
	constructor(code: FetchErrorCode, url: string, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.code = code;
		this.url = url;
	}
}

/** Limits of every fetch: 10 s for the whole fetch (redirects included) and 2 MB per answer. */
export const FETCH_LIMITS = { timeoutMs: 10_000, maxRedirects: 3, maxBytes: 2 * 1024 * 1024 } as const;

/**
 * `Accept` headers by kind of document (DIGEST §1.10, §1.11, §2.9, §2.10). Static hosts ignore
 * them; hosts that negotiate content get the JSON form instead of an HTML page.
 */
export const ACCEPT = {
	/** The input URL: any badge form. */
	badge: 'application/ld+json, application/json, application/vc+ld+json;q=0.9, application/jwt;q=0.8, text/plain;q=0.5, image/png;q=0.5, image/svg+xml;q=0.5',
	ob2: 'application/ld+json, application/json',
	credential: 'application/vc+ld+json, application/ld+json, application/json',
	did: 'application/did+ld+json, application/did+json, application/ld+json, application/json',
	jwk: 'application/jwk+json, application/jwk-set+json, application/json',
	jwks: 'application/jwk-set+json, application/json',
	revocationList: 'application/json, application/ld+json',
} as const;

/** Refuses every URL: `--offline` without a site folder. */
export const offlineFetcher: Fetcher = async (url) => {
	throw new FetchError('ERR_FETCH_OFFLINE', url, m(`${url} : vérification hors ligne, aucune requête réseau`, `${url}: offline verification, no network request`));
};

/** One run's fetcher: each URL is fetched once, however many checks need it. */
export function memoFetcher(fetcher: Fetcher): Fetcher {
	const cache = new Map<string, Promise<FetchResponse>>();
	return (url, options) => {
		const key = `${options.accept}\n${url}`;
		let response = cache.get(key);
		if (!response) cache.set(key, (response = fetcher(url, options)));
		return response;
	};
}

export type JsonFetch =
	| { ok: true; json: Record<string, unknown>; response: FetchResponse }
	| { ok: false; status?: number; json?: Record<string, unknown>; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Fetches a JSON object. Any failure comes back as a bilingual message, never as an exception. */
export async function fetchJson(fetcher: Fetcher, url: string, accept: string): Promise<JsonFetch> {
	let response: FetchResponse;
	try {
		response = await fetcher(url, { accept });
	} catch (error) {
		return { ok: false, message: describeFetchError(error, url) };
	}
	const json = parseJsonObject(response.body);
	if (response.status < 200 || response.status > 299) {
		return {
			ok: false,
			status: response.status,
			...(json ? { json } : {}),
			message: m(`${url} répond HTTP ${response.status}`, `${url} answered HTTP ${response.status}`),
		};
	}
	if (!json) {
		return { ok: false, status: response.status, message: m(`${url} ne renvoie pas un objet JSON`, `${url} did not return a JSON object`) };
	}
	return { ok: true, json, response };
}

export function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(utf8.decode(bytes));
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

export function describeFetchError(error: unknown, url: string): string {
	if (error instanceof FetchError) return error.message;
	return m(`impossible de récupérer ${url}`, `could not fetch ${url}`) + (error instanceof Error ? ` (${error.message})` : '');
}
