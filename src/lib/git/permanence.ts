import type { Problem } from '../problems.ts';
import { awardsAt } from './published-awards.ts';

/**
 * The permanence guard for a pull request: every award published on the base branch must still
 * exist on the head branch, for the same badge, and stay revoked once revoked and erased once
 * erased. A published award's URL is on CVs and inside baked images; it can be revoked or erased
 * (`npm run erase` keeps every award's id), never removed or renumbered. (Moving an award to
 * another recipient file is fine: its id, hence its URL, is unchanged.)
 */
export function checkPermanence(cwd: string, base: string, head: string): Problem[] {
	const before = awardsAt(cwd, base);
	const after = awardsAt(cwd, head);
	const problems: Problem[] = [];
	for (const old of before.values()) {
		const now = after.get(old.id);
		if (!now) {
			problems.push({
				code: 'ERR_PUBLISHED_AWARD_REMOVED',
				severity: 'error',
				file: old.file,
				field: 'awards',
				message: `the published award "${old.id}" was removed (or its id changed); its URL would stop working`,
				hint: `put it back as it was; to withdraw it use \`npm run revoke -- ${old.id} --reason "…"\`, and for a data-erasure request \`npm run erase\``,
			});
			continue;
		}
		if (old.badge && now.badge && now.badge !== old.badge) {
			problems.push({
				code: 'ERR_PUBLISHED_AWARD_BADGE_CHANGED',
				severity: 'error',
				file: now.file,
				field: 'awards',
				message: `the published award "${old.id}" now names badge "${now.badge}" instead of "${old.badge}"`,
				hint: 'an award cannot become another badge: revoke it and create a new award with a new id (npm run new-id)',
			});
		}
		// An erasure revokes the award too (its status-list bit is set), so it may replace a revocation.
		if (old.revoked && now.revoked === false && now.erased === false) {
			problems.push({
				code: 'ERR_PUBLISHED_AWARD_UNREVOKED',
				severity: 'error',
				file: now.file,
				field: 'awards',
				message: `the award "${old.id}" was revoked and this change removes the revocation`,
				hint: 'a revocation is final (Bitstring Status List: revocation is not reversible); issue a new award with a new id instead',
			});
		}
		if (old.erased && now.erased === false) {
			problems.push({
				code: 'ERR_PUBLISHED_AWARD_UNERASED',
				severity: 'error',
				file: now.file,
				field: 'erased',
				message: `the award "${old.id}" belongs to an erased recipient and this change takes it out of the erasure`,
				hint: 'an erasure is final: the person asked for their data to be removed, and the award is revoked for every verifier. If they want a badge again, award it anew (npm run award), with a new id',
			});
		}
	}
	return problems;
}
