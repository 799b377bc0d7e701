/**
 * Bake ↔ unbake on images baked by the 1EdTech validator's own test suite (../shared/spec,
 * EXAMPLES.md): our unbakers read them, and re-baking their text into our artwork round-trips.
 */
import { readFileSync } from 'node:fs';
import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { bakePngTexts, extractPng, OB2_PNG_KEYWORD, OB3_PNG_KEYWORD } from '../../src/lib/baking/png.ts';
import { bakeSvg, extractSvg, extractSvgCredential } from '../../src/lib/baking/svg.ts';
import { fixture, readBytes, sharedSpec, unbakeIndependently } from '../helpers.ts';

const sample = (name: string) => readBytes(`${sharedSpec}/data/samples/${name}`);
const artwork = readBytes(fixture('basic/badges/atelier-numerique/image.png'));

describe('1EdTech baked samples', () => {
	it('reads the OB 3.0 credential baked in PNG, as JSON and as a VC-JWT', () => {
		const json = JSON.parse(extractPng(sample('ob3/validator/simple-json.png'), OB3_PNG_KEYWORD)!);
		expect(json.type).toContain('OpenBadgeCredential');
		expect(json.proof).toBeDefined();
		const jwt = extractPng(sample('ob3/validator/simple-jwt.png'), OB3_PNG_KEYWORD)!;
		expect(jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
		expect(jose.decodeJwt(jwt).type).toContain('OpenBadgeCredential');
		// Neither carries an OB 2.0 chunk.
		expect(extractPng(sample('ob3/validator/simple-json.png'), OB2_PNG_KEYWORD)).toBeUndefined();
	});

	it('reads the OB 3.0 credential baked in SVG, in CDATA and in verify=""', () => {
		const json = JSON.parse(extractSvgCredential(new TextDecoder().decode(sample('ob3/validator/simple-json.svg')))!);
		expect(json.type).toContain('OpenBadgeCredential');
		const jwt = extractSvgCredential(new TextDecoder().decode(sample('ob3/validator/simple-jwt.svg')))!;
		expect(jose.decodeJwt(jwt).type).toContain('OpenBadgeCredential');
		expect(extractSvg(new TextDecoder().decode(sample('ob3/validator/simple-json.svg')))).toBeUndefined();
	});

	it('reads the OB 2.0 sample as openbadges-bakery does', async () => {
		const png = sample('ob2/validator/simple-badge.png');
		expect(extractPng(png)).toBe(await unbakeIndependently(png));
	});

	it('round-trips their texts through our baking, both generations in one image', async () => {
		const credential = extractPng(sample('ob3/validator/simple-json.png'), OB3_PNG_KEYWORD)!;
		const assertion = extractPng(sample('ob2/validator/simple-badge.png'))!;
		const png = bakePngTexts(artwork, [
			{ keyword: OB2_PNG_KEYWORD, text: assertion },
			{ keyword: OB3_PNG_KEYWORD, text: credential },
		]);
		expect(extractPng(png, OB3_PNG_KEYWORD)).toBe(credential);
		expect(await unbakeIndependently(png)).toBe(assertion);
		// Re-baking replaces both chunks instead of adding more.
		const again = bakePngTexts(png, [{ keyword: OB3_PNG_KEYWORD, text: '{}' }]);
		expect(Buffer.from(again).toString('latin1').split('openbadgecredential').length - 1).toBe(1);
		expect(extractPng(again, OB3_PNG_KEYWORD)).toBe('{}');
		expect(extractPng(again)).toBe(assertion);

		const jwt = extractSvgCredential(new TextDecoder().decode(sample('ob3/validator/simple-jwt.svg')))!;
		const svg = bakeSvg(readFileSync(fixture('basic/badges/engagement-citoyen/image.svg'), 'utf8'), assertion, 'https://example.org/a.json', jwt);
		expect(extractSvgCredential(svg)).toBe(jwt);
		expect(extractSvg(svg)).toBe(assertion);
		expect(svg).toContain(`verify="${jwt}"/>`);
	});
});
