import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bakeSvg, extractSvg } from '../../src/lib/baking/svg.ts';
import { fixture, unbakeIndependently } from '../helpers.ts';

const artwork = readFileSync(fixture('basic/badges/engagement-citoyen/image.svg'), 'utf8');
const url = 'https://asso.example.org/badges/awards/k7m2x9qd4p1h/assertion.json';
const assertion = `{\n  "type": "Assertion",\n  "narrative": "Léa & co <3"\n}`;

describe('SVG baking', () => {
	const baked = bakeSvg(artwork, assertion, url);

	it('is unbaked by openbadges-bakery to the exact same text', async () => {
		expect(await unbakeIndependently(Buffer.from(baked))).toBe(assertion);
		expect(extractSvg(baked)).toBe(assertion);
	});

	it('puts the namespace on <svg> and the assertion directly after it, keeping the rest', () => {
		const open = /<svg\b[^>]*>/.exec(baked)!;
		expect(open[0]).toContain('xmlns:openbadges="http://openbadges.org"');
		expect(baked.slice(open.index + open[0].length)).toMatch(
			new RegExp(`^<openbadges:assertion verify="${url.replace(/[.]/g, '\\.')}"><!\\[CDATA\\[`),
		);
		const stripped = baked.replace(/<openbadges:assertion[\s\S]*?<\/openbadges:assertion>/, '').replace(' xmlns:openbadges="http://openbadges.org"', '');
		expect(stripped).toBe(artwork);
	});

	it('is byte-stable and replaces an earlier assertion', () => {
		expect(bakeSvg(artwork, assertion, url)).toBe(baked);
		expect(bakeSvg(baked, assertion, url)).toBe(baked);
		expect(bakeSvg(baked, '{"b":2}', url).match(/<openbadges:assertion/g)).toHaveLength(1);
	});

	it('keeps text containing "]]>" intact', async () => {
		const tricky = '{"narrative":"a ]]> b"}';
		const out = bakeSvg(artwork, tricky, url);
		expect(extractSvg(out)).toBe(tricky);
		expect(await unbakeIndependently(Buffer.from(out))).toContain('a ]]');
	});
});
