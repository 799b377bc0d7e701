import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addRevokedAward, addWithdrawnAward, axeViolations, browserAvailable, newVisitor, offSite, REVOKED, useBuiltSite, WITHDRAWN } from './harness.ts';

const VALID = 'k7m2x9qd4p1h'; // Léa Martin, atelier-numerique, 2026-03-14 → 2028-03-14
const EXPIRED = 'zz9yy8xx7ww6'; // atelier-numerique, 2022-05-01 → 2024-05-01

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const unb64url = (s: string) => Buffer.from(s, 'base64url').toString();

describe.runIf(browserAvailable)('in-browser verification on the award page', () => {
	const site = useBuiltSite({ prefix: 'blason-verify-', edits: [addRevokedAward, addWithdrawnAward] });

	/** Opens an award page and waits for its verification to finish; records every request. */
	async function verified(id: string, setup?: (page: Page) => Promise<void>) {
		const { requests, errors, newPage } = await newVisitor(site.browser);
		const page = await newPage();
		await setup?.(page);
		await page.goto(`${site.url}awards/${id}/`, { waitUntil: 'load' });
		const result = page.locator('.verify-result');
		await expect.poll(() => result.getAttribute('data-state'), { timeout: 10_000 }).not.toBe('pending');
		const state = await result.getAttribute('data-state');
		const text = (await result.innerText()).replace(/\s+/g, ' ');
		return { page, requests, errors, state, text };
	}

	/** Serves a changed credential.jwt for every award page opened in `page`. */
	const tamper = (change: (header: Record<string, unknown>, payload: string) => [Record<string, unknown>, string]) => async (page: Page) => {
		await page.route('**/credential.jwt', async (route) => {
			const jwt = (await (await route.fetch()).text()).trim();
			const [h, p, s] = jwt.split('.');
			const [header, payload] = change(JSON.parse(unb64url(h!)), unb64url(p!));
			await route.fulfill({ status: 200, contentType: 'text/plain', body: `${b64url(JSON.stringify(header))}.${b64url(payload)}.${s}` });
		});
	};

	it('says a valid award is valid, after checking signature, claims, status and dates on this site only', async () => {
		const { page, requests, errors, state, text } = await verified(VALID, (p) => p.clock.setFixedTime(new Date('2027-01-01T00:00:00Z')));
		expect(errors).toEqual([]);
		expect(state).toBe('valid');
		expect(text).toContain('Signature vérifiée');
		expect(text).toContain('Ce badge a bien été signé par Association Fixture');
		expect(text).toContain('Clé publique : https://fixture.example.org/badges/keys/dev/jwk.json');
		expect(text).toContain('Valable jusqu’au 14 mars 2028');
		// The credential, its key and the status list were read from the site being served, nothing else.
		const local = requests.map((u) => u.slice(site.url.length));
		expect(local).toEqual(expect.arrayContaining([`awards/${VALID}/credential.jwt`, 'keys/dev/jwk.json', 'status/revocation.json']));
		expect(offSite(requests, site.url)).toEqual([]);
		expect(await page.getByRole('complementary', { name: /clé de développement/ }).innerText()).toContain('Ce site est signé avec une clé de développement');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});

	it('says a revoked award is revoked, with its date and reason, and keeps its page', async () => {
		const { page, requests, state, text } = await verified(REVOKED);
		expect(await page.locator('.status-label').first().textContent()).toBe('Badge révoqué');
		expect(await page.locator('.status-detail').first().textContent()).toContain('le 1 mars 2024. Motif : Attribué par erreur.');
		expect(state).toBe('revoked');
		expect(text).toContain('Badge révoqué le 1 mars 2024 : Attribué par erreur');
		expect(offSite(requests, site.url)).toEqual([]);
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});

	it('reads the revocation from the status list bit, not from the page', async () => {
		const credential = JSON.parse(readFileSync(path.join(site.out, `awards/${VALID}/credential.json`), 'utf8'));
		const index = Number(credential.credentialStatus.statusListIndex);
		const list = JSON.parse(readFileSync(path.join(site.out, 'status/revocation.json'), 'utf8'));
		const bits = new Uint8Array(2 ** 21);
		bits[index >> 3] = 0x80 >> (index & 7);
		list.credentialSubject.encodedList = `u${gzipSync(bits).toString('base64url')}`;
		const { page, state, text } = await verified(VALID, async (p) => {
			await p.route('**/status/revocation.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(list) }));
		});
		expect(state).toBe('revoked');
		expect(text).toContain('Badge révoqué');
		await page.close();
	});

	it('says an expired award is expired', async () => {
		const { page, state, text } = await verified(EXPIRED);
		expect(await page.locator('.status-label').first().textContent()).toBe('Badge expiré');
		expect(state).toBe('expired');
		expect(text).toContain('Badge expiré');
		expect(text).toContain('terminée depuis le 1 mai 2024');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});

	it('uses the visitor’s clock for expiry', async () => {
		const { page, state } = await verified(VALID, (p) => p.clock.setFixedTime(new Date('2028-03-15T00:00:00Z')));
		expect(state).toBe('expired');
		await page.close();
	});

	it('says the signature is invalid when one byte of the signed credential was changed', async () => {
		const { page, state, text } = await verified(
			VALID,
			tamper((header, payload) => {
				const at = payload.indexOf('"validUntil":"2028') + '"validUntil":"202'.length;
				return [header, `${payload.slice(0, at)}9${payload.slice(at + 1)}`];
			}),
		);
		expect(state).toBe('invalid');
		expect(text).toContain('Signature invalide');
		expect(text).toContain('La signature ne correspond pas au contenu');
		await page.close();
	});

	it('refuses a key that is not on this site, without fetching it', async () => {
		const { page, requests, state, text } = await verified(VALID, tamper((header, payload) => [{ ...header, kid: 'https://keys.example.net/jwk.json' }, payload]));
		expect(state).toBe('error');
		expect(text).toContain('Vérification impossible');
		expect(text).toContain('https://keys.example.net/jwk.json n’est pas sur ce site');
		expect(offSite(requests, site.url)).toEqual([]);
		await page.close();
	});

	it('tells whether an e-mail address owns the badge, without any request', async () => {
		const { page, requests } = await verified(VALID);
		expect(await page.getByText('Rien n’est envoyé, ni à ce site ni ailleurs').isVisible()).toBe(true);
		requests.length = 0;
		const input = page.getByLabel('Adresse e-mail');
		const answer = page.locator('.email-result');
		await input.fill('  Lea.Martin@Example.org ');
		await page.getByRole('button', { name: 'Vérifier l’adresse' }).click();
		await expect.poll(() => answer.textContent()).toContain('Oui : ce badge a été décerné à l’adresse Lea.Martin@Example.org');
		await input.fill('lea.martin@example.com');
		await input.press('Enter');
		await expect.poll(() => answer.textContent()).toContain('Non : ce badge n’a pas été décerné à l’adresse lea.martin@example.com');
		expect(await answer.getAttribute('data-match')).toBe('false');
		expect(requests).toEqual([]);
		expect(page.url()).toBe(`${site.url}awards/${VALID}/`);
		await page.close();
	});

	it('still gives the state and the downloads without JavaScript, and no form that could send an address', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.url}awards/${REVOKED}/`);
		expect(await page.locator('.status-label').first().textContent()).toBe('Badge révoqué');
		expect(await page.getByText('Cette vérification a besoin de JavaScript').isVisible()).toBe(true);
		expect(await page.locator('.email-check').isVisible()).toBe(false);
		for (const name of [/Télécharger le badge/, /Assertion Open Badges 2\.0 \(JSON-LD\)/, /signée \(JWS\)/, /DCC Learner Credential Wallet/, /VC-JWT/]) {
			const href = await page.getByRole('link', { name }).getAttribute('href');
			expect((await fetch(new URL(href!, page.url()))).status, String(name)).toBe(200);
		}
		await context.close();
	});

	it('counts revoked and withdrawn awards on the badge, home and issuer pages', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.url}badges/engagement-citoyen/`);
		expect(await page.locator('.hero strong').textContent()).toBe('Décerné 2 fois, dont 1 révoqué');
		await page.goto(`${site.url}badges/atelier-numerique/`);
		expect(await page.locator('.hero strong').textContent()).toBe('Décerné 3 fois, dont 1 retiré');
		await page.goto(site.url);
		expect(await page.locator('.badge-card', { hasText: 'Engagement citoyen' }).innerText()).toContain('Décerné 2 fois, dont 1 révoqué');
		expect(await page.locator('.badge-card', { hasText: 'Atelier numérique' }).innerText()).toContain('Décerné 3 fois, dont 1 retiré');
		await page.goto(`${site.url}issuer/`);
		expect(await page.locator('.facts').innerText()).toContain('5 badges décernés (dont 1 révoqué et 1 retiré)');
		await page.close();
	});

	it('says an award withdrawn at its holder’s request is withdrawn, in words and with an icon, with nothing of the person and no check', async () => {
		const { requests, errors, newPage } = await newVisitor(site.browser);
		const page = await newPage();
		await page.goto(`${site.url}awards/${WITHDRAWN}/`, { waitUntil: 'load' });
		const status = page.getByRole('status').first();
		expect(await status.locator('.status-label').textContent()).toBe('Badge retiré à la demande de la personne titulaire');
		expect(await status.locator('.status-detail').textContent()).toContain('a retiré ce badge le 15 janvier 2026 et effacé ses données personnelles');
		expect(await status.locator('.icon-withdrawn').isVisible()).toBe(true);
		expect(await page.locator('.facts').textContent()).toMatch(/Retiré le\s*15 janvier 2026/);
		expect(await page.getByText('Décerné à').count()).toBe(0);
		expect(await page.locator('.verify-result, .email-check, [data-verify]').count()).toBe(0);
		// The one download left is the artwork, unbaked: it answers, and holds no badge data.
		const links = page.locator('.downloads a');
		expect(await links.count()).toBe(1);
		const href = await links.getAttribute('href');
		expect(href).toBe(`/badges/awards/${WITHDRAWN}/badge.png`);
		const image = new Uint8Array(await (await fetch(new URL(href!, page.url()))).arrayBuffer());
		expect(Buffer.from(image).includes('openbadges')).toBe(false);
		// Its other URLs still answer, as withdrawn.
		const assertion = await (await fetch(`${site.url}awards/${WITHDRAWN}/assertion.json`)).json();
		expect(assertion).toMatchObject({ revoked: true, revocationReason: "Retiré à la demande de la personne titulaire / withdrawn at the holder's request" });
		expect(errors).toEqual([]);
		expect(offSite(requests, site.url)).toEqual([]);
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});
});
