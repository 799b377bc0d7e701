/**
 * The verifier's default way to the network. A badge names URLs that whoever made it chose, so
 * fetching them must not become a way to probe the verifier's own network or to hang it:
 * https only, no loopback or private addresses (checked on the address actually connected to,
 * after DNS), at most 3 redirects (each one checked again), 10 s for the whole fetch and 2 MB per
 * answer. `allowLocal` lifts the address rule and allows plain http, for tests and intranets.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { m } from './checks.ts';
import { FETCH_LIMITS, FetchError, type Fetcher, type FetchResponse } from './fetcher.ts';

export { FETCH_LIMITS };

export interface HttpFetcherOptions {
	/** Allow plain http and hosts on loopback, private and link-local addresses. */
	allowLocal?: boolean;
	/** For the whole fetch, redirects included. */
	timeoutMs?: number;
	maxRedirects?: number;
	maxBytes?: number;
}

const USER_AGENT = 'Blason-verify (+https://www.imsglobal.org/spec/ob/v3p0/)';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

// Special-purpose ranges (RFC 6890 and its successors): nothing a public badge should live on.
const blocked = new net.BlockList();
for (const [address, prefix] of [
	['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
	['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
	['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
	['::', 96], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64],
] as const) blocked.addSubnet(address, prefix, 'ipv6');

/** True for loopback, private, link-local, multicast and other non-public addresses. */
export function isPrivateAddress(address: string): boolean {
	const ip = address.replace(/^\[|\]$/g, '');
	if (net.isIPv4(ip)) return blocked.check(ip, 'ipv4');
	if (!net.isIPv6(ip)) return false;
	// IPv4-mapped IPv6 (::ffff:127.0.0.1 or ::ffff:7f00:1) reaches the IPv4 address.
	const mapped = /^(?:0{0,4}:){0,5}:?ffff:(.+)$/i.exec(ip)?.[1];
	if (mapped) {
		if (net.isIPv4(mapped)) return blocked.check(mapped, 'ipv4');
		const [hi, lo] = mapped.split(':').map((h) => parseInt(h, 16));
		if (hi !== undefined && lo !== undefined) return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
	}
	return blocked.check(ip, 'ipv6');
}

const refusedAddress = (url: string) =>
	new FetchError(
		'ERR_FETCH_PRIVATE_ADDRESS',
		url,
		m(
			`${url} refusé : l'hôte est une adresse locale ou privée (--allow-local pour l'autoriser)`,
			`${url} refused: the host is a local or private address (use --allow-local to allow it)`,
		),
	);

/** dns.lookup that refuses private answers: the socket connects to the address checked here. */
function guardedLookup(url: string): net.LookupFunction {
	return (hostname, options, callback) => {
		dns.lookup(hostname, { family: options.family ?? 0, all: true }, (error, addresses) => {
			const cb = callback as (...args: unknown[]) => void;
			if (error) return cb(error);
			if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) return cb(refusedAddress(url));
			if (options.all) return cb(null, addresses);
			cb(null, addresses[0]!.address, addresses[0]!.family);
		});
	};
}

interface Answer {
	status: number;
	location?: string | undefined;
	contentType?: string | undefined;
	body: Uint8Array;
}

function checkUrl(url: URL, shown: string, allowLocal: boolean): void {
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowLocal)) {
		throw new FetchError(
			'ERR_FETCH_SCHEME',
			shown,
			url.protocol === 'http:'
				? m(`${shown} refusé : seul https est autorisé (--allow-local autorise http)`, `${shown} refused: only https is allowed (--allow-local allows http)`)
				: m(`${shown} refusé : seul https est autorisé`, `${shown} refused: only https is allowed`),
		);
	}
	if (!allowLocal && net.isIP(url.hostname.replace(/^\[|\]$/g, '')) && isPrivateAddress(url.hostname)) throw refusedAddress(shown);
}

