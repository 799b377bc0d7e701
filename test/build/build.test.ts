import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEmail } from '../../src/lib/identity.ts';
import { fixture, projectRoot } from '../helpers.ts';
import { checkBuiltSite, listFiles } from './site-check.ts';

const run = promisify(execFile);
const build = (root: string, out: string) =>
	run(process.execPath, ['scripts/build.ts', '--root', root, '--out', out], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });

describe('npm run build on the basic fixture', () => {
	const tmp = mkdtempSync(path.join(tmpdir(), 'blason-build-'));
	const out = path.join(tmp, 'site');
	let stdout = '';
	beforeAll(async () => {
		({ stdout } = await build(fixture('basic'), out));
	});
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	it('publishes conforming OB 2.0 documents, each at its own id, with baked images', async () => {
		const { awards } = await checkBuiltSite(out, 'https://fixture.example.org/badges/');
		expect(awards.sort()).toEqual(['a1b2c3d4e5f6', 'k7m2x9qd4p1h', 'zz9yy8xx7ww6']);
	});

	it('writes exactly the permanent URL scheme', () => {
		const files = listFiles(out).filter((f) => !f.startsWith('_astro/'));
		expect(files).toEqual([
			'.well-known/jwks.json',
			'404.html',
			'audit/feed.xml',
			'audit/index.html',
			...['a1b2c3d4e5f6', 'k7m2x9qd4p1h', 'zz9yy8xx7ww6'].flatMap((id) =>
				['assertion.json', 'assertion.jws', id === 'a1b2c3d4e5f6' ? 'badge.svg' : 'badge.png', 'credential.json', 'credential.jwt', 'index.html'].map((f) => `awards/${id}/${f}`),
			),
			'badges/atelier-numerique/achievement.json',
			'badges/atelier-numerique/badgeclass.json',
			'badges/atelier-numerique/image.png',
			'badges/atelier-numerique/index.html',
			'badges/atelier-numerique/request/index.html',
			'badges/atelier-numerique/social.png',
			// The fixture's Atelier numérique badge is translated (badge.md translations).
			'badges/atelier-numerique/translations.json',
			'badges/engagement-citoyen/achievement.json',
			'badges/engagement-citoyen/badgeclass.json',
			'badges/engagement-citoyen/image.svg',
			'badges/engagement-citoyen/index.html',
			'badges/engagement-citoyen/request/index.html',
			'badges/engagement-citoyen/social.png',
			'did.json',
			'i18n/en.json',
			'i18n/fr.json',
			'i18n/nl.json',
			'index.html',
			'issuer/index.html',
			'issuer/logo.svg',
			'issuer/profile.json',
			'issuer/revocations.json',
			'keys/dev/cryptographic-key.json',
			'keys/dev/jwk.json',
			'schemas/badge.schema.json',
			'schemas/issuer.schema.json',
			'schemas/keys.schema.json',
			'schemas/recipient.schema.json',
			'status/revocation.json',
			'verify/index.html',
		]);
	});

	it('emits the exact hosted assertion', () => {
		const a = JSON.parse(readFileSync(path.join(out, 'awards/k7m2x9qd4p1h/assertion.json'), 'utf8'));
		expect(a).toEqual({
			'@context': 'https://w3id.org/openbadges/v2',
			type: 'Assertion',
			id: 'https://fixture.example.org/badges/awards/k7m2x9qd4p1h/assertion.json',
			recipient: { type: 'email', hashed: true, salt: 'deadseasalt', identity: hashEmail('lea.martin@example.org', 'deadseasalt') },
			badge: 'https://fixture.example.org/badges/badges/atelier-numerique/badgeclass.json',
			verification: { type: 'hosted' },
			issuedOn: '2026-03-14T00:00:00Z',
			expires: '2028-03-14T00:00:00Z',
			image: 'https://fixture.example.org/badges/awards/k7m2x9qd4p1h/badge.png',
			narrative: 'Léa a animé la séance sur les mots de passe.',
			evidence: [{ id: 'https://fixture.example.org/galerie/atelier', type: 'Evidence', name: "Photos de l'atelier" }],
		});
		const b = JSON.parse(readFileSync(path.join(out, 'badges/atelier-numerique/badgeclass.json'), 'utf8'));
		expect(b.alignment).toEqual([{ targetName: 'Gérer des données', targetUrl: 'https://example.org/digcomp/1.3', targetFramework: 'DigComp 2.2', targetCode: '1.3' }]);
		expect(b.criteria).toEqual({ id: 'https://fixture.example.org/badges/badges/atelier-numerique/', narrative: 'Avoir participé à **trois** séances.' });
	});

	it('shows names only with consent, and expiry in words', () => {
		const lea = readFileSync(path.join(out, 'awards/k7m2x9qd4p1h/index.html'), 'utf8');
		expect(lea).toContain('Léa Martin');
		expect(lea).toContain('Badge valide');
		expect(lea).toContain('<html lang="fr"');
		const anonymous = readFileSync(path.join(out, 'awards/zz9yy8xx7ww6/index.html'), 'utf8');
		expect(anonymous).toContain('une personne dont l’identité est protégée');
		expect(anonymous).toContain('Badge expiré');
		expect(anonymous).toContain('1 mai 2024');
	});

	it('never publishes an e-mail address other than the issuer’s', () => {
		for (const f of listFiles(out)) {
			const text = readFileSync(path.join(out, f), 'latin1');
			const found = text.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g) ?? [];
			// The issuer's public address, and the example in the published issuer schema.
			const allowed = ['contact@fixture.example.org', 'contact@association.example'];
			expect(found.filter((m) => !allowed.includes(m)), f).toEqual([]);
		}
	});

	it('ends with a summary of awards, files, size and time', () => {
		expect(stdout).toMatch(/✓ 3 awards, \d+ files, [\d.]+ KiB \([\d.]+ KiB per award\) in [\d.]+ s/);
	});

	it('is byte-for-byte reproducible', async () => {
		const again = path.join(tmp, 'again');
		await build(fixture('basic'), again);
		const files = listFiles(out);
		expect(listFiles(again)).toEqual(files);
		for (const f of files) expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(out, f))), f).toBe(true);
	});

	it('writes nothing when the content has errors', async () => {
		const target = path.join(tmp, 'broken');
		const err = await build(fixture('broken', 'references'), target).catch((e: { code: number; stderr: string }) => e);
		expect(err).toMatchObject({ code: 1 });
		expect((err as { stderr: string }).stderr).toContain('unknown badge "engagment-citoyen"');
		expect(existsSync(target)).toBe(false);
		expect(existsSync(`${target}.partial`)).toBe(false);
	});
});
