/**
 * npm run claim-code: the line to paste in badge.md, which the content accepts and the badge
 * request workflow compares codes with.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { claimCodeHash, claimCodeMatches } from '../../src/lib/awarding/claim-code.ts';
import { runClaimCode } from '../../src/lib/cli/claim-code-command.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { hashIdentity } from '../../src/lib/identity.ts';
import { captureIo, tempSite } from './temp-site.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

let site: ReturnType<typeof tempSite> | undefined;
afterEach(() => site?.remove());

const BADGE_MD = 'badges/atelier-numerique/badge.md';
const addToFrontMatter = (root: string, line: string) => {
	const file = path.join(root, BADGE_MD);
	writeFileSync(file, readFileSync(file, 'utf8').replace('validity: P2Y', `validity: P2Y\n${line}`));
};

describe('npm run claim-code', () => {
	it('prints the claimCode line: the code hashed with the badge, which the content accepts', async () => {
		site = tempSite();
		const io = captureIo();
		expect(await runClaimCode(['atelier-numerique', 'VELO-2026-K7M2', '--root', site.root], io)).toBe(0);
		const hash = hashIdentity('VELO2026K7M2', 'blason-claim:atelier-numerique');
		expect(io.stdout().split('\n')).toEqual([
			'Ajoutez cette ligne dans badges/atelier-numerique/badge.md, entre les deux lignes --- / add this line to its front matter:',
			'',
			`claimCode: "${hash}"`,
			'',
			"Le code devient public dès qu'il est utilisé dans une demande : retirez cette ligne après l'événement. / The code is public once used in a request: remove the line after the event.",
		]);
		// The same code typed on a phone, another badge's hash, and the wrong code.
		expect(claimCodeMatches(' velo 2026 k7m2', 'atelier-numerique', hash)).toBe(true);
		expect(claimCodeHash('VELO-2026-K7M2', 'engagement-citoyen')).not.toBe(hash);
		expect(claimCodeMatches('VELO-2026-K7M3', 'atelier-numerique', hash)).toBe(false);

		addToFrontMatter(site.root, `claimCode: "${hash}"`);
		const loaded = await loadSite(site.root);
		expect(loaded.problems).toEqual([]);
		expect(loaded.site!.badges.get('atelier-numerique')!.claimCode).toBe(hash);
	});

	it('draws a code when none is given', async () => {
		site = tempSite();
		const io = captureIo();
		expect(await runClaimCode(['atelier-numerique', '--root', site.root], io)).toBe(0);
		const code = /^Code : ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}) {3}\(/.exec(io.stdout())?.[1];
		expect(code).toBeDefined();
		expect(code).not.toMatch(/[ILOU]/);
		expect(io.stdout()).toContain(`claimCode: "${claimCodeHash(code!, 'atelier-numerique')}"`);
	});

	it('refuses an unknown badge, a short code and a missing badge', async () => {
		site = tempSite();
		const io = captureIo();
		expect(await runClaimCode(['atelier-numeriqe', 'VELO-2026-K7M2', '--root', site.root], io)).toBe(1);
		expect(io.stderr()).toBe('✗ there is no badge "atelier-numeriqe" (no badges/atelier-numeriqe/badge.md) — did you mean "atelier-numerique"?');
		const short = captureIo();
		expect(await runClaimCode(['atelier-numerique', 'VELO-26', '--root', site.root], short)).toBe(1);
		expect(short.stderr()).toMatch(/^✗ a claim code needs at least 8 letters or digits/);
		const none = captureIo();
		expect(await runClaimCode(['--root', site.root], none)).toBe(2);
	});

	it('check refuses a claimCode that is not a hash (the code itself pasted by mistake)', async () => {
		site = tempSite();
		addToFrontMatter(site.root, 'claimCode: VELO-2026-K7M2');
		const loaded = await loadSite(site.root);
		expect(loaded.problems.map((p) => `${p.file} ${p.field}`)).toEqual([`${BADGE_MD} claimCode`]);
	});
});
