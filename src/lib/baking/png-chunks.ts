import { crc32 } from './crc32.ts';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export interface PngChunk {
	type: string;
	data: Uint8Array;
	/** Offset of the chunk's length field in the file. */
	start: number;
	/** Offset just past the chunk's CRC. */
	end: number;
}

export class PngFormatError extends Error {
	override name = 'PngFormatError';
}

export const isPng = (bytes: Uint8Array) => PNG_SIGNATURE.every((b, i) => bytes[i] === b);

/** Reads the chunk list of a PNG without decoding pixels, checking every CRC. */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
	if (!isPng(bytes)) throw new PngFormatError('not a PNG file (wrong signature)');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const chunks: PngChunk[] = [];
	let pos = PNG_SIGNATURE.length;
	while (pos < bytes.length) {
		if (pos + 12 > bytes.length) throw new PngFormatError(`truncated chunk header at byte ${pos}`);
		const length = view.getUint32(pos);
		const end = pos + 12 + length;
		if (end > bytes.length) throw new PngFormatError(`truncated chunk at byte ${pos}`);
		const typeBytes = bytes.subarray(pos + 4, pos + 8);
		const data = bytes.subarray(pos + 8, pos + 8 + length);
		const type = String.fromCharCode(...typeBytes);
		if (crc32(typeBytes, data) !== view.getUint32(pos + 8 + length)) {
			throw new PngFormatError(`bad CRC in ${type} chunk at byte ${pos}`);
		}
		chunks.push({ type, data, start: pos, end });
		pos = end;
		if (type === 'IEND') break;
	}
	if (chunks[0]?.type !== 'IHDR') throw new PngFormatError('first chunk is not IHDR');
	if (chunks.at(-1)?.type !== 'IEND') throw new PngFormatError('missing IEND chunk');
	return chunks;
}

export function encodePngChunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	const typeBytes = new TextEncoder().encode(type);
	out.set(typeBytes, 4);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(typeBytes, data));
	return out;
}
