/**
 * QR codes as SVG, made at build time (no script, no image service): one path of dark runs on a
 * white background with the standard four-module quiet zone, so that it prints sharply at any
 * size. Error correction M survives a crease or a smudge on a printed poster.
 *
 * Each horizontal run of dark modules is a line one module thick, stroked along the middle of its
 * row (`M4 4.5h7`), and each run is reached from the end of the one before with a relative move
 * (`m3 0`, `m-37 1` for the next row): about half the bytes of one filled rectangle per run, for
 * the same pixels (butt caps end a line exactly at the run's edges). Award pages carry one.
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
	let d = '';
	// Where the pen stands: the end of the last run drawn (in modules, on the middle of its row).
	let pen: { x: number; y: number } | undefined;
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			if (!modules.get(y, x)) continue;
			let run = 1;
			while (x + run < size && modules.get(y, x + run)) run++;
			const left = x + QUIET;
			const row = y + QUIET;
			d += pen ? `m${left - pen.x} ${row - pen.y}h${run}` : `M${left} ${row + 0.5}h${run}`;
			pen = { x: left + run, y: row };
			x += run - 1;
		}
	}
	// The default stroke-width, 1, is one module; a path of lines has no area to fill.
	return `${open(size + QUIET * 2, label, attrs)}<path${id ? ` id="${escapeHtml(id)}"` : ''} fill="none" stroke="#000" d="${d}"/></svg>`;
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
