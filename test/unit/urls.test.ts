import { describe, expect, it } from 'vitest';
import { basePath, paths, siteUrls } from '../../src/lib/urls.ts';

// These strings are published in every badge ever issued. If this test fails, you are about to
// break existing badges: add a new path instead of changing one (see README "Permanent URLs").
describe('permanent URL scheme', () => {
	it('is frozen', () => {
		expect({
			home: paths.home(),
			issuerPage: paths.issuerPage(),
			issuerProfile: paths.issuerProfile(),
			issuerImage: paths.issuerImage('svg'),
			badgePage: paths.badgePage('engagement-citoyen'),
			badgeClass: paths.badgeClass('engagement-citoyen'),
			badgeImage: paths.badgeImage('engagement-citoyen', 'png'),
			awardsRoot: paths.awardsRoot(),
			awardPage: paths.awardPage('k7m2x9qd4p1h'),
			assertion: paths.assertion('k7m2x9qd4p1h'),
			bakedImage: paths.bakedImage('k7m2x9qd4p1h', 'png'),
			schema: paths.schema('recipient'),
			achievement: paths.achievement('engagement-citoyen'),
			signedAssertion: paths.signedAssertion('k7m2x9qd4p1h'),
			credential: paths.credential('k7m2x9qd4p1h'),
			credentialJwt: paths.credentialJwt('k7m2x9qd4p1h'),
			revocationList: paths.revocationList(),
			statusList: paths.statusList(),
			keyJwk: paths.keyJwk('2026-11-23'),
			cryptographicKey: paths.cryptographicKey('2026-11-23'),
			jwks: paths.jwks(),
			didDocumentRoot: paths.didDocument(true),
			didDocumentPath: paths.didDocument(false),
			audit: paths.audit(),
			auditFeed: paths.auditFeed(),
			badgeRequest: paths.badgeRequest('engagement-citoyen'),
			socialImage: paths.socialImage('engagement-citoyen'),
			portfolio: paths.portfolio('lea-m'),
			verifyPage: paths.verifyPage(),
			uiStrings: paths.uiStrings('nl'),
			badgeTranslations: paths.badgeTranslations('engagement-citoyen'),
		}).toEqual({
			home: '',
			issuerPage: 'issuer/',
			issuerProfile: 'issuer/profile.json',
			issuerImage: 'issuer/logo.svg',
			badgePage: 'badges/engagement-citoyen/',
			badgeClass: 'badges/engagement-citoyen/badgeclass.json',
			badgeImage: 'badges/engagement-citoyen/image.png',
			awardsRoot: 'awards/',
			awardPage: 'awards/k7m2x9qd4p1h/',
			assertion: 'awards/k7m2x9qd4p1h/assertion.json',
			bakedImage: 'awards/k7m2x9qd4p1h/badge.png',
			schema: 'schemas/recipient.schema.json',
			achievement: 'badges/engagement-citoyen/achievement.json',
			signedAssertion: 'awards/k7m2x9qd4p1h/assertion.jws',
			credential: 'awards/k7m2x9qd4p1h/credential.json',
			credentialJwt: 'awards/k7m2x9qd4p1h/credential.jwt',
			revocationList: 'issuer/revocations.json',
			statusList: 'status/revocation.json',
			keyJwk: 'keys/2026-11-23/jwk.json',
			cryptographicKey: 'keys/2026-11-23/cryptographic-key.json',
			jwks: '.well-known/jwks.json',
			didDocumentRoot: '.well-known/did.json',
			didDocumentPath: 'did.json',
			audit: 'audit/',
			auditFeed: 'audit/feed.xml',
			badgeRequest: 'badges/engagement-citoyen/request/',
			socialImage: 'badges/engagement-citoyen/social.png',
			portfolio: 'recipients/lea-m/',
			verifyPage: 'verify/',
			uiStrings: 'i18n/nl.json',
			badgeTranslations: 'badges/engagement-citoyen/translations.json',
		});
		expect(Object.keys(paths)).toHaveLength(30);
	});

	it('respects the base path of a GitHub Pages project site', () => {
		const url = siteUrls('https://asso.github.io/badges/');
		expect(url.assertion('k7m2x9qd4p1h')).toBe('https://asso.github.io/badges/awards/k7m2x9qd4p1h/assertion.json');
		expect(url.home()).toBe('https://asso.github.io/badges/');
		expect(basePath('https://asso.github.io/badges/')).toBe('/badges/');
		expect(basePath('https://badges.asso.fr/')).toBe('/');
	});

	it('refuses a site URL without its final slash', () => {
		expect(() => siteUrls('https://asso.github.io/badges')).toThrow(/must end with/);
	});
});
