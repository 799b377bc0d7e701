import type { Problem } from '../problems.ts';
import { SECRET_PREFIX } from '../signing/keys.ts';

// Written with {5} so that this file does not match itself.
const PEM_PRIVATE = /-{5}BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-{5}/;
// A JWK private member: "d" (EC/OKP/RSA) holding a base64url value.
const JWK_PRIVATE = /["']?\bd["']?\s*:\s*["'][A-Za-z0-9_-]{20,}["']/;
const OPENSSH_PRIVATE = /-{5}BEGIN OPENSSH PRIVATE KEY-{5}/;
// The BLASON_SIGNING_KEY secret printed by `npm run keys -- generate`: the prefix, then base64url
// JSON (always "eyJ…", `{"`). Prose that names the format (`blason-key-v1:<base64url JSON>`) does not match.
const BLASON_SECRET = new RegExp(`${SECRET_PREFIX}eyJ[A-Za-z0-9_-]{40,}`);

/** Finds private key material in one text file; returns a problem per offending line. */
export function findPrivateKeys(text: string, file: string): Problem[] {
	const problems: Problem[] = [];
	const lines = text.split('\n');
	lines.forEach((line, i) => {
		if (BLASON_SECRET.test(line)) {
			problems.push({
				code: 'ERR_PRIVATE_KEY_COMMITTED',
				severity: 'error',
				file,
				line: i + 1,
				message: 'this line contains a Blason signing key secret (not repeated here)',
				hint: 'delete it from the repository (and from its history) and treat the key as leaked: remove it from keys.yaml, run `npm run keys -- generate` and replace the CI secret BLASON_SIGNING_KEY; see README "Keys and signing"',
			});
		} else if (PEM_PRIVATE.test(line) || OPENSSH_PRIVATE.test(line) || (JWK_PRIVATE.test(line) && /\bkty\b/.test(text))) {
			problems.push({
				code: 'ERR_PRIVATE_KEY_COMMITTED',
				severity: 'error',
				file,
				line: i + 1,
				message: 'this file contains a private key',
				hint: 'delete it from the repository (and from its history) and revoke it; signing keys belong in CI secrets, see README "Keys and signing"',
			});
		}
	});
	return problems;
}
