/**
 * The badge request: the QR code printed from the badge page decodes (with jsQR, from pixels
 * the browser drew) to the request page, and the request form hashes the e-mail address in the
 * browser and puts only the hash in the GitHub issue and e-mail links, with no request at all.
 */
import { createHash } from 'node:crypto';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, useBuiltSite } from './harness.ts';

const EMAIL = '  Nina.Request@Example.org ';

describe.runIf(browserAvailable)('badge requests', () => {
	const site = useBuiltSite({
		prefix: 'blason-request-',
		env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'asso/badges', CI_PROJECT_URL: '' },
	});

	it('the badge page shows a QR code that decodes to the request page', async () => {
		const page = await site.browser.newPage({ deviceScaleFactor: 2 });
		await page.goto(`${site.url}badges/atelier-numerique/`);
		const png = PNG.sync.read(await page.locator('.qr svg').screenshot());
		const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
		expect(code?.data).toBe('https://fixture.example.org/badges/badges/atelier-numerique/request/');
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.qr svg').evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThan(300);
		await page.close();
	});

	it('hashes the e-mail in the browser and links to a prefilled issue and e-mail, with no request', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.url}badges/atelier-numerique/request/`, { waitUntil: 'networkidle' });
		expect(await axeViolations(page)).toEqual([]);

		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.getByLabel('Votre adresse e-mail').fill(EMAIL);
		await page.getByLabel('Votre nom (facultatif)').fill('Nina R.');
		await page.getByLabel('J’accepte que mon nom soit affiché publiquement avec ce badge').check();
		await page.getByLabel('Lien vers une preuve (facultatif)').fill('https://example.org/projet');
		await page.getByRole('button', { name: 'Préparer ma demande' }).click();
		await expect.poll(() => page.locator('.request-result').isVisible()).toBe(true);
		expect(requests).toEqual([]);

		const issue = new URL((await page.locator('.request-github').getAttribute('href'))!);
		expect(`${issue.origin}${issue.pathname}`).toBe('https://github.com/asso/badges/issues/new');
		const q = issue.searchParams;
		expect(q.get('template')).toBe('badge-request.yml');
		expect(q.get('badge')).toBe('atelier-numerique');
		const salt = q.get('identity-salt')!;
		expect(salt).toMatch(/^[\w-]{22}$/);
		expect(q.get('identity-hash')).toBe(`sha256$${createHash('sha256').update(`nina.request@example.org${salt}`).digest('hex')}`);
		expect(q.get('name')).toBe('Nina R.');
		expect(q.get('consent')).toBe('yes');
		expect(q.get('evidence-url')).toBe('https://example.org/projet');

		const mail = (await page.locator('.request-mail').getAttribute('href'))!;
		expect(mail.startsWith('mailto:contact@fixture.example.org?')).toBe(true);
		expect(decodeURIComponent(mail)).toContain(q.get('identity-hash')!);
		for (const link of [issue.href, decodeURIComponent(mail)]) expect(link.toLowerCase()).not.toContain('nina.request');
		await page.close();
	});

	it('sends no name without consent, and a new salt each time', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.url}badges/atelier-numerique/request/`);
		await page.getByLabel('Votre adresse e-mail').fill(EMAIL);
		await page.getByLabel('Votre nom (facultatif)').fill('Nina R.');
		const submit = async () => {
			await page.getByRole('button', { name: 'Préparer ma demande' }).click();
			await expect.poll(() => page.locator('.request-github').getAttribute('href')).not.toBe('#');
			return new URL((await page.locator('.request-github').getAttribute('href'))!).searchParams;
		};
		const first = await submit();
		expect(first.get('name')).toBeNull();
		expect(first.get('consent')).toBeNull();
		await page.locator('.request-github').evaluate((a) => a.setAttribute('href', '#'));
		const second = await submit();
		expect(second.get('identity-salt')).not.toBe(first.get('identity-salt'));
		expect(second.get('identity-hash')).not.toBe(first.get('identity-hash'));
		await page.close();
	});
});
