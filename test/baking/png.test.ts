import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bakePng, extractPng } from '../../src/lib/baking/png.ts';
import { fixture, readBytes, sharedSpec, unbakeIndependently } from '../helpers.ts';

const artwork = readBytes(fixture('basic/badges/atelier-numerique/image.png'));
const assertion = '{\n  "@context": "https://w3id.org/openbadges/v2",\n  "narrative": "Léa a animé l’atelier — ✓"\n}\n';

/** Chunk list parsed here, independently of src/lib, with CRCs checked by node:zlib. */
function chunks(png: Uint8Array) {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const out: { type: string; bytes: Uint8Array; data: Uint8Array }[] = [];
	for (let pos = 8; pos < png.length; ) {
		const len = view.getUint32(pos);
		const type = Buffer.from(png.subarray(pos + 4, pos + 8)).toString('latin1');
		const data = png.subarray(pos + 8, pos + 8 + len);
		expect(zlibCrc32(Buffer.from(png.subarray(pos + 4, pos + 8 + len))), `CRC of ${type}`).toBe(view.getUint32(pos + 8 + len));
		out.push({ type, data, bytes: png.subarray(pos, pos + 12 + len) });
		pos += 12 + len;
	}
	return out;
}

describe('PNG baking', () => {
	const baked = bakePng(artwork, assertion);

	it('is unbaked by openbadges-bakery to the exact same text', async () => {
		expect(await unbakeIndependently(baked)).toBe(assertion);
		expect(extractPng(baked)).toBe(assertion);
	});

	it('adds one uncompressed iTXt chunk and copies every artwork chunk byte for byte', () => {
		const before = chunks(artwork);
		const after = chunks(baked);
		const itxt = after.filter((c) => c.type === 'iTXt');
		expect(itxt).toHaveLength(1);
		const expectedData = Buffer.concat([Buffer.from('openbadges\0\0\0\0\0', 'latin1'), Buffer.from(assertion, 'utf8')]);
		expect(Buffer.from(itxt[0]!.data).equals(expectedData)).toBe(true);
		expect(after.filter((c) => c.type !== 'iTXt').map((c) => Buffer.from(c.bytes))).toEqual(before.map((c) => Buffer.from(c.bytes)));
		expect(after[1]!.type).toBe('iTXt'); // right after IHDR
		expect(Buffer.from(baked.subarray(0, 8)).equals(Buffer.from(artwork.subarray(0, 8)))).toBe(true);
		expect(baked.length).toBe(artwork.length + 12 + expectedData.length);
	});

	it('is byte-stable and never duplicates the chunk when baking again', () => {
		expect(Buffer.from(bakePng(artwork, assertion)).equals(Buffer.from(baked))).toBe(true);
		const rebaked = bakePng(baked, assertion);
		expect(Buffer.from(rebaked).equals(Buffer.from(baked))).toBe(true);
		const other = bakePng(baked, '{"other":true}');
		expect(chunks(other).filter((c) => c.type === 'iTXt')).toHaveLength(1);
		expect(extractPng(other)).toBe('{"other":true}');
	});

	it('reads the 1EdTech validator’s baked OB 2.0 sample like openbadges-bakery does', async () => {
		const sample = readBytes(`${sharedSpec}/data/samples/ob2/validator/simple-badge.png`);
		const text = extractPng(sample);
		expect(text).toBe(await unbakeIndependently(sample));
		expect(JSON.parse(text!).type).toBe('Assertion');
	});

	it('refuses a damaged PNG instead of writing a broken badge', () => {
		const damaged = artwork.slice();
		damaged[20] = damaged[20]! ^ 0xff; // inside IHDR: its CRC no longer matches
		expect(() => bakePng(damaged, assertion)).toThrow(/bad CRC in IHDR/);
		expect(() => bakePng(artwork.subarray(0, 40), assertion)).toThrow(/truncated/);
	});
});
