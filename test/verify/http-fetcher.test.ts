/**
 * The default fetcher against a real HTTP server on loopback: time limit, size cap, redirects,
 * Accept header, and refusal of loopback, private addresses and plain http unless allowLocal.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FETCH_LIMITS, FetchError, httpFetcher, isPrivateAddress } from '../../src/lib/verify/index.ts';

describe('httpFetcher', () => {
	let server: Server;
	let base: string;
	let port: number;
	const seen: IncomingMessage[] = [];

	beforeAll(async () => {
		server = createServer((req, res) => {
			seen.push(req);
			const url = new URL(req.url ?? '/', 'http://x');
			const hops = /^\/hop\/(\d+)$/.exec(url.pathname);
			if (hops) {
				const n = Number(hops[1]);
				return void res.writeHead(302, { Location: n > 0 ? `/hop/${n - 1}` : '/ok' }).end();
			}
			switch (url.pathname) {
				case '/ok':
					return void res.writeHead(200, { 'Content-Type': 'application/ld+json' }).end('{"ok":true}');
				case '/gone':
					return void res.writeHead(410, { 'Content-Type': 'application/json' }).end('{"revoked":true}');
				case '/slow':
					return void setTimeout(() => res.writeHead(200).end('{}'), 2_000);
				case '/trickle': // headers at once, then the body never ends
					res.writeHead(200, { 'Content-Type': 'application/json' });
					return void res.write('{');
				case '/big-declared':
					return void res.writeHead(200, { 'Content-Length': String(FETCH_LIMITS.maxBytes + 1) }).end();
				case '/big-chunked': {
					res.writeHead(200, { 'Content-Type': 'application/json' });
					const chunk = Buffer.alloc(64 * 1024, 0x20);
					let sent = 0;
					const push = () => {
						while (sent <= FETCH_LIMITS.maxBytes) {
							sent += chunk.length;
							if (!res.write(chunk)) return void res.once('drain', push);
						}
						res.end();
					};
					return push();
				}
				case '/to-file':
					return void res.writeHead(302, { Location: 'file:///etc/passwd' }).end();
				case '/no-location':
					return void res.writeHead(302).end();
				default:
					return void res.writeHead(404).end();
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as AddressInfo).port;
		base = `http://127.0.0.1:${port}`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});

	const local = httpFetcher({ allowLocal: true, timeoutMs: 500 });
	const code = async (promise: Promise<unknown>) => {
		const error = await promise.then(() => undefined, (e: unknown) => e);
		expect(error).toBeInstanceOf(FetchError);
		return (error as FetchError).code;
	};

	it('fetches with the Accept header asked for, and returns any HTTP status', async () => {
		const ok = await local(`${base}/ok`, { accept: 'application/ld+json, application/json' });
		expect(ok).toMatchObject({ url: `${base}/ok`, status: 200, contentType: 'application/ld+json' });
		expect(JSON.parse(Buffer.from(ok.body).toString())).toEqual({ ok: true });
		expect(seen.at(-1)!.headers.accept).toBe('application/ld+json, application/json');
		expect((await local(`${base}/gone`, { accept: '*/*' })).status).toBe(410);
		expect((await local(`${base}/missing`, { accept: '*/*' })).status).toBe(404);
	});

	it('gives up after the time limit, whether the server is silent or never finishes', async () => {
		const started = Date.now();
		expect(await code(local(`${base}/slow`, { accept: '*/*' }))).toBe('ERR_FETCH_TIMEOUT');
		expect(await code(local(`${base}/trickle`, { accept: '*/*' }))).toBe('ERR_FETCH_TIMEOUT');
		expect(Date.now() - started).toBeLessThan(1_800);
		expect(FETCH_LIMITS.timeoutMs).toBe(10_000);
	});

	it('refuses answers over 2 MB, declared or streamed', async () => {
		expect(await code(local(`${base}/big-declared`, { accept: '*/*' }))).toBe('ERR_FETCH_TOO_LARGE');
		expect(await code(httpFetcher({ allowLocal: true })(`${base}/big-chunked`, { accept: '*/*' }))).toBe('ERR_FETCH_TOO_LARGE');
	});

	it('follows at most 3 redirects, and only to http(s)', async () => {
		const three = await local(`${base}/hop/2`, { accept: '*/*' });
		expect(three).toMatchObject({ status: 200, url: `${base}/ok` });
		expect(await code(local(`${base}/hop/3`, { accept: '*/*' }))).toBe('ERR_FETCH_REDIRECTS');
		expect(await code(local(`${base}/to-file`, { accept: '*/*' }))).toBe('ERR_FETCH_SCHEME');
		expect(await code(local(`${base}/no-location`, { accept: '*/*' }))).toBe('ERR_FETCH_NETWORK');
	});

	it('without allowLocal: no plain http, no loopback address, not even through a name; nothing is sent', async () => {
		const strict = httpFetcher({ timeoutMs: 2_000 });
		const before = seen.length;
		expect(await code(strict(`${base}/ok`, { accept: '*/*' }))).toBe('ERR_FETCH_SCHEME');
		expect(await code(strict(`https://127.0.0.1:${port}/ok`, { accept: '*/*' }))).toBe('ERR_FETCH_PRIVATE_ADDRESS');
		expect(await code(strict(`https://[::1]:${port}/ok`, { accept: '*/*' }))).toBe('ERR_FETCH_PRIVATE_ADDRESS');
		expect(await code(strict(`https://localhost:${port}/ok`, { accept: '*/*' }))).toBe('ERR_FETCH_PRIVATE_ADDRESS');
		expect(await code(strict('ftp://example.org/badge.json', { accept: '*/*' }))).toBe('ERR_FETCH_SCHEME');
		expect(await code(strict('not a url', { accept: '*/*' }))).toBe('ERR_FETCH_BAD_URL');
		expect(seen.length).toBe(before);
	});

	it('messages are bilingual and name the URL', async () => {
		const error = (await httpFetcher()(`https://127.0.0.1:${port}/ok`, { accept: '*/*' }).catch((e: unknown) => e)) as FetchError;
		expect(error.message).toMatch(/refusé.*\/ .*refused/);
		expect(error.message).toContain(`https://127.0.0.1:${port}/ok`);
	});
});

describe('isPrivateAddress', () => {
	it('knows loopback, private, link-local and mapped addresses from public ones', () => {
		for (const ip of ['127.0.0.1', '127.1.2.3', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '[::1]']) {
			expect(isPrivateAddress(ip), ip).toBe(true);
		}
		for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
			expect(isPrivateAddress(ip), ip).toBe(false);
		}
	});
});
