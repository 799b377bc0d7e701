/**
 * Test fetchers: serve the documents 1EdTech's samples refer to from local files, so that the
 * samples verify with no network. Anything not mapped answers 404, as a real host would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Fetcher, FetchResponse } from '../../src/lib/verify/index.ts';
import { sharedSpec } from '../helpers.ts';

export const samples = path.join(sharedSpec, 'data/samples');
export const ob2Samples = path.join(samples, 'ob2/validator');
export const ob3Samples = path.join(samples, 'ob3/validator');

export type Served = string | { status: number; body?: string | object } | object;

/** Serves `routes` (URL → file path, inline JSON, or a status with a body); records each request. */
export function mapFetcher(routes: Record<string, Served>, requests: string[] = []): Fetcher {
	return async (url): Promise<FetchResponse> => {
		requests.push(url);
		const bare = url.replace(/#.*$/, '');
		const route = routes[bare];
		if (route === undefined) return { url: bare, status: 404, body: new Uint8Array() };
		if (typeof route === 'string') return { url: bare, status: 200, body: new Uint8Array(readFileSync(route)) };
		if ('status' in route && typeof route.status === 'number') {
			const body = (route as { body?: string | object }).body;
			const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
			return { url: bare, status: route.status, body: new TextEncoder().encode(text) };
		}
		return { url: bare, status: 200, body: new TextEncoder().encode(JSON.stringify(route)) };
	};
}

/**
 * The OB 2.0 validator fixtures: `https://example.org/X` and `http://example.org/X` are
 * `assets/X` (EXAMPLES.md §2b); the hosted assertion URL serves `assertion`.
 */
export function ob2Fetcher(assertion: string | undefined, extra: Record<string, Served> = {}, requests?: string[]): Fetcher {
	const assets = Object.fromEntries(
		readdirSync(path.join(ob2Samples, 'assets')).flatMap((f) => [
			[`https://example.org/${f}`, path.join(ob2Samples, 'assets', f)],
			[`http://example.org/${f}`, path.join(ob2Samples, 'assets', f)],
		]),
	);
	return mapFetcher({ ...assets, ...(assertion ? { 'https://example.org/beths-robotics-badge.json': path.join(ob2Samples, assertion) } : {}), ...extra }, requests);
}

/** The URL the Bitstring Status List sample names, served from the sample file `testlist`. */
export const TESTLIST_URL =
	'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist';

export const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
