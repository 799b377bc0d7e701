/**
 * The social preview of a badge (`badges/<slug>/social.png`, the Open Graph and Twitter image):
 * 1200×630, drawn at build time from an SVG template and rasterised by resvg, with the badge
 * artwork, its name, its issuer and the site's primary colour. Only the bundled fonts are used
 * (src/lib/social/fonts/README.md) and resvg never fetches anything, so the same content always
 * gives the same bytes, offline.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import resvgPackage from '@resvg/resvg-js/package.json' with { type: 'json' };
import { textOn } from '../colour.ts';
import { escapeHtml } from '../markdown.ts';
import { writeFileAtomicSync } from '../write-file-atomic.ts';

/** The size Open Graph consumers (LinkedIn, Facebook, Mastodon…) show best: 1.91:1. */
export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export interface SocialImageInput {
	/** The badge's name, the large text (wrapped on up to 4 lines, smaller when long). */
	title: string;
	/** One line under it, such as "Délivré par Passerelles Jeunesse" (up to 2 lines). */
	subtitle: string;
	/** The badge artwork as authored, embedded as a data URI. */
	artwork: { format: 'png' | 'svg'; bytes: Uint8Array };
	/** Background, as #rrggbb (the issuer's primaryColor); text is black or white for contrast. */
	background: string;
}

const FAMILY = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/**
 * The folder of the bundled fonts, beside this module. Astro bundles page modules into another
 * folder, where this path means nothing: `npm run build` hands the pages the one it computed in
 * plain Node (BuildHandoff.socialFontDir), and the pages pass it on.
 */
export const SOCIAL_FONT_DIR = fileURLToPath(new URL('./fonts/', import.meta.url));

const optionsByDir = new Map<string, ResvgRenderOptions>();
function resvgOptions(fontDir: string): ResvgRenderOptions {
	let options = optionsByDir.get(fontDir);
	if (!options) {
		const fontFiles = FONT_FILES.map((f) => path.join(fontDir, f));
		// resvg draws no text at all with a missing font: refuse rather than publish a blank preview.
		const missing = fontFiles.filter((f) => !existsSync(f));
		if (missing.length > 0) throw new Error(`the fonts of the social preview images are missing: ${missing.join(', ')} (see src/lib/social/fonts/README.md)`);
		options = { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: FAMILY, sansSerifFamily: FAMILY }, logLevel: 'off' };
		optionsByDir.set(fontDir, options);
	}
	return options;
}

const TEXT_X = 580;
const TEXT_WIDTH = 540;

/**
 * The SVG the PNG is rendered from.
 *
 * @example
 * socialImageSvg({ title: 'Engagement citoyen', subtitle: 'Délivré par Passerelles Jeunesse',
 *   artwork: badge.image, background: issuer.primaryColor })
 */
