/**
 * The /verify/ page's fetcher (src/site/verify-fetcher.ts), with the browser's fetch stubbed: this
 * site's URLs go to the origin that served the page, a failed fetch is reported as blocked (what
 * CORS looks like from a page), and the command line's limits hold. The page itself is tested in
 * chromium (test/browser/verify-page.test.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FetchError } from '../../src/lib/verify/fetcher.ts';
import { browserFetcher, isLocalHost } from '../../src/site/verify-fetcher.ts';

const SITE = 'https://asso.example.org/badges/';
const ORIGIN = 'http://127.0.0.1:4321';
const calls: { url: string; init: RequestInit }[] = [];

function stubFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
	calls.length = 0;
	vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
		calls.push({ url, init });
		return answer(url, init);
	});
}
/** Never answers; rejects when aborted, as fetch() does. */
const silent = (init: RequestInit) =>
	new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
afterEach(() => vi.unstubAllGlobals());

const fetcher = (options: Partial<Parameters<typeof browserFetcher>[0]> = {}) => browserFetcher({ site: SITE, base: '/badges/', origin: ORIGIN, ...options });
const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: FetchError) => e.code);

describe('the /verify/ page fetcher', () => {
	it('fetches this site’s URLs from the origin that served the page, and answers with the URL asked for', async () => {
		stubFetch(() => new Response('{}', { headers: { 'content-type': 'application/json' } }));
		const r = await fetcher()(`${SITE}did.json#key`, { accept: 'application/json' });
		expect(calls[0]!.url).toBe(`${ORIGIN}/badges/did.json`);
		expect(calls[0]!.init).toMatchObject({ credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
		expect(r).toMatchObject({ url: `${SITE}did.json`, status: 200, contentType: 'application/json' });
	});

	it('fetches other URLs as they are, without cookies, and without an Accept header that would need a preflight', async () => {
		stubFetch(() => new Response('x'));
		await fetcher()('https://issuer.example.net/a.json', { accept: 'application/json' });
		expect(calls[0]).toMatchObject({ url: 'https://issuer.example.net/a.json', init: { credentials: 'omit', referrerPolicy: 'no-referrer', headers: { Accept: 'application/json' } } });
		await fetcher()('https://issuer.example.net/b', { accept: 'x/'.repeat(80) });
		expect(calls.at(-1)!.init.headers).toEqual({});
	});

	it('reports a fetch the browser refused (CORS) or that got no answer, once per URL, as blocked', async () => {
		stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
		const blocked: string[] = [];
		const fetch = fetcher({ onBlocked: (url) => blocked.push(url) });
		const error = await fetch('https://issuer.example.net/key.json', { accept: 'application/json' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(FetchError);
		expect(error).toMatchObject({ code: 'ERR_FETCH_BLOCKED', message: expect.stringContaining('CORS') });
		expect(blocked).toEqual(['https://issuer.example.net/key.json']);
	});

	it('keeps the command line’s limits: time, size, http(s) only, no local address', async () => {
		stubFetch((url, init) => (url.endsWith('slow') ? silent(init) : new Response(new Uint8Array(3000))));
		expect(await code(fetcher({ timeoutMs: 50 })('https://issuer.example.net/slow', { accept: '' }))).toBe('ERR_FETCH_TIMEOUT');
		expect(await code(fetcher({ maxBytes: 2000 })('https://issuer.example.net/big', { accept: '' }))).toBe('ERR_FETCH_TOO_LARGE');
		expect(await code(fetcher()('data:application/json,{}', { accept: '' }))).toBe('ERR_FETCH_SCHEME');
		expect(await code(fetcher()('not a url', { accept: '' }))).toBe('ERR_FETCH_BAD_URL');
		const fromPublic = fetcher({ origin: 'https://asso.example.org' });
		for (const url of ['http://192.168.1.1/', 'http://localhost:8080/x', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://10.0.0.2/']) {
			expect(await code(fromPublic(url, { accept: '' })), url).toBe('ERR_FETCH_PRIVATE_ADDRESS');
		}
		// A page served from a local address (a test server) may read another local server.
		expect(await code(fetcher()('http://127.0.0.1:9999/x', { accept: '' }))).toBe('resolved');
	});

	it('knows local and private addresses', () => {
		for (const host of ['localhost', 'a.localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.1', '169.254.1.1', '0.0.0.0', '[::1]', '[fd00::1]', '[fe80::1]']) expect(isLocalHost(host), host).toBe(true);
		for (const host of ['example.org', '8.8.8.8', '172.32.0.1', '193.168.0.1', '[2001:4860::1]', 'fc.example']) expect(isLocalHost(host), host).toBe(false);
	});
});
