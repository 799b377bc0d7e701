/**
 * In-browser verification of one award, run by the award page (DIGEST §2.8.1, §2.11). It uses
 * only what the browser has (fetch, WebCrypto, DecompressionStream) and asks nothing of anyone but
 * this site: every URL it follows must start with the site's own URL, and is then fetched from the
 * origin the page was served from (so a copy served elsewhere, such as a test server, checks itself).
 *
 * 1. `credential.jwt`: RS256 signature checked with the JWK at the header's `kid`, then the claims
 *    (`iss`, `jti`, `nbf`, `exp`) and that the credential is the one the page is about.
 * 2. The Bitstring Status List: the award's bit, bit 0 being the most significant bit of byte 0.
 * 3. `validFrom`/`validUntil` against the visitor's clock.
 *
 * It trusts the keys this site publishes (it is served by the same site), and does not check the
 * status list's own Data Integrity proof. The e-mail check makes no request at all.
 */
// The strings this script writes, in the site's language (the verify page's have their own).
import defaults from 'blason:ui/verify.,!verify.page.';
import { formatDate } from '../i18n/format.ts';
import type { UiKey } from '../i18n/index.ts';
import { onLanguage, type Translate } from './i18n-client.ts';

/** What the page knows about its award at build time (the `data-verify` attribute). */
export interface VerifyConfig {
	/** The page's language, until the visitor picks another one. */
	lang: string;
	/** issuer.yaml `site`: absolute, with its base path and final slash. */
	site: string;
	/** The base path of `site`, where this origin serves the site. */
	base: string;
	issuer: string;
	issuerName: string;
	credentialId: string;
	credentialJwt: string;
	statusList: string;
	statusIndex: number;
	validFrom: string;
	validUntil?: string;
	identity: { hash: string; salt: string };
	revoked?: { date: string; reason: string };
}

/** The signature and claims hold: what the status list and the clock say. */
export interface Checked {
	state: 'valid' | 'expired' | 'revoked' | 'notYetValid';
	kid: string;
	statusUrl: string;
	/** `nbf` and `exp`, in seconds. */
	notBefore: number;
	expires?: number;
}
/** `invalid` when a signed document says something false, `error` when it could not be checked. */
export interface Failed {
	state: 'invalid' | 'error';
	message: UiKey;
	vars: Record<string, string>;
}
export type Outcome = Checked | Failed;

class CheckFailed extends Error {
	readonly state: Failed['state'];
	readonly key: UiKey;
	readonly vars: Record<string, string>;
	constructor(state: Failed['state'], key: UiKey, vars: Record<string, string> = {}) {
		super(key);
		this.state = state;
		this.key = key;
		this.vars = vars;
	}
}

const seconds = (dateTime: string) => Math.floor(Date.parse(dateTime) / 1000);

export function base64url(text: string): Uint8Array<ArrayBuffer> {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The URL on this origin of a document published at `url`, refused unless `url` is on the site. */
export function onSite(url: string, config: Pick<VerifyConfig, 'site' | 'base'>, origin = location.origin): string {
	const local = new URL(config.base + url.slice(config.site.length), origin);
	if (!url.startsWith(config.site) || local.origin !== origin || !local.pathname.startsWith(config.base)) {
		throw new CheckFailed('error', 'verify.fail.offSite', { url });
	}
	return local.href;
}

async function download(url: string, config: VerifyConfig): Promise<string> {
	const local = onSite(url, config);
	let response: Response;
	try {
		// No cookies, no cache (a revocation must show at once), no redirect that could leave the site.
		response = await fetch(local, { credentials: 'omit', cache: 'no-store', redirect: 'error' });
	} catch {
		throw new CheckFailed('error', 'verify.fail.fetch', { url });
	}
	if (!response.ok) throw new CheckFailed('error', 'verify.fail.fetch', { url });
	return response.text();
}

function parseJson<T>(text: string, url: string): T {
	try {
		const value: unknown = JSON.parse(text);
		if (value && typeof value === 'object') return value as T;
	} catch {
		// reported below
	}
	throw new CheckFailed('error', 'verify.fail.format', { url });
}

interface JwtHeader {
	alg?: unknown;
	kid?: unknown;
	typ?: unknown;
}
interface Credential {
	id?: unknown;
	issuer?: { id?: unknown };
	validFrom?: unknown;
	validUntil?: unknown;
	iss?: unknown;
	jti?: unknown;
	nbf?: unknown;
	exp?: unknown;
	credentialSubject?: { identifier?: { identityHash?: unknown; salt?: unknown }[] };
	credentialStatus?: { type?: unknown; statusPurpose?: unknown; statusListIndex?: unknown; statusListCredential?: unknown };
}

/** Checks the VC-JWT's signature with the key its `kid` names on this site; returns its payload. */
async function verifyJwt(config: VerifyConfig): Promise<{ kid: string; credential: Credential }> {
	const jwt = (await download(config.credentialJwt, config)).trim();
	const parts = jwt.split('.');
	if (parts.length !== 3) throw new CheckFailed('error', 'verify.fail.format', { url: config.credentialJwt });
	let header: JwtHeader;
	try {
		header = JSON.parse(new TextDecoder().decode(base64url(parts[0]!))) as JwtHeader;
	} catch {
		throw new CheckFailed('error', 'verify.fail.format', { url: config.credentialJwt });
	}
	// OB 3.0 VC-JWT: RS256, a `kid` (Blason never embeds `jwk`), `typ` JWT if present, no other header.
	const known = Object.keys(header).every((k) => k === 'alg' || k === 'kid' || k === 'typ');
	if (header.alg !== 'RS256' || typeof header.kid !== 'string' || (header.typ !== undefined && header.typ !== 'JWT') || !known) {
		throw new CheckFailed('invalid', 'verify.fail.signature');
	}
	const kid = header.kid;
	const jwk = parseJson<JsonWebKey & { kid?: unknown }>(await download(kid, config), kid);
	if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string' || 'd' in jwk || (jwk.kid !== undefined && jwk.kid !== kid)) {
		throw new CheckFailed('error', 'verify.fail.format', { url: kid });
	}
	let valid = false;
	try {
		const key = await crypto.subtle.importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
		valid = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, base64url(parts[2]!), new TextEncoder().encode(`${parts[0]}.${parts[1]}`));
	} catch {
		valid = false;
	}
	if (!valid) throw new CheckFailed('invalid', 'verify.fail.signature');
	// Signed, hence as issued: a payload that does not parse would be the issuer's own mistake.
	const credential = parseJson<Credential>(new TextDecoder().decode(base64url(parts[1]!)), config.credentialJwt);
	return { kid, credential };
}

