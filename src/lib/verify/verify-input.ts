/**
 * Verifies any OB 2.0 or OB 3.0 badge once unbaked: pick the verification the payload calls for,
 * collect every check, and give the badge one status. Runs in Node and in the browser: every
 * network access goes through the Fetcher it is given (the command line's is http-fetcher.ts,
 * the /verify/ page's is src/site/verify-fetcher.ts).
 */
import { Checks, m } from './checks.ts';
import type { VerifyContext } from './context.ts';
import { memoFetcher, type Fetcher } from './fetcher.ts';
import { decodeJws } from './jws.ts';
import { isObject } from './json.ts';
import { isOb2Assertion, verificationType } from './ob2-documents.ts';
import { verifyOb2Hosted } from './ob2-hosted.ts';
import { verifyOb2Signed } from './ob2-signed.ts';
import { isVerifiableCredential } from './ob3-credential.ts';
import type { Input, Located } from './unbake.ts';
import type { BadgeContainer, BadgeFormat, BadgeStatus, BadgeSummary, VerifyResult } from './types.ts';
import { verifyOb3Json, verifyOb3Jwt } from './verify-ob3.ts';

export interface VerifyInputOptions {
	/** How documents are fetched: httpFetcher(), siteFetcher(), the browser's, or a test double. */
	fetcher: Fetcher;
	/** The verification time (default: now). */
	now?: Date | undefined;
	/** Compared with the recipient's hashed identity; never printed. */
	email?: string | undefined;
}

const FORMAT_NAMES: Record<BadgeFormat, [fr: string, en: string]> = {
	'ob2-hosted': ['OB 2.0 hébergé', 'OB 2.0 hosted'],
	'ob2-signed': ['OB 2.0 signé (JWS)', 'OB 2.0 signed (JWS)'],
	'ob3-json': ['OB 3.0 Data Integrity', 'OB 3.0 Data Integrity'],
	'ob3-jwt': ['OB 3.0 VC-JWT', 'OB 3.0 VC-JWT'],
	unknown: ['?', '?'],
};

function result(format: BadgeFormat, container: BadgeContainer, checks: Checks, badge: BadgeSummary): VerifyResult {
	const status = checks.status();
	return { valid: status === 'valid', status, format, container, checks: checks.list, badge };
}

async function verifyPayload(ctx: VerifyContext, located: Located, container: BadgeContainer): Promise<VerifyResult> {
	const checks = new Checks();
	const { payload, from } = located;
	const read = (format: BadgeFormat) => checks.pass('input', m(`${FORMAT_NAMES[format][0]} lu dans ${from}`, `${FORMAT_NAMES[format][1]} read from ${from}`));
	if (payload.kind === 'url') {
		read('ob2-hosted');
		return result('ob2-hosted', container, checks, await verifyOb2Hosted(ctx, checks, { url: payload.url }));
	}
	if (payload.kind === 'json') {
		const json = payload.json;
		if (isVerifiableCredential(json)) {
			read('ob3-json');
			return result('ob3-json', container, checks, await verifyOb3Json(ctx, checks, json));
		}
		if (isOb2Assertion(json)) {
			if (verificationType(json) === 'signed') {
				checks.fail('input', m(`${from} : assertion signée donnée sans sa signature ; vérifiez son JWS`, `${from}: a signed assertion without its signature; verify its JWS`));
				return result('ob2-signed', container, checks, {});
			}
			read('ob2-hosted');
			return result('ob2-hosted', container, checks, await verifyOb2Hosted(ctx, checks, { assertion: json }));
		}
		// What Blason publishes at credential.json once an award was erased at its holder's request.
		// Unsigned, so it can only make a badge look less valid, never more.
		if (json.withdrawn === true) {
			const said = typeof json.message === 'string' ? ` — ${json.message}` : '';
			checks.revoked(m(`${from} : badge retiré par son émetteur (withdrawn), ce n'est plus une attestation`, `${from}: badge withdrawn by its issuer, this is no longer a credential`) + said);
			return result('unknown', container, checks, typeof json.id === 'string' ? { id: json.id } : {});
		}
		checks.fail('input', m(`${from} : ce JSON n'est ni une assertion OB 2.0 ni un credential OB 3.0`, `${from}: this JSON is neither an OB 2.0 assertion nor an OB 3.0 credential`));
		return result('unknown', container, checks, {});
	}
	const decoded = decodeJws(payload.jws);
	if (!decoded.ok) {
		checks.fail('input', `${from} : ${decoded.message}`);
		return result('unknown', container, checks, {});
	}
	const { header, payload: claims } = decoded;
	if (isObject(claims.vc) || isVerifiableCredential(claims)) {
		read('ob3-jwt');
		return result('ob3-jwt', container, checks, await verifyOb3Jwt(ctx, checks, payload.jws, header, claims));
	}
	if (isOb2Assertion(claims)) {
		read('ob2-signed');
		return result('ob2-signed', container, checks, await verifyOb2Signed(ctx, checks, payload.jws, header, claims));
	}
	checks.fail('input', m(`${from} : ce JWS ne contient ni assertion OB 2.0 ni credential OB 3.0`, `${from}: this JWS holds neither an OB 2.0 assertion nor an OB 3.0 credential`));
	return result('unknown', container, checks, {});
}

const SEVERITY: BadgeStatus[] = ['valid', 'not-yet-valid', 'expired', 'revoked', 'invalid'];

/** Verifies payloads already read (for callers that have the bytes: see `unbake`). */
export async function verifyInput(input: Input, options: VerifyInputOptions): Promise<VerifyResult> {
	if (!input.ok) {
		const checks = new Checks();
		checks.fail('input', input.message);
		return result('unknown', input.container, checks, {});
	}
	const ctx: VerifyContext = { fetch: memoFetcher(options.fetcher), now: options.now ?? new Date(), email: options.email };
	const results: VerifyResult[] = [];
	for (const located of input.payloads) results.push(await verifyPayload(ctx, located, input.container));
	const [primary, ...others] = results as [VerifyResult, ...VerifyResult[]];
	if (others.length === 0) return primary;
	const status = results.map((r) => r.status).reduce((a, b) => (SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a));
	return { ...primary, valid: status === 'valid', status, alsoBaked: others };
}
