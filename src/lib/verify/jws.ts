/** Reading a compact JWS before its key is known: header and payload, with friendly errors. */
import { base64urlDecode } from '../bytes.ts';
import { m } from './checks.ts';
import { parseJsonObject } from './fetcher.ts';
import type { JsonObject } from './json.ts';

export const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

export type DecodedJws = { ok: true; header: JsonObject; payload: JsonObject } | { ok: false; message: string };

/** A base64url part; one that does not decode is reported as "not a JSON object". */
function decodePart(part: string): Uint8Array {
	try {
		return base64urlDecode(part);
	} catch {
		return new Uint8Array();
	}
}

/** Decodes without verifying: the payload is trusted only once `compactVerify` accepted it. */
export function decodeJws(jws: string): DecodedJws {
	const parts = jws.trim().split('.');
	if (parts.length !== 3 || !COMPACT_JWS.test(jws.trim())) return { ok: false, message: m("ce n'est pas un JWS compact", 'not a compact JWS') };
	const header = parseJsonObject(decodePart(parts[0]!));
	if (!header) return { ok: false, message: m("l'en-tête du JWS n'est pas un objet JSON", 'the JWS header is not a JSON object') };
	const payload = parseJsonObject(decodePart(parts[1]!));
	if (!payload) return { ok: false, message: m("le contenu du JWS n'est pas un objet JSON", 'the JWS payload is not a JSON object') };
	return { ok: true, header, payload };
}
