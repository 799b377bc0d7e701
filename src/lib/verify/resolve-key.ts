/**
 * From a Data Integrity `verificationMethod` or a VC-JWT `kid`/`jwk` to a public key and who
 * controls it (DIGEST §2.8.2, §2.9). Accepted forms: `did:key`, `did:web` (the DID document must
 * list the key under `assertionMethod`), `<controller>#z6Mk…` (the key in the fragment, as in
 * 1EdTech's samples), and an https URL returning a Multikey, a controller document, a JWK or a JWKS.
 */
import { didWebDocumentUrl } from '../ob3/did-web.ts';
import { ed25519FromMultibase } from '../signing/base58.ts';
import { m, because } from './checks.ts';
import type { VerifyContext } from './context.ts';
import { ACCEPT, fetchJson } from './fetcher.ts';
import { asArray, asString, isObject, type JsonObject } from './json.ts';
import { ed25519Jwk, publicJwk, type PublicJwk } from './public-key.ts';

export interface ResolvedKey {
	/** The public key, imported with WebCrypto when a signature is checked. */
	key: PublicJwk;
	/** The DID or URL that controls the key, when the key's document says so. */
	controller?: string | undefined;
	/**
	 * How the key was found: in a DID document (`did`), derived from a did:key (`did-key`), from a
	 * document at a URL (`url`), or only from the credential or token itself (`embedded`).
	 */
	via: 'did' | 'did-key' | 'url' | 'embedded';
	/** The URL the key document came from (`url`, `did`). */
	url?: string | undefined;
	/** Why a key that should have been published was taken from the badge instead. */
	note?: string | undefined;
}

/** `unreachable`: the key document could not be fetched, as opposed to saying something wrong. */
export type KeyResolution = ({ ok: true } & ResolvedKey) | { ok: false; message: string; unreachable?: boolean };

const fail = (message: string, unreachable = false): KeyResolution => ({ ok: false, message, ...(unreachable ? { unreachable } : {}) });

/** A public key from a verification method or JWK node; throws with the reason. */
async function keyFromNode(node: JsonObject): Promise<PublicJwk> {
	if (typeof node.publicKeyMultibase === 'string') return ed25519Jwk(node.publicKeyMultibase);
	const jwk = isObject(node.publicKeyJwk) ? node.publicKeyJwk : typeof node.kty === 'string' ? node : undefined;
	if (jwk) return publicJwk(jwk);
	throw new Error(m('aucune clé publique (publicKeyMultibase ou publicKeyJwk)', 'no public key (publicKeyMultibase or publicKeyJwk)'));
}

const splitFragment = (url: string) => {
	const at = url.indexOf('#');
	return at === -1 ? { base: url, fragment: '' } : { base: url.slice(0, at), fragment: url.slice(at + 1) };
};

/** Does `ref` (absolute, or `#frag` relative to `base`) name `id`? */
const sameRef = (ref: unknown, id: string, base: string) => {
	const value = isObject(ref) ? ref.id : ref;
	return typeof value === 'string' && (value === id || (value.startsWith('#') && base + value === id));
};

function isEd25519Multibase(value: string): boolean {
	try {
		ed25519FromMultibase(value);
		return true;
	} catch {
		return false;
	}
}

async function resolveDidWeb(ctx: VerifyContext, id: string): Promise<KeyResolution> {
	const { base: did, fragment } = splitFragment(id);
	const url = didWebDocumentUrl(did);
	if (!url) return fail(m(`${did} n'est pas un did:web valide`, `${did} is not a valid did:web`));
	if (!fragment) return fail(m(`${id} ne désigne pas de clé (fragment #…)`, `${id} names no key (#… fragment)`));
	const got = await fetchJson(ctx.fetch, url, ACCEPT.did);
	if (!got.ok) return fail(because(m('document DID introuvable', 'DID document not found'), got.message), true);
	const doc = got.json;
	if (doc.id !== did) return fail(m(`le document DID ${url} a pour id ${String(doc.id)}, pas ${did}`, `the DID document ${url} has id ${String(doc.id)}, not ${did}`));
	if (!asArray(doc.assertionMethod).some((ref) => sameRef(ref, id, did))) {
		return fail(m(`${id} n'est pas déclarée dans assertionMethod du document DID`, `${id} is not listed under assertionMethod in the DID document`));
	}
	const node = [...asArray(doc.verificationMethod), ...asArray(doc.assertionMethod)].find((n) => isObject(n) && sameRef(n.id, id, did));
	if (!isObject(node)) return fail(m(`${id} est absente du document DID`, `${id} is missing from the DID document`));
	// The DID document that lists the key under assertionMethod is its authority: a key naming
	// another controller there is someone else's key.
	if (node.controller !== undefined && node.controller !== did) {
		return fail(m(`${id} est contrôlée par ${String(node.controller)}, pas par ${did}`, `${id} is controlled by ${String(node.controller)}, not by ${did}`));
	}
	try {
		return { ok: true, key: await keyFromNode(node), controller: did, via: 'did', url };
	} catch (error) {
		return fail(`${id}: ${(error as Error).message}`);
	}
}

