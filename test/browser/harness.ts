/**
 * What the browser tests share: a fixture site built once per test file and served on loopback,
 * Debian's chromium driven by playwright-core, visitors whose every request and script error is
 * recorded, and axe-core with the project's rules. Each test file keeps its own content, pages and
 * extra servers.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildSite, copyFixture, fixture } from '../helpers.ts';
import { serveStatic } from '../static-server.ts';

const CHROMIUM = '/usr/bin/chromium';

/** CI installs Debian's chromium (.ci/run); elsewhere, without it, the browser tests are skipped loudly. */
export const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!browserAvailable) console.warn(`⚠ ${CHROMIUM} not found: browser tests skipped (apt-get install chromium)`);

export type StaticServer = Awaited<ReturnType<typeof serveStatic>>;

/** Serves a built site under /badges/, its base path, as GitHub Pages would. */
export const serveSite = (out: string): Promise<StaticServer> => serveStatic(out, '/badges/');

/** Launches chromium headless, with nothing of its own going to the network. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

/** A built site, its server and the browser: set before the first test of the file runs. */
export interface BuiltSite {
	/** The temporary folder that holds the content (`content/`, unless built in place) and the site (`site/`). */
	readonly tmp: string;
	/** The content that was built. */
	readonly root: string;
	/** The built site. */
	readonly out: string;
	readonly server: StaticServer;
	/** Where it is served: `http://127.0.0.1:<port>/badges/`. */
	readonly url: string;
	readonly browser: Browser;
}

interface BuiltSiteOptions {
	/** The temporary folder's name starts with it: `blason-verify-`. */
	prefix: string;
	/**
	 * Builds test/fixtures/basic where it is, with the build state it keeps there (development key,
	 * signing cache), instead of a copy: for files that change nothing in it.
	 */
	inPlace?: boolean;
	/** Changes to the copy of the fixture before it is built, in order. */
	edits?: ((root: string) => void)[];
	/** Environment variables for the build. */
	env?: NodeJS.ProcessEnv;
}

/**
 * Registers, in the enclosing describe block, the hooks that build the fixture site once for the
 * file, serve it and launch the browser before its tests, and close and remove it all after them.
 */
export function useBuiltSite(options: BuiltSiteOptions): BuiltSite {
	const tmp = mkdtempSync(path.join(tmpdir(), options.prefix));
	const root = options.inPlace ? fixture('basic') : path.join(tmp, 'content');
	const out = path.join(tmp, 'site');
	let server: StaticServer | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		if (!options.inPlace) copyFixture(root);
		for (const edit of options.edits ?? []) edit(root);
		await buildSite(root, out, options.env);
		server = await serveSite(out);
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
		rmSync(tmp, { recursive: true, force: true });
	});
	const ready = <T>(value: T | undefined, what: string): T => {
		if (value === undefined) throw new Error(`The ${what} is only there once the file's beforeAll has run`);
		return value;
	};
	return {
		tmp,
		root,
		out,
		get server() {
			return ready(server, 'server');
		},
		get url() {
			return ready(server, 'server').url;
		},
		get browser() {
			return ready(browser, 'browser');
		},
	};
}

/** A fresh browser context (empty storage) that records every request and script error of its pages. */
export interface Visitor {
	context: BrowserContext;
	/** Every URL requested, in order. */
	requests: string[];
	/** Every uncaught script error, and with `consoleErrors` every error logged to the console. */
	errors: string[];
	newPage: () => Promise<Page>;
	close: () => Promise<void>;
}

export async function newVisitor(browser: Browser, options: BrowserContextOptions & { consoleErrors?: boolean } = {}): Promise<Visitor> {
	const { consoleErrors, ...contextOptions } = options;
	const context = await browser.newContext(contextOptions);
	const requests: string[] = [];
	const errors: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	context.on('weberror', (e) => errors.push(e.error().message));
	if (consoleErrors) context.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	return { context, requests, errors, newPage: () => context.newPage(), close: () => context.close() };
}

/** The requests that went anywhere but the site served at `url`. */
export const offSite = (requests: string[], url: string): string[] => requests.filter((u) => !u.startsWith(url));

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe-core finds on the page as it is now, under WCAG 2.2 AA and best practices: "rule: targets". */
export async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const result = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
		});
		return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
}

/** The award that `addRevokedAward` adds to Léa Martin's file: engagement-citoyen, revoked on 2024-03-01. */
export const REVOKED = 'rvk2m9p3x7dq';

/** Adds the award REVOKED to a copy of the fixture, revoked "Attribué par erreur". */
export function addRevokedAward(root: string): void {
	appendFileSync(
		path.join(root, 'recipients/lea-m.yaml'),
		`  - id: ${REVOKED}\n    badge: engagement-citoyen\n    issuedOn: 2024-01-15\n    revoked:\n      date: 2024-03-01\n      reason: Attribué par erreur\n`,
	);
}

/** The award that `addWithdrawnAward` adds: atelier-numerique, in a recipient file erased on 2026-01-15. */
export const WITHDRAWN = 'er4s3dq7w2xk';

/** Adds the award WITHDRAWN to a copy of the fixture, in a recipient file erased by `npm run erase`. */
export function addWithdrawnAward(root: string): void {
	writeFileSync(path.join(root, 'recipients/r-erased.yaml'), `erased: 2026-01-15\nawards:\n  - id: ${WITHDRAWN}\n    badge: atelier-numerique\n    issuedOn: 2025-06-01\n`);
}
