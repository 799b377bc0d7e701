/**
 * The catalogue filters on the home page, a portfolio and a badge page with public earners, in a
 * real browser: filtering by type, tag and competency, the live region, the URL query that a reload
 * restores, the page without JavaScript, and no axe violation.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, newVisitor, offSite, useBuiltSite } from './harness.ts';

const DIGCOMP_DATA = 'DigComp 2.2 : Gérer des données';

/** A third badge, so that each filter keeps some cards and hides others, and Léa's portfolio. */
function addFestivalBadgeAndPortfolio(root: string) {
	const dir = path.join(root, 'badges/benevolat-festival');
	mkdirSync(dir);
	cpSync(path.join(root, 'badges/engagement-citoyen/image.svg'), path.join(dir, 'image.svg'));
	writeFileSync(
		path.join(dir, 'badge.md'),
		[
			'---',
			'name: Bénévolat au festival',
			'description: A tenu un stand numérique au festival du quartier.',
			'type: engagement',
			'tags: [bénévolat, numérique]',
			'alignments:',
			'  - name: Collaborer par le biais des technologies numériques',
			'    url: https://example.org/digcomp/2.4',
			'    framework: DigComp 2.2',
			'    code: "2.4"',
			'  - name: Travailler en équipe',
			'    url: https://example.org/equipe',
			'---',
			'Avoir tenu le stand une journée.',
			'',
		].join('\n'),
	);
	const lea = path.join(root, 'recipients/lea-m.yaml');
	writeFileSync(lea, readFileSync(lea, 'utf8').replace('  showName: true\n', '  showName: true\n  portfolio: true\n'));
}