/** The JWT claims (DIGEST §2.8.1) and the credential are the ones this page is about. */
function checkClaims(c: Credential, config: VerifyConfig): void {
	const subject = c.credentialSubject?.identifier ?? [];
	const status = c.credentialStatus ?? {};
	const checks: [string, boolean][] = [
		['iss', c.iss === config.issuer && c.issuer?.id === config.issuer],
		['jti', c.jti === config.credentialId && c.id === config.credentialId],
		['nbf', c.nbf === seconds(config.validFrom) && typeof c.validFrom === 'string' && seconds(c.validFrom) === c.nbf],
		[
			'exp',
			config.validUntil === undefined
				? c.exp === undefined && c.validUntil === undefined
				: c.exp === seconds(config.validUntil) && typeof c.validUntil === 'string' && seconds(c.validUntil) === c.exp,
		],
		['credentialSubject', subject.some((i) => i.identityHash === config.identity.hash && i.salt === config.identity.salt)],
		[
			'credentialStatus',
			status.type === 'BitstringStatusListEntry' &&
				status.statusPurpose === 'revocation' &&
				status.statusListCredential === config.statusList &&
				String(status.statusListIndex) === String(config.statusIndex),
		],
	];
	const failed = checks.find(([, ok]) => !ok);
	if (failed) throw new CheckFailed('invalid', 'verify.fail.claims', { claim: failed[0] });
}

