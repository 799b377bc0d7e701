/** What the pages say about awards: each award's state, and award counts that own up to revocations. */
import type { Award } from '../lib/content/model.ts';
import type { useTranslations } from '../i18n/index.ts';

export type AwardState = 'valid' | 'expired' | 'revoked' | 'withdrawn';

/**
 * An erasure wins over everything (the award was withdrawn at its holder's request, even if it had
 * been revoked before), then revocation over expiry: a revoked award no longer certifies anything,
 * whatever its dates.
 */
export function awardState(award: Award, now = new Date()): AwardState {
	if (award.erased) return 'withdrawn';
	if (award.revoked) return 'revoked';
	if (award.expires !== undefined && new Date(award.expires) < now) return 'expired';
	return 'valid';
}

/**
 * "1 révoqué et 2 retirés": how many of `awards` no longer certify anything, each award counted
 * once by its state (an erased award that had been revoked is counted as withdrawn); '' for none.
 */
export function withdrawnCountText(t: ReturnType<typeof useTranslations>, awards: readonly Award[]): string {
	const revoked = awards.filter((a) => awardState(a) === 'revoked').length;
	const withdrawn = awards.filter((a) => a.erased).length;
	const parts = [
		...(revoked === 0 ? [] : [revoked === 1 ? t('badge.awardCount.revoked.one') : t('badge.awardCount.revoked.other', { count: revoked })]),
		...(withdrawn === 0 ? [] : [withdrawn === 1 ? t('badge.awardCount.withdrawn.one') : t('badge.awardCount.withdrawn.other', { count: withdrawn })]),
	];
	return parts.join(t('badge.awardCount.and'));
}

/** "Décerné 3 fois, dont 1 révoqué et 1 retiré": revoked and withdrawn awards are counted, and said to be. */
export function awardCountText(t: ReturnType<typeof useTranslations>, awards: readonly Award[]): string {
	const count = awards.length;
	const text = count === 0 ? t('badge.awardCount.zero') : count === 1 ? t('badge.awardCount.one') : t('badge.awardCount.other', { count });
	const withdrawn = withdrawnCountText(t, awards);
	return withdrawn ? t('badge.awardCount.including', { text, parts: withdrawn }) : text;
}
