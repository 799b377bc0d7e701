import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, projectRoot, unbakeIndependently } from '../helpers.ts';
import { serveStatic } from '../static-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// CI installs Debian's chromium (.ci/run); elsewhere, without it, these tests are skipped loudly.
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) console.warn(`⚠ ${CHROMIUM} not found: browser tests skipped (apt-get install chromium)`);

describe.runIf(available || process.env.CI)('pages in a real browser', () => {
	let browser: Browser;
	let server: Awaited<ReturnType<typeof serveStatic>>;

	const tmp = mkdtempSync(path.join(tmpdir(), 'blason-browser-'));
	beforeAll(async () => {
		const out = path.join(tmp, 'site');
		await promisify(execFile)(process.execPath, ['scripts/build.ts', '--root', fixture('basic'), '--out', out], { cwd: projectRoot, env: { ...process.env, BLASON_SIGNING_KEY: '' } });
		server = await serveStatic(out, '/badges/');
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
		rmSync(tmp, { recursive: true, force: true });
	});

	/** Opens a page, recording every request and console error. */
	async function open(pathname: string, setup?: (page: Page) => Promise<void>) {
		const page = await browser.newPage();
		const requests: string[] = [];
		const errors: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		await setup?.(page);
		const response = await page.goto(server.url + pathname, { waitUntil: 'load' });
		return { page, requests, errors, status: response?.status() };
	}

	it.each(['', 'issuer/', 'audit/', 'badges/atelier-numerique/', 'awards/k7m2x9qd4p1h/', 'awards/a1b2c3d4e5f6/', 'awards/zz9yy8xx7ww6/', 'nope/'])(
		'/%s renders with all its images, one h1, nothing from another origin, and no axe violation',
		async (pathname) => {
			const { page, requests, errors, status } = await open(pathname);
			if (pathname.startsWith('awards/')) {
				// Award pages verify themselves on load (verify.test.ts): check the page as it ends up.
				const state = () => page.locator('.verify-result').getAttribute('data-state');
				await expect.poll(state, { timeout: 10_000 }).not.toBe('pending');
				expect(['valid', 'expired']).toContain(await state());
			}
			expect(status).toBe(pathname === 'nope/' ? 404 : 200);
			// The 404 page's own status is logged by the browser as a failed load.
			expect(errors.filter((e) => !(pathname === 'nope/' && /status of 404/.test(e)))).toEqual([]);
			expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
			expect(await page.locator('h1').count()).toBe(1);
			expect(await page.getAttribute('html', 'lang')).toBe('fr');
			const images = await page.$$eval('img', (imgs) => imgs.map((i) => ({ src: i.src, ok: i.complete && i.naturalWidth > 0, alt: i.getAttribute('alt') })));
			expect(images.length).toBeGreaterThan(0);
			expect(await page.getByRole('complementary', { name: /clé de développement/ }).isVisible()).toBe(true);
			for (const img of images) {
				expect(img.ok, img.src).toBe(true);
				expect(img.alt, img.src).not.toBeNull();
			}
			await page.addScriptTag({ content: axeSource });
			const violations = await page.evaluate(async () => {
				const result = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
					runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
				});
				return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			});
			expect(violations).toEqual([]);
			await page.close();
		},
	);

	it('shows the state in words and offers the baked badge for download', async () => {
		const { page } = await open('awards/k7m2x9qd4p1h/');
		await expect(page.locator('.status-label').textContent()).resolves.toBe('Badge valide');
		expect(await page.locator('dd').first().textContent()).toBe('Léa Martin');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Télécharger le badge \(PNG\)/ }).click()]);
		expect(download.suggestedFilename()).toBe('atelier-numerique-k7m2x9qd4p1h.png');
		const bytes = await (await fetch(`${server.url}awards/k7m2x9qd4p1h/badge.png`)).arrayBuffer();
		const json = await (await fetch(`${server.url}awards/k7m2x9qd4p1h/assertion.json`)).text();
		expect(await unbakeIndependently(new Uint8Array(bytes))).toBe(json);
		await page.close();
	});

	it('marks an award expired once its date has passed, even before the next build', async () => {
		const { page } = await open('awards/k7m2x9qd4p1h/', (p) => p.clock.setFixedTime(new Date('2028-03-15T00:00:00Z')));
		expect(await page.locator('.status-label').textContent()).toBe('Badge expiré');
		expect(await page.locator('.status-detail').textContent()).toContain('14 mars 2028');
		await page.close();
	});

	it('keeps the catalogue usable on a phone', async () => {
		const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
		await page.goto(server.url);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.close();
	});
});
