import { hasBadgeChunk, } from '../baking/png.ts';
import { isPng, PngFormatError, readPngChunks } from '../baking/png-chunks.ts';
import { isSvg } from '../baking/svg.ts';
import type { Problem } from '../problems.ts';
import type { ImageFile } from './model.ts';

/** Badge artwork is shown at 256 px and copied into every award: keep it small. */
export const MAX_IMAGE_BYTES = 512 * 1024;

/** Checks that bytes are a usable PNG or SVG image; returns the image or the problems. */
export function checkImage(
	bytes: Uint8Array,
	file: string,
	field?: string,
): { image?: ImageFile; problems: Problem[] } {
	const problem = (code: string, message: string, hint: string): { problems: Problem[] } => ({
		problems: [{ code, severity: 'error', file, ...(field ? { field } : {}), message, hint }],
	});
	if (bytes.length === 0) return problem('ERR_IMAGE_EMPTY', 'the image file is empty', 'export the artwork again as PNG or SVG');
	if (bytes.length > MAX_IMAGE_BYTES) {
		return problem(
			'ERR_IMAGE_TOO_LARGE',
			`the image is ${Math.round(bytes.length / 1024)} KB, more than the ${MAX_IMAGE_BYTES / 1024} KB allowed`,
			'badges are shown at 256×256 pixels: export at 512×512 or smaller, or optimise the file (e.g. with an online PNG/SVG optimiser)',
		);
	}
	if (file.endsWith('.png')) {
		if (!isPng(bytes)) {
			return problem('ERR_IMAGE_NOT_PNG', 'the file is named .png but is not a PNG image', `${sniff(bytes)}: export the artwork as PNG, or as SVG and name it .svg`);
		}
		try {
			readPngChunks(bytes);
			if (hasBadgeChunk(bytes)) {
				return problem('ERR_IMAGE_ALREADY_BAKED', 'this PNG is already a baked badge (it contains Open Badges data)', 'use the original artwork, not a badge downloaded from a site');
			}
		} catch (e) {
			if (!(e instanceof PngFormatError)) throw e;
			return problem('ERR_IMAGE_DAMAGED', `the PNG file is damaged: ${e.message}`, 'export the artwork again');
		}
		return { image: { file, format: 'png', bytes }, problems: [] };
	}
	if (file.endsWith('.svg')) {
		const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
		if (!isSvg(text)) return problem('ERR_IMAGE_NOT_SVG', 'the file is named .svg but is not an SVG image', `${sniff(bytes)}: export the artwork as SVG, or as PNG and name it .png`);
		if (/<openbadges:(assertion|credential)\b/.test(text)) {
			return problem('ERR_IMAGE_ALREADY_BAKED', 'this SVG is already a baked badge (it contains Open Badges data)', 'use the original artwork, not a badge downloaded from a site');
		}
		if (/<script\b/i.test(text)) {
			return problem('ERR_IMAGE_SVG_SCRIPT', 'the SVG contains a <script> element', 'badge artwork must not run code: export it again without scripts');
		}
		return { image: { file, format: 'svg', bytes }, problems: [] };
	}
	return problem('ERR_IMAGE_FORMAT', 'images must be PNG or SVG files (Open Badges allows only these)', 'convert the image to PNG or SVG');
}

function sniff(bytes: Uint8Array): string {
	const head = Array.from(bytes.subarray(0, 4));
	if (head[0] === 0xff && head[1] === 0xd8) return 'it looks like a JPEG photo';
	if (String.fromCharCode(...head) === 'GIF8') return 'it looks like a GIF image';
	if (String.fromCharCode(...head) === 'RIFF') return 'it looks like a WebP image';
	if (isPng(bytes)) return 'it is a PNG image';
	return 'its content is not recognised';
}
