import { concatBytes } from '../bytes.ts';
import { encodePngChunk, readPngChunks, type PngChunk } from './png-chunks.ts';

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Keyword of the iTXt chunk that carries an Open Badges 2.0 assertion (Baking 1.0 §PNG). */
export const OB2_PNG_KEYWORD = 'openbadges';
/** Keyword of the iTXt chunk that carries an Open Badges 3.0 credential (OB 3.0 §Baking). */
export const OB3_PNG_KEYWORD = 'openbadgecredential';

/**
 * iTXt data: keyword, NUL, compression flag 0 and method 0 (the spec forbids compression),
 * empty language tag, NUL, empty translated keyword, NUL, then the UTF-8 text.
 */
function iTXtData(keyword: string, text: string): Uint8Array {
	const head = new TextEncoder().encode(`${keyword}\0\0\0\0\0`);
	const body = new TextEncoder().encode(text);
	const data = new Uint8Array(head.length + body.length);
	data.set(head);
	data.set(body, head.length);
	return data;
}

function iTXtKeyword(chunk: PngChunk): string | undefined {
	if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt') return undefined;
	const nul = chunk.data.indexOf(0);
	return nul === -1 ? undefined : latin1.decode(chunk.data.subarray(0, nul));
}

/**
 * Bakes `text` into a PNG by chunk surgery: the artwork's own chunks are copied byte for byte,
 * any earlier chunk with the same keyword is dropped (baking twice never duplicates it),
 * and one uncompressed iTXt chunk is inserted right after IHDR, where 1EdTech's sample puts it.
 */
// One badge artwork is baked for every award: parse and CRC-check its chunks once.
const parsed = new WeakMap<Uint8Array, PngChunk[]>();

export function bakePng(png: Uint8Array, text: string, keyword = OB2_PNG_KEYWORD): Uint8Array {
	return bakePngTexts(png, [{ keyword, text }]);
}

/**
 * Bakes several texts at once, each in its own iTXt chunk right after IHDR, in the order given:
 * one PNG can carry an OB 2.0 assertion (`openbadges`) and an OB 3.0 credential
 * (`openbadgecredential`), since each reader looks for its own keyword only.
 */
export function bakePngTexts(png: Uint8Array, texts: readonly { keyword: string; text: string }[]): Uint8Array {
	let chunks = parsed.get(png);
	if (!chunks) parsed.set(png, (chunks = readPngChunks(png)));
	const replaced = new Set(texts.map((t) => t.keyword));
	const kept = chunks.filter((c) => !replaced.has(iTXtKeyword(c) ?? '\0'));
	const baked = texts.map((t) => encodePngChunk('iTXt', iTXtData(t.keyword, t.text)));
	const parts: Uint8Array[] = [png.subarray(0, 8)];
	for (const c of kept) {
		parts.push(png.subarray(c.start, c.end));
		if (c.type === 'IHDR') parts.push(...baked);
	}
	return concatBytes(parts);
}

/** The text of the first iTXt chunk with `keyword`, or undefined when the PNG is not baked. */
export function extractPng(png: Uint8Array, keyword = OB2_PNG_KEYWORD): string | undefined {
	for (const c of readPngChunks(png)) {
		if (c.type !== 'iTXt' || iTXtKeyword(c) !== keyword) continue;
		const d = c.data;
		let pos = keyword.length + 1;
		if (d[pos] !== 0 || d[pos + 1] !== 0) throw new Error(`compressed ${keyword} iTXt chunk: compression is not allowed by the baking spec`);
		pos += 2;
		const language = d.indexOf(0, pos);
		const translated = language < 0 ? -1 : d.indexOf(0, language + 1);
		if (translated < 0) throw new Error(`malformed ${keyword} iTXt chunk: its language tag and translated keyword are not terminated`);
		return utf8.decode(d.subarray(translated + 1));
	}
	return undefined;
}

/** True when the PNG already carries an Open Badges chunk (so it is a baked badge, not artwork). */
export const hasBadgeChunk = (png: Uint8Array) =>
	readPngChunks(png).some((c) => ['openbadges', 'openbadgecredential'].includes(iTXtKeyword(c) ?? ''));
