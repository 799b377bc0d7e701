/**
 * Compact JWS with RS256 (RFC 7515 §7.1), for OB 2.0 signed assertions and OB 3.0 VC-JWTs.
 * RSASSA-PKCS1-v1_5 is deterministic, so the same payload and key always give the same bytes.
 */
import { sign, type KeyObject } from 'node:crypto';

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** The JOSE headers Open Badges 3.0 allows; nothing else may be added (DIGEST §2.8.1). */
export interface JoseHeader {
	alg: 'RS256';
	kid?: string;
	typ?: 'JWT';
}

export function signCompact(header: JoseHeader, payload: string, privateKey: KeyObject): string {
	const input = `${b64url(JSON.stringify(header))}.${b64url(payload)}`;
	return `${input}.${b64url(sign('sha256', Buffer.from(input), privateKey))}`;
}

/** Just the signature part, for callers that cache it (the rest is recomputed from the payload). */
export const signingInput = (header: JoseHeader, payload: string) => `${b64url(JSON.stringify(header))}.${b64url(payload)}`;