function resolveDidKey(id: string): KeyResolution {
	const { base: did } = splitFragment(id);
	try {
		return { ok: true, key: ed25519Jwk(did.slice('did:key:'.length)), controller: did, via: 'did-key' };
	} catch (error) {
		return fail(`${did}: ${(error as Error).message}`);
	}
}

/** An https document holding the key: a Multikey, a controller document, a JWK or a JWKS. */
async function resolveUrl(ctx: VerifyContext, id: string, accept: string): Promise<KeyResolution> {
	const { base, fragment } = splitFragment(id);
	const got = await fetchJson(ctx.fetch, base, accept);
	if (!got.ok) return fail(because(m('document de clé introuvable', 'key document not found'), got.message));
	const doc = got.json;
	let node: JsonObject | undefined;
	let controller: string | undefined;
	if (Array.isArray(doc.keys)) {
		const keys = doc.keys.filter(isObject);
		node = keys.find((k) => k.kid === id || (fragment && k.kid === fragment)) ?? (keys.length === 1 ? keys[0] : undefined);
		controller = asString(node?.iss);
	} else if (typeof doc.publicKeyMultibase === 'string' || isObject(doc.publicKeyJwk) || typeof doc.kty === 'string') {
		node = doc;
		controller = asString(doc.controller) ?? asString(doc.iss);
	} else if (Array.isArray(doc.verificationMethod)) {
		node = doc.verificationMethod.find((n) => isObject(n) && sameRef(n.id, id, base)) as JsonObject | undefined;
		controller = asString(node?.controller) ?? asString(doc.id);
		if (node && doc.assertionMethod !== undefined && !asArray(doc.assertionMethod).some((ref) => sameRef(ref, id, base))) {
			return fail(m(`${id} n'est pas déclarée dans assertionMethod de ${base}`, `${id} is not listed under assertionMethod in ${base}`));
		}
	}
	if (!node) return fail(m(`${base} ne contient pas la clé ${id}`, `${base} does not hold key ${id}`));
	try {
		return { ok: true, key: await keyFromNode(node), controller, via: 'url', url: base };
	} catch (error) {
		return fail(`${id}: ${(error as Error).message}`);
	}
}

/** A Data Integrity `verificationMethod` (Ed25519 Multikey). */
export async function resolveVerificationMethod(ctx: VerifyContext, id: string): Promise<KeyResolution> {
	if (id.startsWith('did:key:')) return resolveDidKey(id);
	const { base, fragment } = splitFragment(id);
	const inFragment = fragment !== '' && isEd25519Multibase(fragment);
	if (id.startsWith('did:web:')) {
		// A did:web URL whose fragment is the key itself: the DID document decides when it can be
		// read; when it cannot, the key is only as good as the badge that names it.
		const resolved = await resolveDidWeb(ctx, id);
		if (resolved.ok || !resolved.unreachable || !inFragment) return resolved;
		return { ok: true, key: ed25519Jwk(fragment), controller: base, via: 'embedded', note: resolved.message };
	}
	if (inFragment) return { ok: true, key: ed25519Jwk(fragment), controller: base, via: 'embedded' };
	if (/^https?:\/\//i.test(id)) return resolveUrl(ctx, id, ACCEPT.did);
	return fail(m(`méthode de vérification non reconnue : ${id}`, `unrecognised verification method: ${id}`));
}

/** The key of a VC-JWT from its `kid` or `jwk` header (DIGEST §2.8.1). */
export async function resolveJwtKey(ctx: VerifyContext, header: JsonObject): Promise<KeyResolution> {
	const kid = asString(header.kid);
	if (kid) {
		if (kid.startsWith('did:key:')) return resolveDidKey(kid);
		if (kid.startsWith('did:web:')) return resolveDidWeb(ctx, kid);
		if (/^https?:\/\//i.test(kid)) return resolveUrl(ctx, kid, ACCEPT.jwk);
		if (!isObject(header.jwk)) return fail(m(`kid non reconnu : ${kid}`, `unrecognised kid: ${kid}`));
	}
	if (isObject(header.jwk)) {
		try {
			return { ok: true, key: await keyFromNode(header.jwk), via: 'embedded' };
		} catch (error) {
			return fail(`jwk: ${(error as Error).message}`);
		}
	}
	return fail(m("l'en-tête n'a ni kid ni jwk", 'the header has neither kid nor jwk'));
}
