import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { unbakeIndependently } from '../helpers.ts';
import { axeViolations, browserAvailable, newVisitor, offSite, useBuiltSite } from './harness.ts';

describe.runIf(browserAvailable)('pages in a real browser', () => {
	const site = useBuiltSite({ prefix: 'blason-browser-', inPlace: true });

	/** Opens a page, recording every request and console error. */
	async function open(pathname: string, setup?: (page: Page) => Promise<void>) {
		const { requests, errors, newPage } = await newVisitor(site.browser, { consoleErrors: true });
		const page = await newPage();
		await setup?.(page);
		const response = await page.goto(site.url + pathname, { waitUntil: 'load' });
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
			expect(offSite(requests, site.url)).toEqual([]);
			expect(await page.locator('h1').count()).toBe(1);
			expect(await page.getAttribute('html', 'lang')).toBe('fr');
			const images = await page.$$eval('img', (imgs) => imgs.map((i) => ({ src: i.src, ok: i.complete && i.naturalWidth > 0, alt: i.getAttribute('alt') })));
			expect(images.length).toBeGreaterThan(0);
			expect(await page.getByRole('complementary', { name: /clé de développement/ }).isVisible()).toBe(true);
			for (const img of images) {
				expect(img.ok, img.src).toBe(true);
				expect(img.alt, img.src).not.toBeNull();
			}
			expect(await axeViolations(page)).toEqual([]);
			await page.close();
		},
	);

	it('shows the state in words and offers the baked badge for download', async () => {
		const { page } = await open('awards/k7m2x9qd4p1h/');
		await expect(page.locator('.status-label').textContent()).resolves.toBe('Badge valide');
		expect(await page.locator('dd').first().textContent()).toBe('Léa Martin');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Télécharger le badge \(PNG\)/ }).click()]);
		expect(download.suggestedFilename()).toBe('atelier-numerique-k7m2x9qd4p1h.png');
		const bytes = await (await fetch(`${site.url}awards/k7m2x9qd4p1h/badge.png`)).arrayBuffer();
		const json = await (await fetch(`${site.url}awards/k7m2x9qd4p1h/assertion.json`)).text();
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
		const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
		await page.goto(site.url);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.close();
	});
});
