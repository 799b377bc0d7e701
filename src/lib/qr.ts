/**
 * QR codes as SVG, made at build time (no script, no image service): one path of dark runs on a
 * white background with the standard four-module quiet zone, so that it prints sharply at any
 * size. Error correction M survives a crease or a smudge on a printed poster.
 */
import QRCode from 'qrcode';
import { escapeHtml } from './markdown.ts';

const QUIET = 4;

/**
 * The code for `text`, as an inline SVG image named `label`. With `id`, its path gets that id, so
 * that `qrSvgCopy` can draw it again elsewhere on the page for a few bytes.
 */
/** `attrs`: more attributes for the <svg> element (the language switcher's markers). */
export function qrSvg(text: string, label: string, id?: string, attrs: Attributes = {}): string {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const size = modules.size;
	// One rectangle per horizontal run of dark modules: about half the bytes of one per module.
	let d = '';
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			if (!modules.get(y, x)) continue;
			let run = 1;
			while (x + run < size && modules.get(y, x + run)) run++;
			d += `M${x + QUIET} ${y + QUIET}h${run}v1h-${run}z`;
			x += run - 1;
		}
	}
	return `${open(size + QUIET * 2, label, attrs)}<path${id ? ` id="${escapeHtml(id)}"` : ''} fill="#000" d="${d}"/></svg>`;
}

/** The code drawn by `qrSvg(text, …, id)` on the same page, again, by reference (`<use>`). */
export function qrSvgCopy(text: string, label: string, id: string, attrs: Attributes = {}): string {
	const total = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size + QUIET * 2;
	return `${open(total, label, attrs)}<use href="#${escapeHtml(id)}"/></svg>`;
}

type Attributes = Readonly<Record<string, string>>;
const open = (total: number, label: string, attrs: Attributes) =>
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" role="img" aria-label="${escapeHtml(label)}"${Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('')} shape-rendering="crispEdges">` +
	`<rect width="${total}" height="${total}" fill="#fff"/>`;