/** Bit `index` of a Bitstring Status List credential's `encodedList` ("u" + base64url(gzip)). */
export async function statusBit(list: { credentialSubject?: { statusPurpose?: unknown; encodedList?: unknown } }, index: number): Promise<boolean> {
	const subject = list.credentialSubject;
	if (subject?.statusPurpose !== 'revocation') throw new Error('statusPurpose is not revocation');
	if (typeof subject.encodedList !== 'string' || !subject.encodedList.startsWith('u')) throw new Error('encodedList is not multibase base64url');
	const gzipped = base64url(subject.encodedList.slice(1));
	const bits = new Uint8Array(await new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
	if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) throw new Error(`index ${index} is outside the list`);
	return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/** Runs every check; never throws. */
export async function verifyAward(config: VerifyConfig, now = Date.now()): Promise<Outcome> {
	try {
		if (!globalThis.crypto?.subtle || typeof DecompressionStream === 'undefined') throw new CheckFailed('error', 'verify.fail.browser');
		const { kid, credential } = await verifyJwt(config);
		checkClaims(credential, config);
		const statusUrl = config.statusList;
		const list = parseJson<Parameters<typeof statusBit>[0]>(await download(statusUrl, config), statusUrl);
		let revoked: boolean;
		try {
			revoked = await statusBit(list, config.statusIndex);
		} catch (e) {
			throw new CheckFailed('error', 'verify.fail.status', { reason: (e as Error).message });
		}
		const notBefore = credential.nbf as number;
		const expires = credential.exp as number | undefined;
		const found = { kid, statusUrl, notBefore, ...(expires === undefined ? {} : { expires }) };
		if (revoked) return { state: 'revoked', ...found };
		if (now < notBefore * 1000) return { state: 'notYetValid', ...found };
		if (expires !== undefined && expires * 1000 < now) return { state: 'expired', ...found };
		return { state: 'valid', ...found };
	} catch (e) {
		if (e instanceof CheckFailed) return { state: e.state, message: e.key, vars: e.vars };
		return { state: 'error', message: 'verify.fail.format', vars: { url: config.credentialJwt } };
	}
}

/** `sha256$` + hex(SHA-256(trimmed, lower-cased address + salt)), as Open Badges defines it. */
export async function emailIdentityHash(email: string, salt: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email.trim().toLowerCase() + salt));
	return `sha256$${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Wires the award page's verification section: runs the check at once and on the button. */
export function mountVerifier(section: HTMLElement): void {
	const config = JSON.parse(section.dataset.verify!) as VerifyConfig;
	// Set by onLanguage below, before anything is shown: the strings and dates of the current language.
	let t: Translate = (key) => key;
	let lang = config.lang;
	const date = (s: number | string) => formatDate(typeof s === 'number' ? new Date(s * 1000).toISOString() : s, lang);
	const $ = <T extends Element>(selector: string) => section.querySelector<T>(selector)!;
	const result = $<HTMLElement>('.verify-result');
	const button = $<HTMLButtonElement>('.verify-run');

	const show = (state: string, label: string, detail: string, facts: string[] = []) => {
		result.className = `status verify-result status-${state === 'notYetValid' ? 'expired' : state}`;
		result.dataset.state = state;
		$('.verify-label').textContent = label;
		$('.verify-detail').textContent = detail;
		$('.verify-facts').replaceChildren(...facts.map((f) => Object.assign(document.createElement('li'), { textContent: f })));
	};

	/** Shows an outcome (the check running while there is none), in the current language. */
	const render = (outcome: Outcome | undefined) => {
		const issuer = config.issuerName;
		if (!outcome) {
			show('pending', t('verify.pending'), t('verify.pending.detail'));
		} else if ('message' in outcome) {
			show(outcome.state, t(outcome.state === 'invalid' ? 'verify.invalid' : 'verify.error'), t(outcome.message, outcome.vars));
		} else {
			const facts = [
				t('verify.checked.key', { kid: outcome.kid }),
				t('verify.checked.status', { url: outcome.statusUrl, index: config.statusIndex }),
				outcome.expires === undefined ? t('verify.checked.noExpiry') : t('verify.checked.until', { date: date(outcome.expires) }),
			];
			if (outcome.state === 'revoked') {
				// The status list says revoked; the reason is the one published with this page.
				const label = config.revoked ? t('verify.revoked', { date: date(config.revoked.date), reason: config.revoked.reason }) : t('verify.revoked.undated');
				show('revoked', label, t('verify.revoked.detail', { issuer }), facts);
			} else if (outcome.state === 'expired') {
				show('expired', t('verify.expired'), t('verify.expired.detail', { date: date(outcome.expires!) }), facts);
			} else if (outcome.state === 'notYetValid') {
				show('notYetValid', t('verify.notYetValid'), t('verify.notYetValid.detail', { date: date(outcome.notBefore) }), facts);
			} else {
				show('valid', t('verify.valid'), t('verify.valid.detail', { issuer }), facts);
			}
		}
	};
	let last: Outcome | undefined;

	const run = async () => {
		button.disabled = true;
		last = undefined;
		render(last);
		last = await verifyAward(config);
		render(last);
		button.disabled = false;
	};

	const form = $<HTMLFormElement>('.email-check');
	const answer = $<HTMLElement>('.email-result');
	let checked: { email: string; match: boolean } | undefined;
	const renderAnswer = () => {
		if (checked) answer.textContent = t(checked.match ? 'verify.email.match' : 'verify.email.noMatch', { email: checked.email });
	};
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const email = $<HTMLInputElement>('.email-check input').value.trim();
		if (!email) return;
		void emailIdentityHash(email, config.identity.salt).then((hash) => {
			const match = hash === config.identity.hash.toLowerCase();
			checked = { email, match };
			renderAnswer();
			answer.dataset.match = String(match);
		});
	});

	// Everything this script wrote follows the language switcher.
	onLanguage((next, nextLang) => {
		t = next;
		lang = nextLang;
		render(last);
		renderAnswer();
	}, defaults);
	button.addEventListener('click', () => void run());
	$<HTMLElement>('.verify-nojs').hidden = true;
	$<HTMLElement>('.verify-js').hidden = false;
	void run();
}
