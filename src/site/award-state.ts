/** What the pages say about awards: each award's state, and award counts that own up to revocations. */
import type { Award } from '../lib/content/model.ts';
import type { useTranslations } from '../i18n/index.ts';

export type AwardState = 'valid' | 'expired' | 'revoked';

/** Revocation wins over expiry: a revoked award no longer certifies anything, whatever its dates. */
export function awardState(award: Award, now = new Date()): AwardState {
	if (award.revoked) return 'revoked';
	if (award.expires !== undefined && new Date(award.expires) < now) return 'expired';
	return 'valid';
}

/** "Décerné 3 fois, dont 1 révoqué": revoked awards are counted, and said to be. */
export function awardCountText(t: ReturnType<typeof useTranslations>, awards: readonly Award[]): string {
	const count = awards.length;
	const revoked = awards.filter((a) => a.revoked).length;
	const text = count === 0 ? t('badge.awardCount.zero') : count === 1 ? t('badge.awardCount.one') : t('badge.awardCount.other', { count });
	if (revoked === 0) return text;
	return revoked === 1 ? t('badge.awardCount.revoked.one', { text }) : t('badge.awardCount.revoked.other', { text, revoked });
}
