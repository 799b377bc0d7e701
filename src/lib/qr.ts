/**
 * QR codes as SVG, made at build time (no script, no image service): one path of unit squares
 * on a white background with the standard four-module quiet zone, so that it prints sharply at
 * any size. Error correction M survives a crease or a smudge on a printed poster.
 */
import QRCode from 'qrcode';
import { escapeHtml } from './markdown.ts';

export function qrSvg(text: string, label: string): string {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const size = modules.size;
	const quiet = 4;
	const total = size + quiet * 2;
	let d = '';
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			if (modules.get(y, x)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
		}
	}
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" role="img" aria-label="${escapeHtml(label)}" shape-rendering="crispEdges">` +
		`<rect width="${total}" height="${total}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
	);
}
