/**
 * The hashed e-mail identities a badge names, for the /verify/ page's e-mail check: once a badge
 * has been verified, the page compares a typed address with these, locally, with no request.
 * A hosted OB 2.0 assertion's recipient is read from its hosted copy (the source of truth, already
 * fetched by the verification when the fetcher is the same memoised one), else from the copy given.
 */
import { ACCEPT, fetchJson, type Fetcher } from './fetcher.ts';
import { decodeJws } from './jws.ts';
import { isObject, isHttpUrl, type JsonObject } from './json.ts';
import { isOb2Assertion } from './ob2-documents.ts';
import { credentialFromJwt } from './ob3-jwt.ts';
import { isVerifiableCredential } from './ob3-credential.ts';
import { ob2EmailIdentities, ob3EmailIdentities, type HashedIdentity } from './recipient.ts';
import type { Input } from './unbake.ts';

async function hosted(fetch: Fetcher, url: unknown): Promise<JsonObject | undefined> {
	if (!isHttpUrl(url)) return undefined;
	const got = await fetchJson(fetch, url, ACCEPT.ob2);
	return got.ok ? got.json : undefined;
}

async function identitiesOf(fetch: Fetcher, json: JsonObject, signed: boolean): Promise<HashedIdentity[]> {
	if (isObject(json.vc) || isVerifiableCredential(json)) return ob3EmailIdentities(credentialFromJwt(json).credential.credentialSubject);
	if (isOb2Assertion(json)) return ob2EmailIdentities((signed ? undefined : await hosted(fetch, json.id)) ?? json);
	return [];
}

/** Every e-mail identity of every badge in `input` (an image may carry two forms of one award). */
export async function badgeRecipients(input: Input, fetch: Fetcher): Promise<HashedIdentity[]> {
	if (!input.ok) return [];
	const found: HashedIdentity[] = [];
	for (const { payload } of input.payloads) {
		if (payload.kind === 'json') found.push(...(await identitiesOf(fetch, payload.json, false)));
		else if (payload.kind === 'url') {
			const assertion = await hosted(fetch, payload.url);
			if (assertion) found.push(...ob2EmailIdentities(assertion));
		} else {
			const decoded = decodeJws(payload.jws);
			if (decoded.ok) found.push(...(await identitiesOf(fetch, decoded.payload, true)));
		}
	}
	return found.filter((a, i) => found.findIndex((b) => b.identity === a.identity && b.salt === a.salt) === i);
}
