/**
 * A stand-in for GitHub's REST API on loopback: it answers each request with the next recorded
 * response, in order, and keeps every request it got (method, path, JSON body) for the test to
 * compare with what it expects. Recordings are in the format of @octokit/fixtures (its
 * `normalized-fixture.json` entries): some are taken from that package, the others are trimmed
 * into test/fixtures/github/ in the same format.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fixture, projectRoot } from '../helpers.ts';

/** One recorded exchange, as in @octokit/fixtures: what was asked and what GitHub answered. */
export interface Recording {
	method: string;
	path: string;
	body?: unknown;
	status: number;
	response?: unknown;
	headers?: Record<string, string>;
}

export interface SeenRequest {
	method: string;
	/** Path and query as sent, percent-encoding included. */
	path: string;
	body?: unknown;
}

export interface FakeGitHub {
	/** The API's base URL, to give as GITHUB_API_URL. */
	url: string;
	requests: SeenRequest[];
	/** Recordings not asked for yet. */
	pending: () => Recording[];
	close: () => Promise<void>;
}

/** Entry `index` of a scenario of @octokit/fixtures, e.g. ("api.github.com/git-refs", 1). */
export function octokitRecording(scenario: string, index: number): Recording {
	const file = path.join(projectRoot, 'node_modules/@octokit/fixtures/scenarios', scenario, 'normalized-fixture.json');
	const entry = (JSON.parse(readFileSync(file, 'utf8')) as Recording[])[index];
	if (!entry) throw new Error(`${scenario} has no recording ${index}`);
	return entry;
}

/** A recording trimmed into test/fixtures/github/<file>.json, by its `name`. */
export function trimmedRecording(file: string, name: string): Recording {
	const entries = JSON.parse(readFileSync(fixture('github', `${file}.json`), 'utf8')) as (Recording & { name: string })[];
	const entry = entries.find((e) => e.name === name);
	if (!entry) throw new Error(`test/fixtures/github/${file}.json has no recording "${name}"`);
	const { name: _, ...recording } = entry;
	return recording;
}

/**
 * A recording answered on another path (a recording's path names the repository it was made in),
 * with another method, status or headers, or its response changed by `response`.
 */
export function answer(recording: Recording, change: { method?: string; path: string; status?: number; headers?: Record<string, string>; response?: (r: any) => unknown }): Recording {
	return {
		...recording,
		method: change.method ?? recording.method,
		path: change.path,
		status: change.status ?? recording.status,
		headers: { ...recording.headers, ...change.headers },
		response: change.response ? change.response(structuredClone(recording.response)) : recording.response,
	};
}

export async function startFakeGitHub(recordings: Recording[]): Promise<FakeGitHub> {
	const queue = [...recordings];
	const requests: SeenRequest[] = [];
	let base = '';
	const server = createServer(async (req, res) => {
		const raw = await readBody(req);
		const body = raw ? parseJson(raw) : undefined;
		const seen: SeenRequest = { method: req.method!, path: req.url!, ...(body !== undefined ? { body } : {}) };
		requests.push(seen);
		const next = queue[0];
		if (!next || next.method.toUpperCase() !== seen.method || next.path !== seen.path) {
			res.writeHead(501, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify({ message: `fake GitHub: unexpected ${seen.method} ${seen.path}; expected ${next ? `${next.method.toUpperCase()} ${next.path}` : 'no more requests'}` }));
			return;
		}
		queue.shift();
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(next.headers ?? {})) {
			// Only what a client reads: the type, pagination links (to this server) and rate limits.
			if (/^(content-type|link|retry-after|x-ratelimit-.*|x-github-request-id)$/i.test(name)) headers[name] = String(value).replaceAll('https://api.github.com', base);
		}
		const text = next.response === undefined ? '' : JSON.stringify(next.response);
		if (text && !headers['content-type']) headers['content-type'] = 'application/json; charset=utf-8';
		res.writeHead(next.status, headers);
		res.end(next.status === 204 ? undefined : text);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url: base,
		requests,
		pending: () => [...queue],
		close: () => new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
