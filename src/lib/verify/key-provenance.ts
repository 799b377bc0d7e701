/**
 * Does the signing key belong to the issuer? (DIGEST §2.9: the verification method's controller must
 * be the issuer; the impl. guide's "key provenance" for JWTs.) Three outcomes:
 * - pass: a document the issuer publishes lists the key (its DID document, a key document on its
 *   site, its JWKS), or the issuer is the did:key itself;
 * - fail: the key is someone else's (another controller);
 * - warn: the key is only named by the badge itself (`<issuer>#z6Mk…`, a `jwk` header, a key
 *   document off the issuer's site) and nothing the issuer publishes confirms it. 1EdTech's own
 *   samples work this way, so it is not an error, but anyone could have made such a badge.
 */
import { calculateJwkThumbprint, type JWK } from 'jose';
import { because, m, shortId, type Checks } from './checks.ts';
import type { VerifyContext } from './context.ts';
import { ACCEPT, fetchJson } from './fetcher.ts';
import { isResolvableIssuer, issuerHome, issuerJwksUrls } from './issuer-home.ts';
import { isObject } from './json.ts';
import type { ResolvedKey } from './resolve-key.ts';

async function inIssuerJwks(ctx: VerifyContext, key: ResolvedKey, issuerId: string): Promise<string | undefined> {
	let thumbprint: string;
	try {
		thumbprint = await calculateJwkThumbprint(key.key as JWK);
	} catch {
		return undefined;
	}
	for (const url of issuerJwksUrls(issuerId)) {
		const got = await fetchJson(ctx.fetch, url, ACCEPT.jwks);
		if (!got.ok || !Array.isArray(got.json.keys)) continue;
		for (const entry of got.json.keys) {
			if (!isObject(entry) || (entry.iss !== undefined && entry.iss !== issuerId)) continue;
			try {
				if ((await calculateJwkThumbprint(entry as JWK)) === thumbprint) return url;
			} catch {
				// Not a usable JWK: skip it.
			}
		}
	}
	return undefined;
}

/** Records the `key` check for a key that verified (or is about to verify) the signature. */
export async function judgeKey(ctx: VerifyContext, checks: Checks, key: ResolvedKey, issuerId: string, keyId: string): Promise<void> {
	const name = shortId(keyId);
	if (key.controller !== undefined && key.controller !== issuerId) {
		if (key.via === 'did-key' && !isResolvableIssuer(issuerId)) {
			checks.warn('key', m(`clé ${shortId(key.controller)} : l'émetteur ${issuerId} n'a pas d'identifiant qui puisse la confirmer`, `key ${shortId(key.controller)}: issuer ${issuerId} has no identifier that could confirm it`));
		} else {
			checks.fail('key', m(`la clé ${name} appartient à ${key.controller}, pas à l'émetteur ${issuerId}`, `key ${name} belongs to ${key.controller}, not to the issuer ${issuerId}`));
		}
		return;
	}
	if (key.via === 'did') {
		checks.pass('key', m(`clé ${name} déclarée dans le document DID de l'émetteur`, `key ${name} is listed in the issuer's DID document`));
		return;
	}
	if (key.via === 'did-key') {
		checks.pass('key', m(`l'émetteur est la clé elle-même (${issuerId})`, `the issuer is the key itself (${issuerId})`));
		return;
	}
	const home = issuerHome(issuerId);
	if (key.via === 'url' && key.url && home && key.url.startsWith(home)) {
		checks.pass('key', m(`clé ${name} publiée sur le site de l'émetteur`, `key ${name} is published on the issuer's site`));
		return;
	}
	const jwks = await inIssuerJwks(ctx, key, issuerId);
	if (jwks) {
		checks.pass('key', m(`clé publiée dans le jeu de clés de l'émetteur (${jwks})`, `key is published in the issuer's key set (${jwks})`));
		return;
	}
	const warning = m(
		`clé ${name} non publiée par l'émetteur : signature intacte, mais rien ne prouve qu'elle vient de lui`,
		`key ${name} is not published by the issuer: the signature is intact, but nothing proves the issuer made it`,
	);
	checks.warn('key', key.note ? because(warning, key.note) : warning);
}
