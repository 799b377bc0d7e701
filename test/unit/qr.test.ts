import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrSvg, qrSvgCopy } from '../../src/lib/qr.ts';

const URL = 'https://passerelles-jeunesse.github.io/badges/awards/0p6z81q3ae4j/';
const QUIET = 4;

interface Segment {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/** The lines an SVG path draws, in absolute coordinates (the commands a QR path may use). */
function segments(d: string): Segment[] {
	const tokens = d.match(/[a-zA-Z]|-?\d*\.?\d+/g) ?? [];
	const out: Segment[] = [];
	let x = 0;
	let y = 0;
	let start = { x, y };
	let command = '';
	for (let i = 0; i < tokens.length; ) {
		if (/[a-zA-Z]/.test(tokens[i]!)) command = tokens[i++]!;
		const n = () => Number(tokens[i++]);
		const line = (nx: number, ny: number) => {
			out.push({ x1: x, y1: y, x2: nx, y2: ny });
			[x, y] = [nx, ny];
		};
		switch (command) {
			case 'M': [x, y] = [n(), n()]; start = { x, y }; command = 'L'; break;
			case 'm': [x, y] = [x + n(), y + n()]; start = { x, y }; command = 'l'; break;
			case 'L': line(n(), n()); break;
			case 'l': line(x + n(), y + n()); break;
			case 'H': line(n(), y); break;
			case 'h': line(x + n(), y); break;
			case 'V': line(x, n()); break;
			case 'v': line(x, y + n()); break;
			case 'Z': case 'z': line(start.x, start.y); break;
			default: throw new Error(`unexpected path command ${command}`);
		}
	}
	return out;
}

/**
 * Rasterises a QR path stroked 1 unit wide (butt caps): a module is dark when its centre lies
 * under a line. Every line must be horizontal, on the middle of a row, from one module edge to
 * another, so that the stroke covers whole modules and nothing else.
 */
function rasterise(svg: string): boolean[][] {
	const total = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
	const path = /<path[^>]*\sd="([^"]*)"/.exec(svg)!;
	expect(path[0]).toContain('stroke="#000"');
	expect(path[0]).not.toMatch(/stroke-width="(?!1")/);
	const lines = segments(path[1]!);
	for (const s of lines) {
		expect(s.y1).toBe(s.y2);
		expect(s.y1 % 1).toBe(0.5);
		expect(Number.isInteger(s.x1) && Number.isInteger(s.x2)).toBe(true);
	}
	return Array.from({ length: total }, (_, row) =>
		Array.from({ length: total }, (_, col) =>
			lines.some((s) => Math.abs(row + 0.5 - s.y1) < 0.5 && Math.min(s.x1, s.x2) < col + 0.5 && col + 0.5 < Math.max(s.x1, s.x2)),
		),
	);
}

/** The `qrcode` library's own matrix, with the quiet zone: what the path must draw. */
function expected(text: string): boolean[][] {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const total = modules.size + QUIET * 2;
	return Array.from({ length: total }, (_, row) =>
		Array.from({ length: total }, (_, col) => {
			const [y, x] = [row - QUIET, col - QUIET];
			return y >= 0 && x >= 0 && y < modules.size && x < modules.size && Boolean(modules.get(y, x));
		}),
	);
}

describe('QR code SVG', () => {
	it.each([URL, 'https://example.org/', `https://a-long-domain-name.example.org/badges/awards/${'x'.repeat(120)}/`])('draws exactly the modules of the code for %s', (text) => {
		expect(rasterise(qrSvg(text, 'QR'))).toEqual(expected(text));
	});

	it('keeps the image accessible, crisp and reusable', () => {
		const svg = qrSvg(URL, 'Code QR « A & B »', 'award-qr', { 'data-i18n-attr': 'aria-label:.qr.label' });
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 45 45" role="img" aria-label="Code QR « A &amp; B »" data-i18n-attr="aria-label:\.qr\.label" shape-rendering="crispEdges"><rect width="45" height="45" fill="#fff"\/><path id="award-qr" /);
		const copy = qrSvgCopy(URL, 'Code QR', 'award-qr');
		expect(copy).toContain('viewBox="0 0 45 45" role="img" aria-label="Code QR"');
		expect(copy).toContain('<use href="#award-qr"/>');
	});

	// Award pages are most of a site's bytes (GitHub Pages allows 1 GB): one filled rectangle per
	// run of dark modules made this code 5.1 KB; a stroked line per run, reached by relative moves, 2.3 KB.
	it('stays small', () => {
		expect(qrSvg(URL, 'QR', 'award-qr').length).toBeLessThan(2_500);
	});
});
