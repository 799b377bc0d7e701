/**
 * npm run bench -- --weight [--dist DIR]
 *
 * What each page template of a built site costs a visitor: every request chromium makes to show
 * it (served on loopback as a static host would), its bytes as stored and gzipped (what GitHub
 * Pages sends), by kind, and whether anything was asked of another origin. Without --dist, builds
 * the demo association (the example content of this repository) into bench/out/weight-site/.
 * Prints a Markdown table; run by `npm run bench` after the build measurements.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';
import { serveStatic } from '../test/static-server.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

interface PageWeight {
	template: string;
	path: string;
	requests: number;
	bytes: number;
	gzip: number;
	byKind: Record<string, number>;
	external: string[];
}

const KINDS: [RegExp, string][] = [
	[/\.html$|\/$/, 'HTML'],
	[/\.css$/, 'CSS'],
	[/\.m?js$/, 'JS'],
	[/\.(png|svg|jpe?g|webp|ico)$/, 'images'],
];
const kindOf = (pathname: string) => KINDS.find(([re]) => re.test(pathname))?.[1] ?? 'other';

/** The pages to weigh: one of each template, found in the built folder. */
function choosePages(dist: string): { template: string; path: string }[] {
	const first = (dir: string, test: (name: string) => boolean = () => true) => {
		try {
			return readdirSync(path.join(dist, dir)).sort().find((n) => test(n) && statSync(path.join(dist, dir, n)).isDirectory());
		} catch {
			return undefined;
		}
	};
	const badge = first('badges');
	// A valid award: its page is what recruiters open; the first award whose assertion is not revoked.
	const award = first('awards', (id) => {
		try {
			return !JSON.parse(readFileSync(path.join(dist, 'awards', id, 'assertion.json'), 'utf8')).revoked;
		} catch {
			return false;
		}
	});
	const portfolio = first('recipients');
	return [
		{ template: 'home (catalogue)', path: '' },
		...(badge ? [{ template: 'badge', path: `badges/${badge}/` }, { template: 'badge request', path: `badges/${badge}/request/` }] : []),
		...(award ? [{ template: 'award', path: `awards/${award}/` }] : []),
		...(portfolio ? [{ template: 'portfolio', path: `recipients/${portfolio}/` }] : []),
		{ template: 'issuer', path: 'issuer/' },
		{ template: 'audit', path: 'audit/' },
		{ template: 'verify', path: 'verify/' },
		{ template: '404', path: 'no-such-page/' },
	];
}

export async function measureWeight(dist: string, base: string): Promise<{ pages: PageWeight[]; files: number; bytes: number }> {
	const server = await serveStatic(dist, base);
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
	const origin = new URL(server.url).origin;
	const pages: PageWeight[] = [];
	try {
		for (const p of choosePages(dist)) {
			// A new context per page: nothing cached from the previous one.
			const context = await browser.newContext();
			const page = await context.newPage();
			const bodies: Promise<void>[] = [];
			const weight: PageWeight = { ...p, requests: 0, bytes: 0, gzip: 0, byKind: {}, external: [] };
			page.on('request', (request) => {
				if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) weight.external.push(request.url());
			});
			page.on('response', (response) => {
				if (!response.url().startsWith(origin)) return;
				bodies.push(
					response.body().then(
						(body) => {
							weight.requests++;
							weight.bytes += body.length;
							weight.gzip += gzipSync(body).length;
							const kind = kindOf(new URL(response.url()).pathname);
							weight.byKind[kind] = (weight.byKind[kind] ?? 0) + body.length;
						},
						() => {},
					),
				);
			});
			await page.goto(server.url + p.path, { waitUntil: 'networkidle' });
			await Promise.all(bodies);
			pages.push(weight);
			await context.close();
		}
	} finally {
		await browser.close();
		await server.close();
	}
	const all = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
	const bytes = all.reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
	return { pages, files: all.length, bytes };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export function weightTable(result: Awaited<ReturnType<typeof measureWeight>>, label: string): string {
	const kinds = ['HTML', 'CSS', 'JS', 'images', 'other'];
	const lines = [
		`Page weight (${label}): everything chromium loads to show each page, on a first visit`,
		'',
		`| Page | requests | total | gzipped | ${kinds.join(' | ')} | other origins |`,
		`|---|---:|---:|---:|${kinds.map(() => '---:').join('|')}|---|`,
		...result.pages.map(
			(p) =>
				`| ${p.template} (\`${p.path || '/'}\`) | ${p.requests} | ${kib(p.bytes)} | ${kib(p.gzip)} | ${kinds.map((k) => (p.byKind[k] ? kib(p.byKind[k]) : '—')).join(' | ')} | ${p.external.length ? p.external.join(', ') : 'none'} |`,
		),
		'',
		`Whole site: ${result.files} files, ${(result.bytes / 1e6).toFixed(2)} MB.`,
	];
	return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const i = args.indexOf('--dist');
	let dist = i >= 0 ? path.resolve(args[i + 1]!) : '';
	const root = projectRoot;
	if (!dist) {
		dist = path.join(projectRoot, 'bench/out/weight-site');
		execFileSync(process.execPath, ['scripts/build.ts', '--out', dist], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BLASON_SIGNING_KEY: '' } });
	}
	const site = (parse(readFileSync(path.join(root, 'issuer.yaml'), 'utf8')) as { site: string }).site;
	const result = await measureWeight(dist, new URL(site).pathname);
	console.log(weightTable(result, i >= 0 ? dist : 'the demo association'));
}
