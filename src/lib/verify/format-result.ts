/** The human summary printed by `npm run verify` (the `--json` output is the VerifyResult itself). */
import { dayOf } from './json.ts';
import type { BadgeFormat, BadgeStatus, CheckResult, VerifyResult } from './types.ts';

const MARKS: Record<CheckResult, string> = { pass: '✓', fail: '✗', warn: '⚠', skip: '–' };

const FORMATS: Record<BadgeFormat, string> = {
	'ob2-hosted': 'Open Badges 2.0, hébergé / hosted',
	'ob2-signed': 'Open Badges 2.0, signé / signed (JWS)',
	'ob3-json': 'Open Badges 3.0, JSON + Data Integrity (eddsa-rdfc-2022)',
	'ob3-jwt': 'Open Badges 3.0, VC-JWT',
	unknown: 'inconnu / unknown',
};

const VERDICTS: Record<BadgeStatus, string> = {
	valid: '✓ VALIDE / VALID',
	revoked: '✗ RÉVOQUÉ / REVOKED',
	expired: '✗ EXPIRÉ / EXPIRED',
	'not-yet-valid': '✗ PAS ENCORE VALABLE / NOT YET VALID',
	invalid: '✗ INVALIDE / INVALID',
};

function section(result: VerifyResult): string[] {
	const { badge } = result;
	const lines: string[] = [];
	if (badge.name) lines.push(`Badge : ${badge.name}`);
	if (badge.issuer) lines.push(`Émetteur / Issuer : ${[badge.issuer.name, badge.issuer.id && `<${badge.issuer.id}>`].filter(Boolean).join(' ')}`);
	if (badge.issuedOn) lines.push(`Délivré le / Issued on : ${dayOf(badge.issuedOn)}`);
	if (badge.issuedOn) lines.push(`Expire le / Expires on : ${badge.expires ? dayOf(badge.expires) : '— (jamais / never)'}`);
	if (badge.recipientMatch !== undefined) {
		lines.push(`Destinataire / Recipient : ${badge.recipientMatch ? "✓ l'adresse correspond / the address matches" : "✗ l'adresse ne correspond pas / the address does not match"}`);
	}
	if (badge.revocationReason) lines.push(`Motif de révocation / Revocation reason : ${badge.revocationReason}`);
	lines.push(`Format : ${FORMATS[result.format]}`, '');
	const width = Math.max(...result.checks.map((c) => c.id.length));
	for (const check of result.checks) lines.push(`  ${MARKS[check.result]} ${check.id.padEnd(width)}  ${check.message}`);
	return lines;
}

export function formatResult(result: VerifyResult): string[] {
	const lines = section(result);
	for (const other of result.alsoBaked ?? []) {
		lines.push('', `Aussi dans l'image / Also baked in the image — ${VERDICTS[other.status]}`, ...section(other));
	}
	const warned = [result, ...(result.alsoBaked ?? [])].some((r) => r.checks.some((c) => c.result === 'warn'));
	lines.push('', VERDICTS[result.status] + (result.valid && warned ? ' (avec avertissements / with warnings)' : ''));
	return lines;
}
