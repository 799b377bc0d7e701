/**
 * The /verify/ page's way to the network, for the shared verifier core (src/lib/verify/core.ts).
 *
 * - This site's own URLs (under issuer.yaml `site`) are fetched from the origin the page was
 *   served from, as the award page does (src/site/verify-client.ts `onSite`): a copy of the site
 *   served elsewhere, such as a test server, checks itself, and our badges verify with no request
 *   to anyone else.
 * - Other URLs are fetched as they are, without cookies or referrer. A browser only lets the page
 *   read them when their server allows it (CORS); when it does not, fetch() rejects with a
 *   TypeError, which looks exactly like a server that cannot be reached. Such URLs are reported
 *   through `onBlocked`, so that the page can say the badge could not be checked fully here.
 * - The command line's limits: 10 s per fetch and 2 MB per answer; http(s) only. Like the command
 *   line without --allow-local, a badge cannot send the visitor's browser to a local or private
 *   address (a router's page, say), unless the page itself was served from one (a test server):
 *   only addresses written as such are recognised, since a browser cannot resolve names.
 */
import { m } from '../lib/verify/checks.ts';
import { FETCH_LIMITS, FetchError, type Fetcher, type FetchResponse } from '../lib/verify/fetcher.ts';

export interface BrowserFetcherOptions {
	/** issuer.yaml `site`: absolute, with its base path and final slash. */
	site: string;
	/** The base path where this origin serves the site. */
	base: string;
	/** The origin the page was served from (default: location.origin). */
	origin?: string;
	timeoutMs?: number;
	maxBytes?: number;
	/** Called with each URL the browser could not read (CORS, or no answer). */
	onBlocked?: (url: string) => void;
}

/** localhost, and IPv4 / IPv6 literals in the loopback, private, link-local and unspecified ranges. */
export function isLocalHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
	}
	if (!host.includes(':')) return false;
	if (host === '::' || host === '::1') return true;
	// IPv4-mapped (URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1).
	const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
	if (mapped) {
		const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
		return isLocalHost(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
	}
	return /^f[cd]|^fe[89ab]/.test(host);
}

/** CORS lets a page send `Accept` without asking the server first only up to 128 bytes. */
const SAFE_ACCEPT_LENGTH = 128;

async function readCapped(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
	const tooLarge = () => new FetchError('ERR_FETCH_TOO_LARGE', url, m(`${url} : réponse de plus de ${maxBytes} octets`, `${url}: answer larger than ${maxBytes} bytes`));
	if (Number(response.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
	if (!response.body) return new Uint8Array(await response.arrayBuffer());
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		if (total > maxBytes) {
			await reader.cancel().catch(() => undefined);
			throw tooLarge();
		}
		chunks.push(value);
	}
	const body = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		body.set(chunk, at);
		at += chunk.length;
	}
	return body;
}

export function browserFetcher(options: BrowserFetcherOptions): Fetcher {
	const origin = options.origin ?? location.origin;
	const timeoutMs = options.timeoutMs ?? FETCH_LIMITS.timeoutMs;
	const maxBytes = options.maxBytes ?? FETCH_LIMITS.maxBytes;
	return async (url, { accept }): Promise<FetchResponse> => {
		const bare = url.replace(/#.*$/s, '');
		let parsed: URL;
		try {
			parsed = new URL(bare);
		} catch {
			throw new FetchError('ERR_FETCH_BAD_URL', url, m(`adresse invalide : ${url}`, `invalid URL: ${url}`));
		}
		if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
			throw new FetchError('ERR_FETCH_SCHEME', url, m(`${url} refusé : seules les adresses http(s) sont consultées`, `${url} refused: only http(s) URLs are fetched`));
		}
		const own = bare.startsWith(options.site);
		const target = own ? new URL(options.base + bare.slice(options.site.length), origin) : parsed;
		if (own && (target.origin !== origin || !target.pathname.startsWith(options.base))) {
			throw new FetchError('ERR_FETCH_BAD_URL', url, m(`adresse invalide : ${url}`, `invalid URL: ${url}`));
		}
		if (!own && isLocalHost(target.hostname) && !isLocalHost(new URL(origin).hostname)) {
			throw new FetchError(
				'ERR_FETCH_PRIVATE_ADDRESS',
				url,
				m(`${url} refusé : l'hôte est une adresse locale ou privée`, `${url} refused: the host is a local or private address`),
			);
		}
		const sameOrigin = target.origin === origin;
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), timeoutMs);
		try {
			const response = await fetch(target.href, {
				headers: sameOrigin || accept.length <= SAFE_ACCEPT_LENGTH ? { Accept: accept } : {},
				credentials: sameOrigin ? 'same-origin' : 'omit',
				referrerPolicy: 'no-referrer',
				// A revocation must show at once.
				cache: 'no-store',
				signal: controller.signal,
			});
			const body = await readCapped(response, url, maxBytes);
			// The URL that answered, after redirects; on this site, under its public address again.
			const final = response.url || target.href;
			const answered = own && final.startsWith(origin + options.base) ? options.site + final.slice((origin + options.base).length) : final;
			return { url: answered, status: response.status, contentType: response.headers.get('content-type') ?? undefined, body };
		} catch (error) {
			if (error instanceof FetchError) throw error;
			if (controller.signal.aborted) {
				throw new FetchError('ERR_FETCH_TIMEOUT', url, m(`${url} : pas de réponse en ${timeoutMs / 1000} s`, `${url}: no answer within ${timeoutMs / 1000} s`), { cause: error });
			}
			options.onBlocked?.(url);
			throw new FetchError(
				'ERR_FETCH_BLOCKED',
				url,
				m(
					`${url} : le navigateur n'a pas pu le lire (le serveur n'autorise pas les requêtes venant d'autres sites, CORS, ou ne répond pas)`,
					`${url}: the browser could not read it (the server does not allow requests from other sites, CORS, or does not answer)`,
				),
				{ cause: error },
			);
		} finally {
			clearTimeout(timer);
		}
	};
}