describe.runIf(browserAvailable)('catalogue filters, portfolio and earners in a real browser', () => {
	const site = useBuiltSite({ prefix: 'blason-catalogue-', edits: [addFestivalBadgeAndPortfolio] });

	/** Opens a page, recording every request and error. */
	async function open(pathname: string, options: { javaScriptEnabled?: boolean; setup?: (page: Page) => Promise<void> } = {}) {
		const { requests, errors, newPage, close } = await newVisitor(site.browser, { javaScriptEnabled: options.javaScriptEnabled ?? true, consoleErrors: true });
		const page = await newPage();
		await options.setup?.(page);
		await page.goto(site.url + pathname, { waitUntil: 'load' });
		return { page, requests, errors, close };
	}

	const visibleCards = (page: Page) => page.locator('.badge-card:visible h3').allTextContents();
	const liveText = (page: Page) => page.getByRole('status').textContent();
	/** The URL query, decoded: "type=engagement&tag=numérique". */
	const query = (page: Page) => [...new URL(page.url()).searchParams].map(([k, v]) => `${k}=${v}`).join('&');

	it('shows every badge and no filter controls without JavaScript', async () => {
		const { page, close } = await open('?type=skill', { javaScriptEnabled: false });
		expect(await visibleCards(page)).toEqual(['Atelier numérique', 'Bénévolat au festival', 'Engagement citoyen']);
		expect(await page.locator('form.catalogue-filters').isVisible()).toBe(false);
		await close();
	});

	it('filters by type, says how many badges remain, keeps the choice in the URL, and a reload restores it', async () => {
		const { page, requests, errors, close } = await open('');
		expect(await page.getByRole('group', { name: 'Filtrer les badges' }).isVisible()).toBe(true);
		expect(await liveText(page)).toBe('3 badges affichés sur 3');
		expect(await axeViolations(page)).toEqual([]);

		await page.getByLabel('Type').selectOption({ label: 'Engagement' });
		expect(await visibleCards(page)).toEqual(['Bénévolat au festival', 'Engagement citoyen']);
		expect(await liveText(page)).toBe('2 badges affichés sur 3');
		expect(query(page)).toBe('type=engagement');

		await page.getByLabel('Mot-clé').selectOption('numérique');
		expect(await visibleCards(page)).toEqual(['Bénévolat au festival']);
		expect(await liveText(page)).toBe('1 badge affiché sur 3');
		expect(query(page)).toBe('type=engagement&tag=numérique');
		expect(await axeViolations(page)).toEqual([]);

		await page.reload({ waitUntil: 'load' });
		expect(await page.getByLabel('Type').inputValue()).toBe('engagement');
		expect(await page.getByLabel('Mot-clé').inputValue()).toBe('numérique');
		expect(await visibleCards(page)).toEqual(['Bénévolat au festival']);
		expect(await liveText(page)).toBe('1 badge affiché sur 3');

		await page.getByRole('button', { name: 'Tout afficher' }).click();
		await expect.poll(() => visibleCards(page)).toEqual(['Atelier numérique', 'Bénévolat au festival', 'Engagement citoyen']);
		expect(await liveText(page)).toBe('3 badges affichés sur 3');
		expect(new URL(page.url()).search).toBe('');

		expect(offSite(requests, site.url)).toEqual([]);
		expect(errors).toEqual([]);
		await close();
	});

	it('filters by competency, grouped by framework, from a shared address', async () => {
		const { page, close } = await open(`?competency=${encodeURIComponent(DIGCOMP_DATA)}`);
		expect(await page.getByLabel('Compétence visée').inputValue()).toBe(DIGCOMP_DATA);
		expect(await visibleCards(page)).toEqual(['Atelier numérique']);
		const groups = await page.locator('#filter-competency optgroup').evaluateAll((els) =>
			els.map((g) => `${g.getAttribute('label')}: ${[...g.querySelectorAll('option')].map((o) => o.textContent).join(' | ')}`),
		);
		expect(groups).toEqual([
			'DigComp 2.2: 1.3 · Gérer des données | 2.4 · Collaborer par le biais des technologies numériques',
			'Autres compétences: Travailler en équipe',
		]);
		await page.getByLabel('Compétence visée').selectOption({ label: 'Travailler en équipe' });
		expect(await visibleCards(page)).toEqual(['Bénévolat au festival']);
		expect(query(page)).toBe('competency=Travailler en équipe');
		await close();
	});

	it('says so when nothing matches, and ignores values the catalogue does not offer', async () => {
		const none = await open(`?type=skill&tag=${encodeURIComponent('bénévolat')}`);
		expect(await visibleCards(none.page)).toEqual([]);
		expect(await liveText(none.page)).toBe('Aucun badge ne correspond à ces filtres.');
		expect(await axeViolations(none.page)).toEqual([]);
		await none.close();
		const stale = await open('?type=leadership&tag=disparu');
		expect(await visibleCards(stale.page)).toHaveLength(3);
		expect(await stale.page.getByLabel('Type').inputValue()).toBe('');
		await stale.close();
	});

	it('keeps the filters usable on a phone', async () => {
		const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		await page.goto(site.url);
		expect(await page.locator('form.catalogue-filters').isVisible()).toBe(true);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		await context.close();
	});

	it.each(['recipients/lea-m/', 'badges/atelier-numerique/', 'badges/benevolat-festival/'])('/%s renders with its images, one h1, nothing from elsewhere and no axe violation', async (pathname) => {
		const { page, requests, errors, close } = await open(pathname);
		expect(errors).toEqual([]);
		expect(offSite(requests, site.url)).toEqual([]);
		expect(await page.locator('h1').count()).toBe(1);
		const images = await page.$$eval('img', (imgs) => imgs.map((i) => ({ src: i.src, ok: i.complete && i.naturalWidth > 0 })));
		for (const img of images) expect(img.ok, img.src).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		await close();
	});

	it('links the badge page’s earners to the portfolio, which lists the awards as a path', async () => {
		const { page, close } = await open('badges/atelier-numerique/');
		const earners = page.getByRole('region', { name: 'Ils et elles l’ont obtenu' });
		await earners.getByRole('link', { name: 'Léa Martin' }).click();
		await page.waitForURL(/recipients\/lea-m\/$/);
		expect(await page.locator('h1').textContent()).toBe('Léa Martin');
		expect(await page.locator('.portfolio-award-name').allTextContents()).toEqual(['Engagement citoyen', 'Atelier numérique']);
		expect(await page.locator('.portfolio-years h3').allTextContents()).toEqual(['2023', '2026']);
		await page.getByRole('link', { name: 'Atelier numérique' }).click();
		await page.waitForURL(/awards\/k7m2x9qd4p1h\/$/);
		await close();
	});

	it('shows an award of the portfolio as expired once its date has passed, even before the next build', async () => {
		const { page, close } = await open('recipients/lea-m/', { setup: (p) => p.clock.setFixedTime(new Date('2028-03-15T00:00:00Z')) });
		expect(await page.locator('.award-state').allTextContents()).toEqual(['Badge valide', 'Badge expiré']);
		await close();
	});
});