export function socialImageSvg(input: SocialImageInput, fontDir = SOCIAL_FONT_DIR): string {
	const { width, height } = SOCIAL_IMAGE_SIZE;
	const ink = textOn(input.background);
	const options = resvgOptions(fontDir);
	const title = fitText(input.title, [64, 56, 50, 44, 38, 34], true, 4, options);
	const subtitle = fitText(input.subtitle, [32, 28, 24], false, 2, options);
	const titleLead = title.size * 1.18;
	const subtitleLead = subtitle.size * 1.3;
	const gap = 36;
	const blockHeight = title.lines.length * titleLead + gap + subtitle.lines.length * subtitleLead;
	// Baselines: the block is centred vertically; a line's baseline sits about 0.8 em below its top.
	let y = (height - blockHeight) / 2 + title.size * 0.85;
	const tspans = (lines: string[], lead: number, start: number) =>
		lines.map((line, i) => `<tspan x="${TEXT_X}" y="${round(start + i * lead)}">${escapeHtml(line)}</tspan>`).join('');
	const titleText = `<text font-family="${FAMILY}" font-weight="700" font-size="${title.size}" fill="${ink}">${tspans(title.lines, titleLead, y)}</text>`;
	y += (title.lines.length - 1) * titleLead + gap + subtitle.size * 1.05;
	const subtitleText = `<text font-family="${FAMILY}" font-size="${subtitle.size}" fill="${ink}" fill-opacity="0.92">${tspans(subtitle.lines, subtitleLead, y)}</text>`;
	const mime = input.artwork.format === 'png' ? 'image/png' : 'image/svg+xml';
	const artwork = `data:${mime};base64,${Buffer.from(input.artwork.bytes).toString('base64')}`;
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<rect width="${width}" height="${height}" fill="${input.background}"/>` +
		`<rect x="80" y="95" width="440" height="440" rx="40" fill="#ffffff"/>` +
		`<image x="110" y="125" width="380" height="380" preserveAspectRatio="xMidYMid meet" href="${artwork}"/>` +
		titleText +
		subtitleText +
		`</svg>`
	);
}

/**
 * The PNG bytes of the social preview, 1200×630; `fontDir` only where this module was moved (see
 * SOCIAL_FONT_DIR). With a `cacheDir`, an image already drawn from the same input, fonts and
 * renderer is read back: drawing one takes about 50 ms, which every rebuild would pay per badge.
 */
export function renderSocialImage(input: SocialImageInput, fontDir = SOCIAL_FONT_DIR, cacheDir?: string): Uint8Array {
	const draw = () => new Uint8Array(new Resvg(socialImageSvg(input, fontDir), resvgOptions(fontDir)).render().asPng());
	if (!cacheDir) return draw();
	const key = createHash('sha256')
		.update(JSON.stringify({ ...input, artwork: input.artwork.format, renderer: RENDERER, fonts: FONT_FILES.map((f) => statSync(path.join(fontDir, f)).size) }))
		.update(input.artwork.bytes)
		.digest('hex');
	const file = path.join(cacheDir, `social-${key}.png`);
	try {
		return new Uint8Array(readFileSync(file));
	} catch {
		const png = draw();
		mkdirSync(cacheDir, { recursive: true });
		writeFileAtomicSync(file, png);
		return png;
	}
}

const RENDERER = resvgPackage.version;

const round = (n: number) => Math.round(n * 10) / 10;

// SVG has no line wrapping: each candidate line is measured by laying it out with resvg itself,
// with the same fonts, so lines never overflow whatever the letters.
const widths = new Map<string, number>();
function measure(text: string, size: number, bold: boolean, options: ResvgRenderOptions): number {
	const key = `${size}${bold ? 'b' : ''} ${text}`;
	let w = widths.get(key);
	if (w === undefined) {
		const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="${size * 2}"><text x="0" y="${size * 1.5}" font-family="${FAMILY}"${bold ? ' font-weight="700"' : ''} font-size="${size}">${escapeHtml(text)}</text></svg>`;
		const box = new Resvg(probe, options).getBBox();
		w = box ? box.x + box.width : 0;
		widths.set(key, w);
	}
	return w;
}

/** The largest of `sizes` at which `text` wraps into `maxLines` lines, or the smallest, cut with "…". */
function fitText(text: string, sizes: readonly number[], bold: boolean, maxLines: number, options: ResvgRenderOptions): { size: number; lines: string[] } {
	const words = text.trim().split(/\s+/).filter(Boolean);
	for (const size of sizes) {
		const lines = wrap(words, (s) => measure(s, size, bold, options) <= TEXT_WIDTH);
		if (lines && lines.length <= maxLines) return { size, lines };
	}
	const size = sizes.at(-1)!;
	return { size, lines: cut(words, (s) => measure(s, size, bold, options) <= TEXT_WIDTH, maxLines) };
}

/** Greedy word wrap; undefined if one word alone is too wide. */
function wrap(words: readonly string[], fits: (line: string) => boolean): string[] | undefined {
	const lines: string[] = [];
	let current = '';
	for (const word of words) {
		const candidate = current ? `${current} ${word}` : word;
		if (fits(candidate)) current = candidate;
		else if (!current || !fits(word)) return undefined;
		else {
			lines.push(current);
			current = word;
		}
	}
	if (current) lines.push(current);
	return lines;
}

/**
 * The last resort for a text too long at the smallest size: words too wide for a line are broken,
 * and the text is cut after `maxLines` lines, at a word if possible, ending with "…".
 */
function cut(words: readonly string[], fits: (line: string) => boolean, maxLines: number): string[] {
	const pieces = words.flatMap((word) => (fits(word) ? [word] : breakWord(word, fits)));
	const lines = wrap(pieces, fits) ?? pieces;
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept.pop()!;
	while (last && !fits(`${last}…`)) {
		const space = last.lastIndexOf(' ');
		last = space > 0 ? last.slice(0, space) : [...last].slice(0, -1).join('');
	}
	kept.push(`${last.replace(/[\s,;:.–—-]+$/u, '')}…`);
	return kept;
}

function breakWord(word: string, fits: (line: string) => boolean): string[] {
	const pieces: string[] = [];
	let current = '';
	for (const char of word) {
		if (current && !fits(current + char)) {
			pieces.push(current);
			current = '';
		}
		current += char;
	}
	return current ? [...pieces, current] : pieces;
}
