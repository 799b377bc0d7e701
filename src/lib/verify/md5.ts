/**
 * MD5 (RFC 1321), hex. Only for reading old OB 2.0 badges whose recipient identity is `md5$…`
 * (DIGEST §1.5): WebCrypto has no MD5, and the verifier core must run in the browser too.
 * Never used to hash anything Blason publishes.
 */
import { toHex } from '../bytes.ts';

const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export function md5Hex(text: string): string {
	const input = new TextEncoder().encode(text);
	const length = ((input.length + 8) >>> 6) * 64 + 64;
	const bytes = new Uint8Array(length);
	bytes.set(input);
	bytes[input.length] = 0x80;
	const view = new DataView(bytes.buffer);
	view.setUint32(length - 8, (input.length * 8) >>> 0, true);
	view.setUint32(length - 4, Math.floor(input.length / 0x20000000), true);
	let a0 = 0x67452301;
	let b0 = 0xefcdab89;
	let c0 = 0x98badcfe;
	let d0 = 0x10325476;
	for (let block = 0; block < length; block += 64) {
		let [a, b, c, d] = [a0, b0, c0, d0];
		for (let i = 0; i < 64; i++) {
			let f: number;
			let g: number;
			if (i < 16) [f, g] = [(b & c) | (~b & d), i];
			else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
			else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
			else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
			const sum = (a + f + K[i]! + view.getUint32(block + g * 4, true)) >>> 0;
			const shift = S[(i >>> 4) * 4 + (i % 4)]!;
			[a, d, c] = [d, c, b];
			b = (b + ((sum << shift) | (sum >>> (32 - shift)))) >>> 0;
		}
		a0 = (a0 + a) >>> 0;
		b0 = (b0 + b) >>> 0;
		c0 = (c0 + c) >>> 0;
		d0 = (d0 + d) >>> 0;
	}
	const out = new DataView(new ArrayBuffer(16));
	[a0, b0, c0, d0].forEach((word, i) => out.setUint32(i * 4, word, true));
	return toHex(new Uint8Array(out.buffer));
}
