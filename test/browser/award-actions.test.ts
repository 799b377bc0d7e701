/**
 * What the award page offers besides its state and check: downloads that carry the baked badge,
 * the LinkedIn "Add to profile" link with every parameter exact, share links and an embed snippet,
 * a QR code (decoded with jsQR from pixels the browser drew), the Open Graph preview image, the
 * printable certificate (a one-page A4 PDF from chromium), and what revoked and withdrawn awards
 * no longer offer. No request ever leaves the site.
 */
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSocialImage } from '../../src/lib/social/index.ts';
import { buildSite, fixture, unbakeIndependently } from '../helpers.ts';
import {
	addRevokedAward,
	addWithdrawnAward,
	axeViolations,
	browserAvailable,
	newVisitor,
	offSite,
	REVOKED,
	serveSite,
	useBuiltSite,
	WITHDRAWN,
	type StaticServer,
	type Visitor,
} from './harness.ts';

const SITE = 'https://fixture.example.org/badges/';
const VALID = 'k7m2x9qd4p1h'; // Léa Martin (name shown), atelier-numerique (PNG), 2026-03-14 → 2028-03-14
const NO_EXPIRY = 'a1b2c3d4e5f6'; // Léa Martin, engagement-citoyen (SVG), 2023-01-10T10:00:00+01:00, no expiry
const EXPIRED = 'zz9yy8xx7ww6'; // no name published, atelier-numerique, 2022-05-01 → 2024-05-01

