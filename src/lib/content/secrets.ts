import type { Problem } from '../problems.ts';

// Written with {5} so that this file does not match itself.
const PEM_PRIVATE = /-{5}BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-{5}/;
// A JWK private member: "d" (EC/OKP/RSA) holding a base64url value.
const JWK_PRIVATE = /["']?\bd["']?\s*:\s*["'][A-Za-z0-9_-]{20,}["']/;
const OPENSSH_PRIVATE = /-{5}BEGIN OPENSSH PRIVATE KEY-{5}/;

/** Finds private key material in one text file; returns a problem per offending line. */
export function findPrivateKeys(text: string, file: string): Problem[] {
	const problems: Problem[] = [];
	const lines = text.split('\n');
	lines.forEach((line, i) => {
		if (PEM_PRIVATE.test(line) || OPENSSH_PRIVATE.test(line) || (JWK_PRIVATE.test(line) && /\bkty\b/.test(text))) {
			problems.push({
				code: 'ERR_PRIVATE_KEY_COMMITTED',
				severity: 'error',
				file,
				line: i + 1,
				message: 'this file contains a private key',
				hint: 'delete it from the repository (and from its history) and revoke it; signing keys belong in CI secrets, see README "Keys"',
			});
		}
	});
	return problems;
}
