/**
 * Bitstring Status List (W3C) for OB 3.0 revocation. Every award owns one bit for life. Its index
 * is derived from the award id, so it needs no bookkeeping in the content and can never change:
 * the first 24 bits of SHA-256("blason-status:" + id). The list therefore has 2^24 entries
 * (2 MiB uncompressed, a few KiB gzipped), which makes two awards sharing a bit rare; `check`
 * refuses such a pair, and `npm run new-id` never proposes an id whose bit is taken.
 */
import { createHash } from 'node:crypto';
import { gzipSync, gunzipSync } from 'node:zlib';

export const STATUS_LIST_BITS = 2 ** 24;

export function statusIndex(awardId: string): number {
	const h = createHash('sha256').update(`blason-status:${awardId}`).digest();
	return (h[0]! << 16) | (h[1]! << 8) | h[2]!;
}

/**
 * The `encodedList` value: multibase base64url (`u` prefix) of the GZIP of the bitstring, where
 * index 0 is the most significant bit of the first byte (Bitstring Status List §3.2).
 * gzip with no timestamp is deterministic, so the list only changes when a bit does.
 */
export function encodeStatusList(setIndexes: Iterable<number>, size = STATUS_LIST_BITS): string {
	const bits = new Uint8Array(size / 8);
	for (const i of setIndexes) bits[i >> 3]! |= 0x80 >> (i & 7);
	return `u${gzipSync(bits, { level: 9 }).toString('base64url')}`;
}

/** Whether bit `index` is set in an `encodedList`; throws on a malformed list. */
export function statusBit(encodedList: string, index: number): boolean {
	if (!encodedList.startsWith('u')) throw new Error('encodedList is not multibase base64url (it must start with "u")');
	// A list from another issuer could be a gzip bomb: no real list is near this size (2^27 entries).
	const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'), { maxOutputLength: 16 * 1024 * 1024 });
	if (index < 0 || index >= bits.length * 8) throw new Error(`status index ${index} is outside the list (${bits.length * 8} entries)`);
	return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}
