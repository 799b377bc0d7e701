/**
 * OB 3.0 revocation (DIGEST §2.7, §2.11 step 4). Two status methods:
 * - `BitstringStatusListEntry`: the list is itself a credential, which must come from the same
 *   issuer and carry a valid Data Integrity proof; the entry's bit says revoked (or suspended).
 * - `1EdTechRevocationList`: a JSON list of `revokedCredential` entries at the status `id`.
 * A list that cannot be read leaves the status unknown, and the badge is not reported valid.
 */
import { base64urlDecode, gunzipCapped } from '../bytes.ts';
import { Checks, m, because } from './checks.ts';
import type { VerifyContext } from './context.ts';
import { ACCEPT, fetchJson } from './fetcher.ts';
import { asArray, asString, idOf, isObject, parseDate, typesOf, type JsonObject } from './json.ts';
import { checkDataIntegrity } from './ob3-proof.ts';

/** Records the `revocation` check(s); returns the revocation reason when revoked. */
export async function checkCredentialStatus(ctx: VerifyContext, checks: Checks, credential: JsonObject, issuerId: string | undefined): Promise<string | undefined> {
	const entries = asArray(credential.credentialStatus).filter(isObject);
	if (entries.length === 0) {
		checks.pass('revocation', m("pas de statut (credentialStatus) : l'émetteur ne prévoit pas de révocation", 'no credentialStatus: the issuer provides no revocation'));
		return undefined;
	}
	let reason: string | undefined;
	for (const entry of entries) {
		const types = typesOf(entry);
		if (types.includes('BitstringStatusListEntry')) reason ??= await checkBitstring(ctx, checks, entry, issuerId);
		else if (types.includes('1EdTechRevocationList')) reason ??= await check1EdTechList(ctx, checks, entry, credential);
		else checks.warn('revocation', m(`méthode de statut ${types.join(', ') || '(sans type)'} non prise en charge : non vérifiée`, `status method ${types.join(', ') || '(no type)'} is not supported: not checked`));
	}
	return reason;
}

async function checkBitstring(ctx: VerifyContext, checks: Checks, entry: JsonObject, issuerId: string | undefined): Promise<string | undefined> {
	const purpose = asString(entry.statusPurpose);
	const index = Number(entry.statusListIndex);
	const listUrl = asString(entry.statusListCredential);
	if (!purpose || !listUrl || !Number.isInteger(index) || index < 0 || entry.statusListIndex === '') {
		checks.fail('revocation', m('entrée de statut incomplète (statusPurpose, statusListIndex, statusListCredential)', 'incomplete status entry (statusPurpose, statusListIndex, statusListCredential)'));
		return undefined;
	}
	const unknown = (why: string) => checks.fail('revocation', because(m('statut inconnu', 'status unknown'), why));
	const got = await fetchJson(ctx.fetch, listUrl, ACCEPT.credential);
	if (!got.ok) return void unknown(got.message);
	const list = got.json;
	if (!typesOf(list).includes('BitstringStatusListCredential')) return void unknown(m(`${listUrl} n'est pas une BitstringStatusListCredential`, `${listUrl} is not a BitstringStatusListCredential`));
	const listIssuer = idOf(list.issuer);
	if (!issuerId || listIssuer !== issuerId) return void unknown(m(`la liste ${listUrl} est émise par ${String(listIssuer)}, pas par l'émetteur du badge`, `list ${listUrl} is issued by ${String(listIssuer)}, not by the badge's issuer`));
	// The list's own proof, checked the same way as the badge's: otherwise whoever serves the
	// URL could un-revoke a badge.
	const listChecks = new Checks();
	await checkDataIntegrity(ctx, listChecks, list, listIssuer);
	const listFailure = listChecks.list.find((c) => c.result === 'fail');
	if (listFailure) return void unknown(m(`la preuve de la liste ${listUrl} n'est pas valide`, `the proof of list ${listUrl} is not valid`) + ` (${listFailure.message})`);
	if (listChecks.list.some((c) => c.id === 'key' && c.result === 'warn')) {
		checks.warn('revocation', m("la clé de la liste de statut n'est pas publiée par l'émetteur", "the status list's key is not published by the issuer"));
	}
	const subject = isObject(list.credentialSubject) ? list.credentialSubject : {};
	if (!asArray(subject.statusPurpose).includes(purpose)) return void unknown(m(`la liste ne sert pas à « ${purpose} »`, `the list is not for "${purpose}"`));
	const until = parseDate(list.validUntil);
	if (until !== undefined && until <= ctx.now.getTime()) return void unknown(m(`la liste ${listUrl} a expiré`, `list ${listUrl} has expired`));
	let set: boolean;
	try {
		set = await statusBit(String(subject.encodedList), index);
	} catch (error) {
		return void unknown(`${listUrl}: ${(error as Error).message}`);
	}
	if (!set) {
		checks.pass('revocation', m(`non ${purpose === 'suspension' ? 'suspendu' : 'révoqué'} (liste de statut signée de l'émetteur, entrée ${index})`, `not ${purpose === 'suspension' ? 'suspended' : 'revoked'} (issuer's signed status list, entry ${index})`));
		return undefined;
	}
	if (purpose === 'revocation' || purpose === 'suspension') {
		const fr = purpose === 'revocation' ? 'révoqué' : 'suspendu';
		checks.revoked(m(`${fr} par l'émetteur (liste de statut, entrée ${index})`, `${purpose === 'revocation' ? 'revoked' : 'suspended'} by the issuer (status list, entry ${index})`));
		return undefined;
	}
	checks.warn('revocation', m(`entrée ${index} positionnée pour « ${purpose} »`, `entry ${index} is set for "${purpose}"`));
	return undefined;
}

