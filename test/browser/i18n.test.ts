/**
 * The language switcher in a real browser: pages built in French switch to English and Dutch on
 * the same URL (headings, labels, dates, <html lang>, the badge's own translated content and the
 * text client scripts write), the choice persists across pages, `?lang=nl` chooses, axe finds
 * nothing in any language, French visitors fetch no dictionary, and nothing leaves the origin.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, newVisitor, offSite, useBuiltSite, type Visitor } from './harness.ts';

/** Every translatable thing a page shows: marked texts and attributes, dates, the title. */
function snapshot(page: Page) {
	return page.evaluate(() => ({
		title: document.title,
		texts: [...document.querySelectorAll('[data-i18n], time[datetime], [data-duration], [data-b]')].map((e) =>
			e instanceof HTMLImageElement ? `alt=${e.alt}` : (e.textContent ?? ''),
		),
		attrs: [...document.querySelectorAll('[data-i18n-attr]')].map((e) =>
			e.getAttribute('data-i18n-attr')!.split(';').map((p) => e.getAttribute(p.split(':')[0]!)).join('|'),
		),
	}));
}

describe.runIf(browserAvailable)('the language switcher', () => {
	const site = useBuiltSite({ prefix: 'blason-i18n-', inPlace: true });

	/** A fresh visitor (empty storage) who records every request and every error. */
	async function visitor() {
		const v = await newVisitor(site.browser, { consoleErrors: true });
		const open = async (pathname: string): Promise<Page> => {
			const page = await v.newPage();
			await page.goto(site.url + pathname, { waitUntil: 'load' });
			return page;
		};
		return { ...v, open };
	}
	const switchTo = async (page: Page, name: 'Français' | 'English' | 'Nederlands', lang: string) => {
		await page.getByRole('navigation', { name: /^(Langue|Language|Taal)$/ }).getByRole('link', { name }).click();
		await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
	};
	const verified = (page: Page) => expect.poll(() => page.locator('.verify-result').getAttribute('data-state'), { timeout: 10_000 }).toBe('valid');
	const close = async (v: Visitor) => {
		expect(offSite(v.requests, site.url)).toEqual([]);
		expect(v.errors).toEqual([]);
		await v.close();
	};

	it.each(['', 'issuer/', 'audit/', 'badges/atelier-numerique/', 'badges/engagement-citoyen/', 'badges/atelier-numerique/request/', 'awards/k7m2x9qd4p1h/', 'awards/a1b2c3d4e5f6/', 'awards/zz9yy8xx7ww6/'])(
		'/%s: every marker says what the page was built with, and nothing stays French in English',
		async (pathname) => {
			const v = await visitor();
			const page = await v.open(pathname);
			const french = await snapshot(page);
			expect(french.texts.length).toBeGreaterThan(0);
			await switchTo(page, 'English', 'en');
			const english = await snapshot(page);
			// Back in French, every marked text is exactly what the build wrote: the markers carry the right keys and variables.
			await switchTo(page, 'Français', 'fr');
			expect(await snapshot(page)).toEqual(french);
			// No marker is left with a raw key or an unfilled placeholder.
			for (const text of [...english.texts, ...english.attrs, english.title]) expect(text).not.toMatch(/^[a-z]+(\.[\w-]+)+$|\{\w+\}/);
			await close(v);
		},
	);

	it('switches the home page to English and Dutch, keeps the choice across pages, and the catalogue counts follow', async () => {
		const v = await visitor();
		const page = await v.open('');
		expect(v.requests.filter((u) => u.includes('/i18n/'))).toEqual([]);
		await expect(page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'Français' }).getAttribute('aria-current')).resolves.toBe('true');
		await switchTo(page, 'English', 'en');
		await expect(page.getByRole('heading', { name: 'Badge catalogue' }).isVisible()).resolves.toBe(true);
		await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'The association' }).isVisible()).resolves.toBe(true);
		await expect(page.getByRole('link', { name: 'English' }).getAttribute('aria-current')).resolves.toBe('true');
		await expect(page.getByRole('link', { name: 'Français' }).getAttribute('aria-current')).resolves.toBeNull();
		// The badge's own translation, and the French badge stays French (and says so).
		await expect(page.getByRole('link', { name: 'Digital workshop' }).getAttribute('lang')).resolves.toBe('en');
		await expect(page.getByRole('link', { name: 'Engagement citoyen' }).getAttribute('lang')).resolves.toBe('fr');
		await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Technical skill' });
		await expect.poll(() => page.locator('.catalogue-count').textContent()).toBe('Showing 1 badge of 2');
		expect(await axeViolations(page)).toEqual([]);
		await switchTo(page, 'Nederlands', 'nl');
		await expect.poll(() => page.locator('.catalogue-count').textContent()).toBe('1 van 2 badges getoond');
		await expect(page.getByRole('heading', { name: 'Badgecatalogus' }).isVisible()).resolves.toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		// The next page opens in Dutch: the choice is kept.
		await page.getByRole('link', { name: 'Digitale workshop' }).click();
		await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nl');
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Digitale workshop');
		await expect(page.getByRole('heading', { name: 'Hoe verdien je deze badge?' }).isVisible()).resolves.toBe(true);
		// Only what Dutch has is Dutch: the description stays French.
		await expect(page.locator('.lead').getAttribute('lang')).resolves.toBe('fr');
		await close(v);
	});

	it('shows an award in English and Dutch: state, dates, the check in the browser, the badge, the title', async () => {
		const v = await visitor();
		const page = await v.open('awards/k7m2x9qd4p1h/');
		await verified(page);
		expect(v.requests.filter((u) => u.includes('/i18n/'))).toEqual([]);
		await switchTo(page, 'English', 'en');
		await expect.poll(() => page.locator('.status-label').textContent()).toBe('Valid badge');
		await expect.poll(() => page.locator('.verify-label').textContent()).toBe('Signature verified');
		await expect.poll(() => page.locator('.facts time').first().textContent()).toBe('14 March 2026');
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Digital workshop');
		await expect.poll(() => page.locator('.award .prose[data-b="criteria"]').first().textContent()).toContain('Have taken part in three sessions.');
		await expect(page.getByRole('img', { name: 'A laptop with a star' }).first().isVisible()).resolves.toBe(true);
		expect(await page.title()).toBe('“Digital workshop” badge · Association Fixture');
		await expect(page.getByRole('heading', { name: 'Keep and show this badge' }).isVisible()).resolves.toBe(true);
		// The share e-mail and the embed code speak English too.
		expect(decodeURIComponent((await page.locator('a.share-mail').getAttribute('href'))!)).toContain('subject=“Digital workshop” badge issued by Association Fixture');
		expect(await page.locator('#embed-code').inputValue()).toContain('alt="“Digital workshop” badge issued by Association Fixture"');
		// The e-mail check answers in the language shown, and again after a switch.
		await page.getByLabel('E-mail address').fill('someone@example.org');
		await page.getByRole('button', { name: 'Check the address' }).click();
		await expect.poll(() => page.locator('.email-result').textContent()).toMatch(/^No: this badge was not awarded/);
		expect(await axeViolations(page)).toEqual([]);
		await switchTo(page, 'Nederlands', 'nl');
		await expect.poll(() => page.locator('.status-label').textContent()).toBe('Geldige badge');
		await expect.poll(() => page.locator('.verify-label').textContent()).toBe('Handtekening gecontroleerd');
		await expect.poll(() => page.locator('.facts time').first().textContent()).toBe('14 maart 2026');
		await expect.poll(() => page.locator('.email-result').textContent()).toMatch(/^Nee: deze badge is niet uitgereikt/);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Digitale workshop');
		expect(await axeViolations(page)).toEqual([]);
		await close(v);
	});

	it('opens a shared link with ?lang=nl in Dutch, keeps Dutch afterwards, and works with the keyboard', async () => {
		const v = await visitor();
		const page = await v.open('awards/k7m2x9qd4p1h/?lang=nl');
		await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nl');
		await verified(page);
		await expect.poll(() => page.locator('.status-label').textContent()).toBe('Geldige badge');
		const other = await v.open('badges/engagement-citoyen/');
		await expect.poll(() => other.getAttribute('html', 'lang')).toBe('nl');
		await expect(other.getByRole('heading', { name: 'Deze badge aanvragen' }).isVisible()).resolves.toBe(true);
		expect(await axeViolations(other)).toEqual([]);
		// Keyboard: focus the English link and press Enter.
		await other.getByRole('link', { name: 'English' }).focus();
		await other.keyboard.press('Enter');
		await expect.poll(() => other.getAttribute('html', 'lang')).toBe('en');
		await expect(other.getByRole('heading', { name: 'Request this badge' }).isVisible()).resolves.toBe(true);
		// The shared page, reloaded, follows its address (?lang=nl) again.
		await page.reload();
		await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nl');
		await close(v);
	});

	it('stays in French, with no switcher and no dictionary, without JavaScript', async () => {
		const v = await newVisitor(site.browser, { javaScriptEnabled: false });
		const page = await v.newPage();
		await page.goto(`${site.url}awards/k7m2x9qd4p1h/?lang=en`);
		expect(await page.getAttribute('html', 'lang')).toBe('fr');
		await expect.poll(() => page.locator('.status-label').textContent()).toBe('Badge valide');
		expect(await page.locator('nav.lang-switch').isVisible()).toBe(false);
		expect(v.requests.filter((u) => u.includes('/i18n/'))).toEqual([]);
		await v.close();
	});
});