describe.runIf(browserAvailable)('award page actions', () => {
	const site = useBuiltSite({ prefix: 'blason-actions-', edits: [addRevokedAward, addWithdrawnAward] });

	// The same content with the association's LinkedIn page id. Builds run one after the other:
	// they share the project's Astro caches.
	let withOrgId: StaticServer;
	beforeAll(async () => {
		const orgRoot = path.join(site.tmp, 'content-org');
		cpSync(site.root, orgRoot, { recursive: true, filter: (src) => !src.includes(`${path.sep}.blason`) });
		appendFileSync(path.join(orgRoot, 'issuer.yaml'), 'linkedinOrganizationId: "1234567"\n');
		await buildSite(orgRoot, path.join(site.tmp, 'site-org'));
		withOrgId = await serveSite(path.join(site.tmp, 'site-org'));
	});
	afterAll(() => withOrgId?.close());

	/** The served URL of a published one: the site is served on loopback, not at its public address. */
	const local = (url: string, s = site.server) => {
		expect(url.startsWith(SITE), url).toBe(true);
		return s.url + url.slice(SITE.length);
	};

	interface Opened extends Visitor {
		page: Page;
	}

	/** Opens an award page at a fixed date, recording every request and error, once its check is done. */
	async function open(id: string, o: { s?: StaticServer; javaScript?: boolean; at?: string; scale?: number } = {}): Promise<Opened> {
		const s = o.s ?? site.server;
		const visitor = await newVisitor(site.browser, { javaScriptEnabled: o.javaScript ?? true, deviceScaleFactor: o.scale ?? 1 });
		await visitor.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.url).origin });
		const page = await visitor.newPage();
		if (o.javaScript !== false) await page.clock.setFixedTime(new Date(o.at ?? '2027-01-01T00:00:00Z'));
		await page.goto(`${s.url}awards/${id}/`, { waitUntil: 'load' });
		if (o.javaScript !== false && (await page.locator('.verify-result').count()) > 0) {
			await expect.poll(() => page.locator('.verify-result').getAttribute('data-state'), { timeout: 10_000 }).not.toBe('pending');
		}
		return { ...visitor, page };
	}

	/** Decodes a QR code from what the browser drew (a screenshot), like a phone would. */
	async function decodeQr(locator: Locator): Promise<string | undefined> {
		const png = PNG.sync.read(await locator.screenshot());
		return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
	}

	const params = (url: string) => [...new URL(url).searchParams.entries()];

	it('links to LinkedIn’s add-to-profile form with the certification’s name, organisation, dates, URL and id', async () => {
		const o = await open(VALID);
		const href = (await o.page.getByRole('link', { name: 'Ajouter à mon profil LinkedIn' }).getAttribute('href'))!;
		expect(href.startsWith('https://www.linkedin.com/profile/add?')).toBe(true);
		// Spaces and accents percent-encoded, never '+'.
		expect(href).toContain('name=Atelier%20num%C3%A9rique&organizationName=Association%20Fixture&');
		expect(params(href)).toEqual([
			['startTask', 'CERTIFICATION_NAME'],
			['name', 'Atelier numérique'],
			['organizationName', 'Association Fixture'],
			['issueYear', '2026'],
			['issueMonth', '3'],
			['expirationYear', '2028'],
			['expirationMonth', '3'],
			['certUrl', `${SITE}awards/${VALID}/`],
			['certId', VALID],
		]);
		expect(offSite(o.requests, site.url)).toEqual([]);
		await o.context.close();

		// No expiry: no expiration fields. The date is read in UTC (10:00 in Paris is 09:00Z).
		const noExpiry = await open(NO_EXPIRY);
		expect(params((await noExpiry.page.locator('a.linkedin-add').getAttribute('href'))!)).toEqual([
			['startTask', 'CERTIFICATION_NAME'],
			['name', 'Engagement citoyen'],
			['organizationName', 'Association Fixture'],
			['issueYear', '2023'],
			['issueMonth', '1'],
			['certUrl', `${SITE}awards/${NO_EXPIRY}/`],
			['certId', NO_EXPIRY],
		]);
		await noExpiry.context.close();
	});

	it('names the association by its LinkedIn page id when issuer.yaml gives one', async () => {
		const o = await open(VALID, { s: withOrgId });
		expect(params((await o.page.locator('a.linkedin-add').getAttribute('href'))!)).toEqual([
			['startTask', 'CERTIFICATION_NAME'],
			['name', 'Atelier numérique'],
			['organizationId', '1234567'],
			['issueYear', '2026'],
			['issueMonth', '3'],
			['expirationYear', '2028'],
			['expirationMonth', '3'],
			['certUrl', `${SITE}awards/${VALID}/`],
			['certId', VALID],
		]);
		expect(offSite(o.requests, withOrgId.url)).toEqual([]);
		await o.context.close();
	});

	it('shares by e-mail, on LinkedIn and by a copied link, with no request', async () => {
		const o = await open(VALID);
		const pageUrl = `${SITE}awards/${VALID}/`;
		const mail = (await o.page.getByRole('link', { name: 'Envoyer par e-mail' }).getAttribute('href'))!;
		expect(mail.startsWith('mailto:?subject=')).toBe(true);
		const q = new URLSearchParams(mail.slice('mailto:?'.length));
		expect(q.get('subject')).toBe('Badge « Atelier numérique » délivré par Association Fixture');
		expect(q.get('body')).toBe(`Voici le badge « Atelier numérique » délivré par Association Fixture. Sa page permet de le consulter et de le vérifier :\r\n${pageUrl}`);
		const share = (await o.page.getByRole('link', { name: 'Partager sur LinkedIn' }).getAttribute('href'))!;
		expect(share).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(pageUrl)}`);

		const field = o.page.getByLabel('Adresse de cette page');
		expect(await field.inputValue()).toBe(pageUrl);
		expect(await field.getAttribute('readonly')).not.toBeNull();
		await o.page.getByRole('button', { name: 'Copier le lien' }).click();
		await expect.poll(() => o.page.locator('.share .copy-status').textContent()).toBe('Copié dans le presse-papiers.');
		expect(await o.page.evaluate(() => navigator.clipboard.readText())).toBe(pageUrl);
		expect(o.errors).toEqual([]);
		expect(offSite(o.requests, site.url)).toEqual([]);
		await o.context.close();
	});

	it('gives an embed snippet: a link to the award page around the baked image, with its text alternative', async () => {
		const o = await open(VALID);
		const snippet = await o.page.getByLabel('Code HTML à copier').inputValue();
		expect(snippet).toBe(
			`<a href="${SITE}awards/${VALID}/"><img src="${SITE}awards/${VALID}/badge.png" alt="Badge « Atelier numérique » délivré par Association Fixture" width="150" height="150"></a>`,
		);
		const parsed = await o.page.evaluate((html) => {
			const doc = new DOMParser().parseFromString(html, 'text/html');
			const links = [...doc.body.children];
			const img = links[0]?.querySelector('img');
			return { tags: links.map((e) => e.tagName), href: links[0]?.getAttribute('href'), children: links[0]?.children.length, src: img?.getAttribute('src'), alt: img?.getAttribute('alt') };
		}, snippet);
		expect(parsed).toEqual({
			tags: ['A'],
			href: `${SITE}awards/${VALID}/`,
			children: 1,
			src: `${SITE}awards/${VALID}/badge.png`,
			alt: 'Badge « Atelier numérique » délivré par Association Fixture',
		});
		// The image it shows is the baked badge itself.
		const image = new Uint8Array(await (await fetch(local(parsed.src!))).arrayBuffer());
		expect(await unbakeIndependently(image)).toBe(await (await fetch(`${site.url}awards/${VALID}/assertion.json`)).text());
		await o.page.getByRole('button', { name: 'Copier le code' }).click();
		await expect.poll(() => o.page.locator('.embed .copy-status').textContent()).toBe('Copié dans le presse-papiers.');
		expect(await o.page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
		expect(offSite(o.requests, site.url)).toEqual([]);
		await o.context.close();
	});

	it('draws a QR code, made at build time, that decodes to the award page', async () => {
		const o = await open(VALID, { scale: 2 });
		const qr = o.page.locator('.award-qr svg');
		expect(await qr.getAttribute('aria-label')).toBe('Code QR vers la page du badge « Atelier numérique »');
		expect(await decodeQr(qr)).toBe(`${SITE}awards/${VALID}/`);
		await o.context.close();
	});

	it('has Open Graph and Twitter tags with absolute URLs, and a 1200×630 preview image per badge', async () => {
		for (const [pathname, url, slug] of [
			[`awards/${VALID}/`, `${SITE}awards/${VALID}/`, 'atelier-numerique'],
			[`awards/${NO_EXPIRY}/`, `${SITE}awards/${NO_EXPIRY}/`, 'engagement-citoyen'],
			['badges/atelier-numerique/', `${SITE}badges/atelier-numerique/`, 'atelier-numerique'],
			['badges/engagement-citoyen/', `${SITE}badges/engagement-citoyen/`, 'engagement-citoyen'],
		] as const) {
			const page = await site.browser.newPage();
			await page.goto(site.url + pathname);
			const meta = await page.evaluate(() =>
				Object.fromEntries([...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')].map((m) => [m.getAttribute('property') ?? m.getAttribute('name'), m.getAttribute('content')])),
			);
			expect(meta, pathname).toMatchObject({
				'og:url': url,
				'og:image': `${SITE}badges/${slug}/social.png`,
				'og:image:width': '1200',
				'og:image:height': '630',
				'twitter:card': 'summary_large_image',
				'twitter:image': `${SITE}badges/${slug}/social.png`,
			});
			for (const key of ['og:title', 'og:description', 'og:image:alt']) expect(meta[key], `${pathname} ${key}`).toBeTruthy();
			expect(meta['og:image:alt']).toMatch(/^Badge « .+ » délivré par Association Fixture$/);
			expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(url);
			const response = await fetch(local(meta['og:image']!));
			expect(response.status).toBe(200);
			const png = Buffer.from(await response.arrayBuffer());
			expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
			expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
			expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
			// Exactly what src/lib/social draws with its bundled fonts: the text is there (resvg
			// silently draws none when the build cannot find the fonts).
			const artwork = slug === 'atelier-numerique' ? { format: 'png' as const, file: 'image.png' } : { format: 'svg' as const, file: 'image.svg' };
			const expected = renderSocialImage({
				title: slug === 'atelier-numerique' ? 'Atelier numérique' : 'Engagement citoyen',
				subtitle: 'Délivré par Association Fixture',
				artwork: { format: artwork.format, bytes: readFileSync(fixture('basic', 'badges', slug, artwork.file)) },
				background: '#1f5f8b',
			});
			expect(png.equals(Buffer.from(expected)), slug).toBe(true);
			await page.close();
		}
		const award = await site.browser.newPage();
		await award.goto(`${site.url}awards/${VALID}/`);
		expect(await award.locator('meta[property="og:title"]').getAttribute('content')).toBe('Badge « Atelier numérique »');
		expect(await award.locator('meta[property="og:description"]').getAttribute('content')).toBe(
			'Décerné par Association Fixture le 14 mars 2026. A participé à un atelier de découverte du numérique.',
		);
		await award.goto(`${site.url}awards/${REVOKED}/`);
		expect(await award.locator('meta[property="og:description"]').getAttribute('content')).toBe('Badge révoqué par Association Fixture le 1 mars 2024 : il n’atteste plus rien.');
		await award.close();
	});

	it('downloads the baked PNG and SVG, which carry the award’s assertion', async () => {
		for (const [id, format] of [
			[VALID, 'png'],
			[NO_EXPIRY, 'svg'],
		] as const) {
			const o = await open(id);
			const [download] = await Promise.all([o.page.waitForEvent('download'), o.page.getByRole('link', { name: `Télécharger le badge (${format.toUpperCase()})` }).click()]);
			expect(download.suggestedFilename()).toBe(`${id === VALID ? 'atelier-numerique' : 'engagement-citoyen'}-${id}.${format}`);
			const bytes = new Uint8Array(readFileSync((await download.path())!));
			const assertion = await (await fetch(`${site.url}awards/${id}/assertion.json`)).text();
			expect(await unbakeIndependently(bytes)).toBe(assertion);
			await o.context.close();
		}
	});

	it('prints a one-page A4 certificate: badge, name, criteria, dates, issuer and a QR code, without the interactive parts', async () => {
		const o = await open(VALID, { scale: 2 });
		// The button prints (window.print, stubbed here: headless chromium has no print dialog).
		await o.page.evaluate(() => {
			window.print = () => document.body.setAttribute('data-printed', 'yes');
		});
		await o.page.getByRole('button', { name: 'Imprimer le certificat' }).click();
		expect(await o.page.locator('body').getAttribute('data-printed')).toBe('yes');
		expect(await o.page.locator('.certificate').isVisible()).toBe(false);

		await o.page.emulateMedia({ media: 'print' });
		const certificate = o.page.locator('.certificate');
		expect(await certificate.isVisible()).toBe(true);
		// innerText is what is printed (headings in capitals by the stylesheet): compared regardless of case.
		const text = (await certificate.innerText()).replace(/\s+/g, ' ').toLowerCase();
		for (const part of ['Certificat', 'Association Fixture certifie que', 'Léa Martin', 'a obtenu le badge', 'Atelier numérique', 'Critères d’obtention', 'Avoir participé à trois séances.', '14 mars 2026', '14 mars 2028', 'Délivré par', 'Association Fixture — https://fixture.example.org', `${SITE}awards/${VALID}/`]) {
			expect(text).toContain(part.toLowerCase());
		}
		expect(text).not.toContain('badge valide');
		expect(await certificate.locator('img.cert-badge').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
		expect(await decodeQr(certificate.locator('.cert-qr svg'))).toBe(`${SITE}awards/${VALID}/`);
		for (const hidden of ['.status', '.actions', '.verify', '.backpacks', 'button', 'textarea', 'input', '.site-header', '.site-footer']) {
			const visible = await o.page.locator(hidden).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === 'fixed').length);
			expect(visible, hidden).toBe(0);
		}
		const pdf = await o.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)).toHaveLength(1);
		expect(offSite(o.requests, site.url)).toEqual([]);
		await o.context.close();
	});

	it('prints the state when it is not valid, and protects an unconsented name', async () => {
		const cases = [
			[EXPIRED, ['une personne dont l’identité est protégée', 'Badge expiré', '1 mai 2024']],
			[REVOKED, ['Association Fixture avait décerné à', 'Léa Martin', 'Badge révoqué', 'Motif : Attribué par erreur']],
			[WITHDRAWN, ['Badge retiré à la demande de la personne titulaire', 'Atelier numérique']],
		] as const;
		for (const [id, parts] of cases) {
			const o = await open(id);
			await o.page.emulateMedia({ media: 'print' });
			const text = (await o.page.locator('.certificate').innerText()).replace(/\s+/g, ' ');
			for (const part of parts) expect(text, id).toContain(part);
			if (id === WITHDRAWN) expect(text).not.toContain('certifie');
			const pdf = await o.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
			expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g), id).toHaveLength(1);
			await o.context.close();
		}
		// A badge that expired after the last build is printed as expired too.
		const later = await open(VALID, { at: '2028-03-15T00:00:00Z' });
		await later.page.emulateMedia({ media: 'print' });
		expect(await later.page.locator('.certificate').innerText()).toContain('Badge expiré');
		await later.context.close();
	});

	it('offers neither LinkedIn, sharing nor embedding for a revoked or withdrawn award, says why, and keeps the QR code', async () => {
		for (const [id, why] of [
			[REVOKED, 'Ce badge est révoqué : il n’atteste plus rien. C’est pourquoi cette page ne propose plus de l’ajouter à LinkedIn, de le partager ni de l’intégrer à un site.'],
			[WITHDRAWN, 'Ce badge est retiré à la demande de la personne titulaire : il n’atteste plus rien. C’est pourquoi cette page ne propose plus de l’ajouter à LinkedIn'],
		] as const) {
			const o = await open(id, { scale: 2 });
			expect(await o.page.locator('.actions .notice').textContent()).toContain(why);
			expect(await o.page.locator('a[href*="linkedin.com"], a[href^="mailto:"], #share-url, #embed-code, .backpacks').count()).toBe(0);
			expect(await o.page.getByText('Ajouter à mon profil LinkedIn').count()).toBe(0);
			expect(await decodeQr(o.page.locator('.award-qr svg'))).toBe(`${SITE}awards/${id}/`);
			expect(o.errors).toEqual([]);
			expect(offSite(o.requests, site.url)).toEqual([]);
			expect(await axeViolations(o.page)).toEqual([]);
			await o.context.close();
		}
	});

	it('explains how to import the badge into Open Badge Passport, Badgr, the DCC wallet and LinkedIn, with the file for each', async () => {
		const o = await open(VALID);
		const section = o.page.getByRole('region', { name: 'Importer dans un sac à badges ou un portefeuille' });
		const steps = async (name: string) => (await section.getByRole('region', { name }).innerText()).replace(/\s+/g, ' ');
		const obp = await steps('Open Badge Passport');
		expect(obp).toContain('Fichier à utiliser : l’image du badge (PNG)');
		expect(obp).toContain(`${SITE}awards/${VALID}/assertion.json`);
		expect(await section.getByRole('region', { name: 'Open Badge Passport' }).locator('ol > li').count()).toBe(3);
		const badgr = await steps('Badgr / Canvas Credentials');
		expect(badgr).toContain('l’image du badge (PNG)');
		expect(badgr).toContain(`${SITE}awards/${VALID}/assertion.json`);
		const dcc = await steps('DCC Learner Credential Wallet');
		expect(dcc).toContain('credential.json');
		expect(dcc).toContain(`${SITE}awards/${VALID}/credential.json`);
		expect(await steps('LinkedIn')).toContain('« Ajouter à mon profil LinkedIn »');
		await o.context.close();
	});

	it('has no axe violation on valid and expired pages, and no request off the site', async () => {
		for (const id of [VALID, EXPIRED]) {
			const o = await open(id);
			expect(o.errors).toEqual([]);
			expect(offSite(o.requests, site.url)).toEqual([]);
			expect(await axeViolations(o.page)).toEqual([]);
			await o.context.close();
		}
	});

	it('works without JavaScript: selectable address and snippet, no dead buttons, the browser’s Print for the certificate', async () => {
		const o = await open(VALID, { javaScript: false });
		expect(await o.page.getByLabel('Adresse de cette page').inputValue()).toBe(`${SITE}awards/${VALID}/`);
		expect(await o.page.getByLabel('Code HTML à copier').inputValue()).toContain(`<a href="${SITE}awards/${VALID}/">`);
		for (const name of ['Copier le lien', 'Copier le code', 'Imprimer le certificat']) expect(await o.page.getByRole('button', { name }).count(), name).toBe(0);
		expect(await o.page.getByText('Utilisez la commande Imprimer de votre navigateur').isVisible()).toBe(true);
		expect(await o.page.getByRole('link', { name: 'Ajouter à mon profil LinkedIn' }).isVisible()).toBe(true);
		await o.page.emulateMedia({ media: 'print' });
		expect(await o.page.locator('.certificate').isVisible()).toBe(true);
		await o.context.close();
	});
});