/**
 * A list is at most a few MB once decompressed (Blason's: 2 MiB); a 2 MB download could otherwise
 * inflate to gigabytes before one bit is read. Past this, gunzipCapped throws a RangeError.
 */
const MAX_LIST_BYTES = 16 * 1024 * 1024;

/**
 * Whether bit `index` is set in an `encodedList`: multibase base64url (`u`) of the GZIP of the
 * bitstring, index 0 being the most significant bit of the first byte (Bitstring Status List §3.2,
 * the reading of src/lib/ob3/status-list.ts `statusBit`, with DecompressionStream instead of zlib).
 */
async function statusBit(encodedList: string, index: number): Promise<boolean> {
	if (!encodedList.startsWith('u')) throw new Error('encodedList is not multibase base64url (it must start with "u")');
	const bits = await gunzipCapped(base64urlDecode(encodedList.slice(1)), MAX_LIST_BYTES);
	if (index < 0 || index >= bits.length * 8) throw new Error(`status index ${index} is outside the list (${bits.length * 8} entries)`);
	return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/** DIGEST §2.7: revoked iff `revokedCredential[]` has the credential's id with `revoked` absent or true. */
async function check1EdTechList(ctx: VerifyContext, checks: Checks, entry: JsonObject, credential: JsonObject): Promise<string | undefined> {
	const url = asString(entry.id);
	if (!url) {
		checks.fail('revocation', m("entrée 1EdTechRevocationList sans id", '1EdTechRevocationList entry without id'));
		return undefined;
	}
	const got = await fetchJson(ctx.fetch, url, ACCEPT.revocationList);
	if (!got.ok || !Array.isArray(got.json.revokedCredential)) {
		const why = got.ok ? m(`${url} n'a pas de revokedCredential`, `${url} has no revokedCredential`) : got.message;
		checks.fail('revocation', because(m('statut inconnu', 'status unknown'), why));
		return undefined;
	}
	const hit = got.json.revokedCredential.find((e) => isObject(e) && e.id === credential.id && e.revoked !== false);
	if (!isObject(hit)) {
		checks.pass('revocation', m(`absent de la liste de révocation de l'émetteur`, `not in the issuer's revocation list`));
		return undefined;
	}
	const reason = asString(hit.revocationReason);
	checks.revoked(m(`révoqué par l'émetteur${reason ? ` : ${reason}` : ''}`, `revoked by the issuer${reason ? `: ${reason}` : ''}`));
	return reason;
}
