import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { embedSnippet, linkedInAddToProfileUrl, linkedInShareUrl, mailtoUrl, renderSocialImage, socialImageSvg } from '../../src/lib/social/index.ts';
import { fixture } from '../helpers.ts';

describe('LinkedIn, e-mail and embed links', () => {
	it('fills in LinkedIn’s add-to-profile form, with the organisation’s page id when there is one', () => {
		const certification = {
			name: 'Engagement citoyen & solidaire',
			organizationName: 'Passerelles Jeunesse',
			issuedOn: '2025-12-31T23:30:00Z',
			expires: '2027-12-31T23:30:00Z',
			certUrl: 'https://asso.github.io/badges/awards/k7m2x9qd4p1h/',
			certId: 'k7m2x9qd4p1h',
		};
		expect(linkedInAddToProfileUrl(certification)).toBe(
			'https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Engagement%20citoyen%20%26%20solidaire&organizationName=Passerelles%20Jeunesse' +
				'&issueYear=2025&issueMonth=12&expirationYear=2027&expirationMonth=12&certUrl=https%3A%2F%2Fasso.github.io%2Fbadges%2Fawards%2Fk7m2x9qd4p1h%2F&certId=k7m2x9qd4p1h',
		);
		const { expires: _, ...noExpiry } = certification;
		expect(linkedInAddToProfileUrl({ ...noExpiry, organizationId: '1234567' })).toBe(
			'https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Engagement%20citoyen%20%26%20solidaire&organizationId=1234567' +
				'&issueYear=2025&issueMonth=12&certUrl=https%3A%2F%2Fasso.github.io%2Fbadges%2Fawards%2Fk7m2x9qd4p1h%2F&certId=k7m2x9qd4p1h',
		);
	});

	it('shares by LinkedIn and e-mail with percent-encoding (no "+" for spaces, CRLF line breaks)', () => {
		expect(linkedInShareUrl('https://asso.org/awards/x/')).toBe('https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fasso.org%2Fawards%2Fx%2F');
		expect(mailtoUrl('Badge « A+B »', 'Voici :\nhttps://asso.org/')).toBe('mailto:?subject=Badge%20%C2%AB%20A%2BB%20%C2%BB&body=Voici%20%3A%0D%0Ahttps%3A%2F%2Fasso.org%2F');
	});

	it('escapes the embed snippet’s attributes', () => {
		expect(embedSnippet({ pageUrl: 'https://asso.org/awards/x/', imageUrl: 'https://asso.org/awards/x/badge.svg', alt: 'Badge « "Tom & <Jerry>" »' })).toBe(
			'<a href="https://asso.org/awards/x/"><img src="https://asso.org/awards/x/badge.svg" alt="Badge « &quot;Tom &amp; &lt;Jerry&gt;&quot; »" width="150" height="150"></a>',
		);
	});
});

describe('social preview image', () => {
	const artwork = { format: 'png' as const, bytes: readFileSync(fixture('basic', 'badges/atelier-numerique/image.png')) };

	it('is a 1200×630 PNG on the primary colour, the same bytes every time', () => {
		const input = { title: 'Atelier numérique', subtitle: 'Délivré par Association Fixture', artwork, background: '#1f5f8b' };
		const png = renderSocialImage(input);
		expect(Buffer.from(renderSocialImage(input)).equals(Buffer.from(png))).toBe(true);
		const decoded = PNG.sync.read(Buffer.from(png));
		expect([decoded.width, decoded.height]).toEqual([1200, 630]);
		expect([...decoded.data.subarray(0, 4)]).toEqual([0x1f, 0x5f, 0x8b, 0xff]);
	});

	it('refuses to draw without its fonts (resvg would silently leave the text out)', () => {
		expect(() => renderSocialImage({ title: 'A', subtitle: 'B', artwork, background: '#1f5f8b' }, '/nowhere')).toThrow(
			'the fonts of the social preview images are missing: /nowhere/DejaVuSans.ttf, /nowhere/DejaVuSans-Bold.ttf (see src/lib/social/fonts/README.md)',
		);
	});

	it('wraps a long name on at most four lines, and cuts a longer one with "…"; the text colour contrasts with the background', () => {
		const tspans = (svg: string) => [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
		const long = socialImageSvg({ title: 'Engagement citoyen et solidarité internationale dans le quartier', subtitle: 'Délivré par Passerelles Jeunesse', artwork, background: '#f5c400' });
		expect(tspans(long).slice(0, -1).join(' ')).toBe('Engagement citoyen et solidarité internationale dans le quartier');
		expect(long).toContain('fill="#111111"');
		const words = Array.from({ length: 40 }, (_, i) => `mot${i}`).join(' ');
		const cut = tspans(socialImageSvg({ title: words, subtitle: 'Délivré par X', artwork, background: '#1f5f8b' }));
		expect(cut).toHaveLength(5);
		expect(cut[3]).toMatch(/^mot\d+( mot\d+)*…$/);
	});
});

describe('issuer.yaml linkedinOrganizationId', () => {
	const roots: string[] = [];
	afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
	const withLine = (line: string) => {
		const root = mkdtempSync(path.join(tmpdir(), 'blason-linkedin-'));
		roots.push(root);
		cpSync(fixture('basic'), root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.blason`) });
		appendFileSync(path.join(root, 'issuer.yaml'), `${line}\n`);
		return loadSite(root, { now: new Date('2026-11-22T12:00:00Z') });
	};

	it('is loaded as digits in quotes', async () => {
		const { site, problems } = await withLine('linkedinOrganizationId: "1234567"');
		expect(problems).toEqual([]);
		expect(site?.issuer.linkedinOrganizationId).toBe('1234567');
	});

	it('refuses a bare number and anything but digits, saying what to write', async () => {
		const number = await withLine('linkedinOrganizationId: 1234567');
		expect(number.problems.map(formatProblem)).toEqual([
			'issuer.yaml:13 linkedinOrganizationId: must be text, not a number (1234567) — wrap the value in quotes so it is read as text: "1234567"',
		]);
		const url = await withLine('linkedinOrganizationId: https://www.linkedin.com/company/passerelles');
		expect(url.problems.map((p) => `${p.code} ${p.message}`)).toEqual(['ERR_SCHEMA_VALUE "https://www.linkedin.com/company/passerelles" is not in the expected form']);
		expect(url.problems[0]!.hint).toContain('https://www.linkedin.com/company/<number>/admin/');
	});
});
