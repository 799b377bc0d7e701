/** The message of one award of a site, from what the site knows of it. */
import type { Site } from '../content/model.ts';
import { addDuration, toDateTime } from '../dates.ts';
import { siteUrls } from '../urls.ts';
import { awardMessage, type MailMessage } from './message.ts';

export interface AwardToNotify {
	id: string;
	/** A badge slug of the site. */
	badge: string;
	/** YYYY-MM-DD or a date-time, as written. */
	issuedOn: string;
	/** A name the recipient consented to show; never one without consent. */
	consentedName?: string | undefined;
}

/**
 * The message for an award: its badge, the issuer, its page and, for a badge with a validity,
 * when it expires.
 */
export function messageForAward(site: Site, award: AwardToNotify): MailMessage {
	const badge = site.badges.get(award.badge);
	if (!badge) throw new Error(`unknown badge ${award.badge}`);
	const issuedOn = toDateTime(award.issuedOn);
	return awardMessage({
		issuer: { name: site.issuer.name, url: site.issuer.url },
		badge: { name: badge.name, description: badge.description },
		pageUrl: siteUrls(site.issuer.site).awardPage(award.id),
		issuedOn,
		expires: badge.validity ? addDuration(issuedOn, badge.validity) : undefined,
		recipientName: award.consentedName,
	});
}
