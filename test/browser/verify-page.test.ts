/**
 * The /verify/ page in Debian's chromium, against a built fixture site served on loopback: our own
 * badges, given as a dropped or chosen image, a pasted award address, JWT or JSON, verify
 * completely with no request to anyone but the site itself, through the same core as
 * `npm run verify`; revoked, expired and tampered badges are reported as such; a badge whose
 * documents another server does not let the browser read (CORS) says so; the e-mail check makes no
 * request; axe finds nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bakePng, extractPng } from '../../src/lib/baking/png.ts';
import { sharedSpec } from '../helpers.ts';
import { addRevokedAward, axeViolations, browserAvailable, newVisitor, offSite, REVOKED, serveSite, useBuiltSite, type StaticServer } from './harness.ts';

const SITE = 'https://fixture.example.org/badges/';
const VALID = 'k7m2x9qd4p1h'; // atelier-numerique (PNG artwork), 2026-03-14 → 2028-03-14
const VALID_SVG = 'a1b2c3d4e5f6'; // engagement-citoyen (SVG artwork), no expiry
const EXPIRED = 'zz9yy8xx7ww6'; // atelier-numerique, 2022-05-01 → 2024-05-01
const NOW = new Date('2027-01-01T00:00:00Z');

type Checked = { state: string; label: string; text: string; checks: string[]; requests: string[] };

describe.runIf(browserAvailable)('the /verify/ page', () => {
	const site = useBuiltSite({ prefix: 'blason-verify-page-', edits: [addRevokedAward] });
	const file = (id: string, name: string) => path.join(site.out, 'awards', id, name);
	const text = (id: string, name: string) => readFileSync(file(id, name), 'utf8');

	// The same files on another origin (another port), which sends no CORS header: a browser
	// page from the first origin is not allowed to read them.
	let elsewhere: StaticServer;
	beforeAll(async () => {
		elsewhere = await serveSite(site.out);
	});
	afterAll(() => elsewhere?.close());

	/** A fresh /verify/ page at NOW, recording every request and any script error. */
	async function open(setup?: (page: Page) => Promise<void>) {
		const { requests, errors, newPage } = await newVisitor(site.browser);
		const page = await newPage();
		await page.clock.setFixedTime(NOW);
		await setup?.(page);
		await page.goto(`${site.url}verify/`, { waitUntil: 'load' });
		return { page, requests, errors };
	}

	/** Runs `start` and waits for the page's verdict; the requests made meanwhile come back too. */
	async function check(page: Page, requests: string[], start: () => Promise<unknown>): Promise<Checked> {
		const from = requests.length;
		const result = page.locator('.verify-result');
		const run = Number((await result.getAttribute('data-run')) ?? 0);
		await start();
		await expect.poll(async () => `${await result.getAttribute('data-run')} ${await result.getAttribute('data-state')}`, { timeout: 20_000 }).toMatch(new RegExp(`^${run + 1} (?!pending)`));
		const checks = await page.locator('.checks li').evaluateAll((items) =>
			items.map((li) => `${(li as HTMLElement).dataset.check}:${(li as HTMLElement).dataset.result}`),
		);
		return {
			state: (await result.getAttribute('data-state'))!,
			label: (await page.locator('.verify-label').textContent())!,
			text: (await page.locator('.verify-js').innerText()).replace(/\s+/g, ' '),
			checks,
			requests: requests.slice(from),
		};
	}

	const choose = (page: Page, id: string, name: string) => () => page.setInputFiles('#verify-file', file(id, name));
	const chooseBytes = (page: Page, name: string, mimeType: string, buffer: Buffer) => () => page.setInputFiles('#verify-file', { name, mimeType, buffer });
	const paste = (page: Page, value: string) => async () => {
		await page.getByLabel('Ou collez l’adresse du badge, un JWT ou du JSON').fill(value);
		await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
	};
	/** A real drop of a file on the form (a DragEvent carrying it), as from a file manager. */
	const drop = (page: Page, id: string, name: string, mimeType: string) => () =>
		page.evaluate(
			({ base64, name, mimeType }) => {
				const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
				const data = new DataTransfer();
				data.items.add(new File([bytes], name, { type: mimeType }));
				document.querySelector('.verify-form')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
			},
			{ base64: readFileSync(file(id, name)).toString('base64'), name, mimeType },
		);

	const notPassed = (c: Checked) => c.checks.filter((x) => !x.endsWith(':pass'));

	it('is light until a check starts, links from the header, and passes axe', async () => {
		const { page, requests, errors } = await open();
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Vérifier un badge');
		expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Vérifier un badge' }).getAttribute('aria-current')).toBe('page');
		expect(await page.getByText('Cette page a besoin de JavaScript').isVisible()).toBe(false);
		expect(requests.every((u) => u.startsWith(site.url))).toBe(true);
		// The verifier core (jsonld.js, ajv, jose) is not loaded yet.
		expect(requests.filter((u) => /verify-run/.test(u))).toEqual([]);
		expect(await axeViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('verifies our baked PNG and SVG completely, both forms they carry, with no request but to this site', async () => {
		const { page, requests, errors } = await open();
		const png = await check(page, requests, choose(page, VALID, 'badge.png'));
		expect(png.state).toBe('valid');
		expect(png.label).toBe('Badge valide');
		expect(notPassed(png)).toEqual([]);
		expect(png.checks).toEqual(expect.arrayContaining(['signature:pass', 'key:pass', 'revocation:pass', 'schema:pass', 'hosted:pass', 'scope:pass']));
		expect(png.text).toContain('Open Badges 3.0, preuve Data Integrity (eddsa-rdfc-2022)');
		expect(png.text).toContain('Aussi dans ce badge : Open Badges 2.0, hébergé');
		expect(png.text).toContain('Atelier numérique');
		expect(png.text).toContain('14 mars 2028');
		// Every document was read from the server that served the page: the DID document, the
		// status list, the hosted assertion, its BadgeClass and the issuer profile.
		expect(png.requests.map((u) => u.slice(site.url.length))).toEqual(
			expect.arrayContaining(['did.json', 'status/revocation.json', `awards/${VALID}/assertion.json`, 'badges/atelier-numerique/badgeclass.json', 'issuer/profile.json']),
		);
		expect(offSite(requests, site.url)).toEqual([]);
		expect(await axeViolations(page)).toEqual([]);

		const svg = await check(page, requests, drop(page, VALID_SVG, 'badge.svg', 'image/svg+xml'));
		expect(svg.state).toBe('valid');
		expect(notPassed(svg)).toEqual([]);
		expect(svg.text).toContain('Engagement citoyen');
		expect(offSite(requests, site.url)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('verifies a pasted award address (its OB 3.0 credential and OB 2.0 assertion), credential.jwt, credential.json, assertion.jws and assertion.json', async () => {
		const { page, requests, errors } = await open();
		const url = await check(page, requests, paste(page, `${SITE}awards/${VALID}/`));
		expect(url.state).toBe('valid');
		expect(notPassed(url)).toEqual([]);
		expect(url.text).toContain('Open Badges 3.0, preuve Data Integrity');
		expect(url.text).toContain('Aussi dans ce badge : Open Badges 2.0, hébergé');

		const jwt = await check(page, requests, paste(page, text(VALID, 'credential.jwt')));
		expect(jwt.state).toBe('valid');
		expect(notPassed(jwt)).toEqual([]);
		expect(jwt.checks).toContain('claims:pass');
		expect(jwt.text).toContain('Open Badges 3.0, VC-JWT');

		const json = await check(page, requests, paste(page, text(VALID, 'credential.json')));
		expect(json.state).toBe('valid');
		expect(notPassed(json)).toEqual([]);
		expect(json.text).toContain('preuve eddsa-rdfc-2022 valide');

		// Open Badges 2.0: the signed assertion (JWS, key and revocation list from the issuer profile) and the hosted one.
		const jws = await check(page, requests, paste(page, text(VALID, 'assertion.jws')));
		expect(jws.state).toBe('valid');
		expect(notPassed(jws)).toEqual([]);
		expect(jws.text).toContain('Open Badges 2.0, signé (JWS)');
		const hosted = await check(page, requests, paste(page, text(VALID, 'assertion.json')));
		expect(hosted.state).toBe('valid');
		expect(notPassed(hosted)).toEqual([]);
		expect(hosted.text).toContain('Open Badges 2.0, hébergé');

		// No context, no schema and no key from anywhere but this site.
		expect(offSite(requests, site.url)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('says a revoked award is revoked, with its reason, in every form', async () => {
		const { page, requests } = await open();
		for (const start of [
			choose(page, REVOKED, 'badge.svg'),
			paste(page, `${SITE}awards/${REVOKED}/`),
			paste(page, text(REVOKED, 'credential.jwt')),
			paste(page, text(REVOKED, 'credential.json')),
			paste(page, text(REVOKED, 'assertion.jws')),
		]) {
			const r = await check(page, requests, start);
			expect(r.state).toBe('revoked');
			expect(r.label).toBe('Badge révoqué');
			expect(r.checks).toContain('revocation:fail');
			expect(r.checks.filter((c) => c.endsWith(':fail'))).toEqual(r.checks.filter((c) => c.startsWith('revocation:')));
		}
		// The hosted assertion gives the reason, when the badge carries one.
		const baked = await check(page, requests, choose(page, REVOKED, 'badge.svg'));
		expect(baked.text).toContain('Son émetteur l’a révoqué (Attribué par erreur) : il n’atteste plus rien.');
		expect(offSite(requests, site.url)).toEqual([]);
		await page.close();
	});

	it('says an expired award is expired, by the visitor’s clock', async () => {
		const { page, requests } = await open();
		for (const start of [choose(page, EXPIRED, 'badge.png'), paste(page, `${SITE}awards/${EXPIRED}/`), paste(page, text(EXPIRED, 'credential.jwt')), paste(page, text(EXPIRED, 'credential.json'))]) {
			const r = await check(page, requests, start);
			expect(r.state).toBe('expired');
			expect(r.label).toBe('Badge expiré');
			expect(r.text).toContain('terminée depuis le 1 mai 2024');
			expect(r.checks).toContain('expiry:fail');
		}
		expect(offSite(requests, site.url)).toEqual([]);
		await page.close();
	});

	it('says a tampered badge is invalid: one changed byte in the baked image, the JWT, the JSON, or the served credential', async () => {
		const { page, requests } = await open(async (p) => {
			// The award address's credential, changed on its way: one character of the name.
			await p.route(`**/awards/${VALID}/credential.json`, async (route) => {
				const body = (await (await route.fetch()).text()).replace('"Atelier numérique"', '"Atelier numériqua"');
				await route.fulfill({ status: 200, contentType: 'application/ld+json', body });
			});
		});
		const png = new Uint8Array(readFileSync(file(VALID, 'badge.png')));
		const credential = extractPng(png, 'openbadgecredential')!;
		const tamperedPng = bakePng(png, credential.replace('"2028-03-14T00:00:00Z"', '"2029-03-14T00:00:00Z"'), 'openbadgecredential');
		const baked = await check(page, requests, chooseBytes(page, 'badge.png', 'image/png', Buffer.from(tamperedPng)));
		expect(baked.state).toBe('invalid');
		expect(baked.label).toBe('Badge invalide');
		expect(baked.checks).toContain('signature:fail');

		const [h, p, s] = text(VALID, 'credential.jwt').trim().split('.');
		const payload = Buffer.from(p!, 'base64url').toString().replace('"validUntil":"2028', '"validUntil":"2029');
		const jwt = await check(page, requests, paste(page, `${h}.${Buffer.from(payload).toString('base64url')}.${s}`));
		expect(jwt.state).toBe('invalid');
		expect(jwt.checks).toContain('signature:fail');
		expect(jwt.text).toContain('signature invalide');

		const json = await check(page, requests, paste(page, text(VALID, 'credential.json').replace('"Atelier numérique"', '"Atelier numériqua"')));
		expect(json.state).toBe('invalid');
		expect(json.checks).toEqual(expect.arrayContaining(['signature:fail']));

		const served = await check(page, requests, paste(page, `${SITE}awards/${VALID}/`));
		expect(served.state).toBe('invalid');
		expect(served.checks).toContain('signature:fail');
		expect(offSite(requests, site.url)).toEqual([]);
		await page.close();
	});

	it('says when another server does not let the browser read a badge’s documents (CORS), and what to do', async () => {
		const { page, requests, errors } = await open();
		const url = `${elsewhere.url}awards/${VALID}/credential.json`;
		const blocked = await check(page, requests, paste(page, url));
		expect(blocked.state).toBe('incomplete');
		expect(blocked.label).toBe('Vérification incomplète');
		expect(blocked.text).toContain('n’a pas pu être vérifié entièrement depuis le navigateur');
		const box = page.getByRole('region', { name: 'Documents que le navigateur n’a pas pu lire' });
		expect(await box.isVisible()).toBe(true);
		const said = (await box.innerText()).replace(/\s+/g, ' ');
		expect(said).toContain(url);
		expect(said).toContain('n’autorise pas les requêtes venant d’autres sites (CORS)');
		expect(said).toContain(`npm run verify -- ${url}`);
		// The request did go out, and the browser kept the answer from the page.
		expect(blocked.requests).toContain(url);
		expect(await axeViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('checks another issuer’s badge as far as it can without its server, and says what it could not read', async () => {
		// 1EdTech's sample credential: its key is in the proof itself; example.com cannot be reached
		// (what a browser sees of a server that sends no CORS header is the same failed fetch).
		const { page, requests } = await open(async (p) => {
			await p.route('https://example.com/**', (route) => route.abort('failed'));
		});
		const sample = readFileSync(path.join(sharedSpec, 'data/samples/ob3/validator/simple.json'), 'utf8');
		const r = await check(page, requests, paste(page, sample));
		expect(r.state).toBe('valid');
		expect(r.label).toBe('Badge valide');
		expect(r.text).toContain('avec des avertissements');
		expect(r.checks).toEqual(expect.arrayContaining(['signature:pass', 'schema:pass', 'key:warn']));
		const box = page.getByRole('region', { name: 'Documents que le navigateur n’a pas pu lire' });
		expect(await box.innerText()).toContain('https://example.com/.well-known/jwks.json');
		expect(offSite(requests, site.url)).toEqual(['https://example.com/.well-known/jwks.json']);
		await page.close();
	});

	it('tells whether an e-mail address owns the badge, without any request', async () => {
		const { page, requests } = await open();
		await check(page, requests, choose(page, VALID, 'badge.png'));
		const from = requests.length;
		const input = page.getByLabel('Adresse e-mail', { exact: true });
		const answer = page.locator('.email-result');
		await input.fill('  Lea.Martin@Example.org ');
		await page.getByRole('button', { name: 'Vérifier l’adresse' }).click();
		await expect.poll(() => answer.textContent()).toContain('Oui : ce badge a été décerné à l’adresse Lea.Martin@Example.org');
		expect(await answer.getAttribute('data-match')).toBe('true');
		await input.fill('lea.martin@example.com');
		await input.press('Enter');
		await expect.poll(() => answer.textContent()).toContain('Non : ce badge n’a pas été décerné à l’adresse lea.martin@example.com');
		expect(await answer.getAttribute('data-match')).toBe('false');
		expect(requests.slice(from)).toEqual([]);
		expect(page.url()).toBe(`${site.url}verify/`);
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});

	it('follows the language switcher: the page, the verdict, every check and the e-mail answer', async () => {
		const { page, requests, errors } = await open();
		const switchTo = async (name: 'Français' | 'English' | 'Nederlands', lang: string) => {
			await page.getByRole('navigation', { name: /^(Langue|Language|Taal)$/ }).getByRole('link', { name }).click();
			await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
		};
		await switchTo('English', 'en');
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Verify a badge');
		const r = await check(page, requests, choose(page, EXPIRED, 'badge.png'));
		expect(r.label).toBe('Expired badge');
		expect(r.text).toContain('1 May 2024');
		expect(await page.locator('.checks li[data-check="expiry"] .check-name').first().textContent()).toBe('Expiry');
		await page.getByLabel('E-mail address', { exact: true }).fill('someone@example.org');
		await page.getByRole('button', { name: 'Check the address' }).click();
		await expect.poll(() => page.locator('.email-result').textContent()).toMatch(/^No: /);
		// What is on the page follows a switch made afterwards.
		await switchTo('Nederlands', 'nl');
		await expect.poll(() => page.locator('.verify-label').textContent()).toBe('Verlopen badge');
		expect(await page.locator('.checks li[data-check="expiry"] .check-name').first().textContent()).toBe('Vervaldatum');
		expect(await page.locator('.email-result').textContent()).toMatch(/^Nee/);
		await switchTo('Français', 'fr');
		await expect.poll(() => page.locator('.verify-label').textContent()).toBe('Badge expiré');
		expect(await axeViolations(page)).toEqual([]);
		expect(offSite(requests, site.url)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('says so when what was given holds no badge', async () => {
		const { page, requests } = await open();
		const r = await check(page, requests, paste(page, 'bonjour tout le monde'));
		expect(r.state).toBe('unreadable');
		expect(r.label).toBe('Aucun badge lisible');
		expect(r.checks).toEqual(['input:fail']);
		expect(await page.locator('.verify-email').isVisible()).toBe(false);
		await page.close();
	});
});
