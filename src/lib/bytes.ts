/**
 * Bytes without Node's Buffer: the verifier core and unbaking run in Node and in the browser (the
 * /verify/ page), so they only use what both have: Uint8Array, atob/btoa, TextEncoder and WebCrypto.
 */

/**
 * Decodes base64url (RFC 4648 §5). Like Node's `Buffer.from(text, 'base64url')`, it also accepts
 * the standard alphabet and `=` padding; unlike it, anything else is an error, not skipped.
 */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> {
	const bare = text.replace(/=+$/, '');
	if (!/^[A-Za-z0-9_+/-]*$/.test(bare) || bare.length % 4 === 1) throw new Error('not base64url');
	const binary = atob(bare.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (bare.length % 4)) % 4));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export function base64urlEncode(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

const utf8 = new TextEncoder();

/** SHA-256 of bytes, or of a string's UTF-8 encoding (WebCrypto). */
export async function sha256(data: Uint8Array | string): Promise<Uint8Array<ArrayBuffer>> {
	const bytes = typeof data === 'string' ? utf8.encode(data) : new Uint8Array(data);
	return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/**
 * Gunzips `gzipped` (DecompressionStream), refusing to produce more than `maxBytes`: a gzip bomb
 * from someone else's server stops at the limit instead of filling the memory. Throws a
 * RangeError past the limit, an Error when the data is not gzip.
 */
export async function gunzipCapped(gzipped: Uint8Array, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
	const stream = new Blob([new Uint8Array(gzipped)]).stream().pipeThrough(new DecompressionStream('gzip'));
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch (error) {
			throw new Error(`not valid gzip data (${(error as Error).message})`, { cause: error });
		}
		if (chunk.done) break;
		total += chunk.value.length;
		if (total > maxBytes) {
			await reader.cancel().catch(() => undefined);
			throw new RangeError(`decompressed data larger than ${maxBytes} bytes`);
		}
		chunks.push(chunk.value);
	}
	return concatBytes(chunks);
}
