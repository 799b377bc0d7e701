/** What the pages say about awards: each award's state, and award counts that own up to revocations. */
import type { Award } from '../lib/content/model.ts';
import { message, type MessageVar, type Translate, type UiMessage } from '../i18n/index.ts';

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
 * once by its state (an erased award that had been revoked is counted as withdrawn); undefined for none.
 */
export function withdrawnCount(awards: readonly Award[]): MessageVar | undefined {
	const revoked = awards.filter((a) => awardState(a) === 'revoked').length;
	const withdrawn = awards.filter((a) => a.erased).length;
	const parts: UiMessage[] = [
		...(revoked === 0 ? [] : [revoked === 1 ? message('badge.awardCount.revoked.one') : message('badge.awardCount.revoked.other', { count: revoked })]),
		...(withdrawn === 0 ? [] : [withdrawn === 1 ? message('badge.awardCount.withdrawn.one') : message('badge.awardCount.withdrawn.other', { count: withdrawn })]),
	];
	return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { list: parts };
}

/** "Décerné 3 fois, dont 1 révoqué et 1 retiré": revoked and withdrawn awards are counted, and said to be. */
export function awardCount(awards: readonly Award[]): UiMessage {
	const count = awards.length;
	const text = count === 0 ? message('badge.awardCount.zero') : count === 1 ? message('badge.awardCount.one') : message('badge.awardCount.other', { count });
	const parts = withdrawnCount(awards);
	return parts ? message('badge.awardCount.including', { text, parts }) : text;
}

/** `withdrawnCount` as text in `lang`, '' for none. */
export function withdrawnCountText(t: Translate, awards: readonly Award[], lang = 'fr'): string {
	const parts = withdrawnCount(awards);
	if (parts === undefined) return '';
	const list = typeof parts === 'object' && 'list' in parts ? (parts.list as UiMessage[]) : [parts as UiMessage];
	return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(list.map((m) => t(m)));
}

/** `awardCount` as text. */
export const awardCountText = (t: Translate, awards: readonly Award[]): string => t(awardCount(awards));