function requestOnce(url: URL, accept: string, options: Required<HttpFetcherOptions>, signal: AbortSignal): Promise<Answer> {
	const shown = url.href;
	return new Promise<Answer>((resolve, reject) => {
		const lib = url.protocol === 'https:' ? https : http;
		const request = lib.request(url, {
			headers: { Accept: accept, 'User-Agent': USER_AGENT },
			signal,
			agent: false,
			...(options.allowLocal ? {} : { lookup: guardedLookup(shown) }),
		});
		const tooLarge = () =>
			new FetchError(
				'ERR_FETCH_TOO_LARGE',
				shown,
				m(`${shown} refusé : la réponse dépasse ${options.maxBytes} octets`, `${shown} refused: the answer is larger than ${options.maxBytes} bytes`),
			);
		request.on('error', (error) => {
			if (error instanceof FetchError) return reject(error);
			if (signal.aborted) {
				return reject(
					new FetchError('ERR_FETCH_TIMEOUT', shown, m(`${shown} n'a pas répondu à temps (${options.timeoutMs / 1000} s)`, `${shown} did not answer in time (${options.timeoutMs / 1000} s)`)),
				);
			}
			const reason = (error as NodeJS.ErrnoException).code ?? error.message;
			reject(new FetchError('ERR_FETCH_NETWORK', shown, m(`impossible de joindre ${shown} (${reason})`, `could not reach ${shown} (${reason})`), { cause: error }));
		});
		request.on('response', (response) => {
			const status = response.statusCode ?? 0;
			if (REDIRECTS.has(status)) {
				response.resume();
				return void resolve({ status, location: response.headers.location, body: new Uint8Array() });
			}
			if (Number(response.headers['content-length']) > options.maxBytes) return void request.destroy(tooLarge());
			const chunks: Buffer[] = [];
			let size = 0;
			response.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size > options.maxBytes) request.destroy(tooLarge());
				else chunks.push(chunk);
			});
			response.on('end', () => resolve({ status, contentType: response.headers['content-type'], body: new Uint8Array(Buffer.concat(chunks)) }));
			response.on('error', (error) => request.destroy(error));
		});
		request.end();
	});
}

/** The restricted fetcher used by `npm run verify`. */
export function httpFetcher(options: HttpFetcherOptions = {}): Fetcher {
	const opts: Required<HttpFetcherOptions> = { allowLocal: false, ...FETCH_LIMITS, ...options };
	return async (url, { accept }): Promise<FetchResponse> => {
		let current: URL;
		try {
			current = new URL(url);
		} catch {
			throw new FetchError('ERR_FETCH_BAD_URL', url, m(`adresse invalide : ${url}`, `not a valid URL: ${url}`));
		}
		const signal = AbortSignal.timeout(opts.timeoutMs);
		for (let redirects = 0; ; redirects++) {
			current.hash = '';
			checkUrl(current, current.href, opts.allowLocal);
			const answer = await requestOnce(current, accept, opts, signal);
			if (answer.location === undefined || !REDIRECTS.has(answer.status)) {
				if (REDIRECTS.has(answer.status)) {
					throw new FetchError('ERR_FETCH_NETWORK', url, m(`${url} redirige sans adresse (Location)`, `${url} redirects without a Location`));
				}
				return { url: current.href, status: answer.status, contentType: answer.contentType, body: answer.body };
			}
			if (redirects >= opts.maxRedirects) {
				throw new FetchError('ERR_FETCH_REDIRECTS', url, m(`${url} refusé : plus de ${opts.maxRedirects} redirections`, `${url} refused: more than ${opts.maxRedirects} redirects`));
			}
			try {
				current = new URL(answer.location, current);
			} catch {
				throw new FetchError('ERR_FETCH_BAD_URL', url, m(`${url} redirige vers une adresse invalide`, `${url} redirects to an invalid URL`));
			}
		}
	};
}
