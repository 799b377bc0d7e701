/**
 * Verifying from a built site folder (`--site dist`): URLs under the site's public address are
 * read from the folder, so a Blason badge verifies with no network at all. The public address
 * is the issuer Profile's `id` without its `issuer/profile.json` (src/lib/urls.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { paths } from '../urls.ts';
import { m } from './checks.ts';
import { FetchError, parseJsonObject, type Fetcher } from './fetcher.ts';

const TYPES: Record<string, string> = {
	'.json': 'application/ld+json',
	'.jwt': 'text/plain',
	'.jws': 'text/plain',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.html': 'text/html',
};

/** The site's public base URL, read from `<dir>/issuer/profile.json`; throws a bilingual message. */
export async function readSiteUrl(dir: string): Promise<string> {
	const file = path.join(dir, paths.issuerProfile());
	let bytes: Uint8Array;
	try {
		bytes = await readFile(file);
	} catch {
		throw new Error(m(`${file} introuvable : --site doit désigner un site construit (npm run build)`, `${file} not found: --site must name a built site (npm run build)`));
	}
	const id = parseJsonObject(bytes)?.id;
	if (typeof id !== 'string' || !id.endsWith(paths.issuerProfile())) {
		throw new Error(m(`${file} : pas d'id se terminant par ${paths.issuerProfile()}`, `${file}: no id ending in ${paths.issuerProfile()}`));
	}
	return id.slice(0, -paths.issuerProfile().length);
}

/**
 * Serves `siteUrl` from `dir` (404 for a missing file, like the static host would). Other URLs go
 * to `fallback`; without one they are refused, and the verification stays offline.
 */
export function siteFetcher(dir: string, siteUrl: string, fallback?: Fetcher): Fetcher {
	const root = path.resolve(dir);
	return async (url, options) => {
		const bare = url.replace(/[#?].*$/s, '');
		if (!bare.startsWith(siteUrl)) {
			if (fallback) return fallback(url, options);
			throw new FetchError('ERR_FETCH_OFFLINE', url, m(`${url} n'est pas dans le site local et la vérification est hors ligne`, `${url} is not in the local site and verification is offline`));
		}
		let relative: string;
		try {
			relative = decodeURIComponent(bare.slice(siteUrl.length));
		} catch {
			return { url: bare, status: 404, body: new Uint8Array() };
		}
		let file = path.resolve(root, relative);
		if (file !== root && !file.startsWith(root + path.sep)) return { url: bare, status: 404, body: new Uint8Array() };
		if (relative === '' || relative.endsWith('/')) file = path.join(file, 'index.html');
		try {
			const body = new Uint8Array(await readFile(file));
			return { url: bare, status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body };
		} catch {
			return { url: bare, status: 404, body: new Uint8Array() };
		}
	};
}
