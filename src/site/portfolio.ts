/**
 * Which awards the site shows together, next to a person's name. Only two places do, and only with
 * consent: a recipient's portfolio (consent.portfolio, which needs consent.showName) and a badge
 * page's list of earners (consent.showName). Without consent, no page groups a person's awards.
 */
import type { Award, Recipient, Site } from '../lib/content/model.ts';

export type PortfolioRecipient = Recipient & { publicName: string; portfolio: true };

/** Recipients whose portfolio is published: they consented to it and to their name (never erased ones). */
export function portfolioRecipients(site: Site): PortfolioRecipient[] {
	return [...site.recipients.values()].filter((r): r is PortfolioRecipient => r.portfolio === true && r.publicName !== undefined && r.erased === undefined);
}

export interface PortfolioYear {
	/** The year of the awards, in UTC as their dates are. */
	year: string;
	/** Oldest first. */
	awards: Award[];
}

/** A recipient's awards as a path: oldest first, grouped by year. Revoked awards stay, shown as such. */
export function portfolioPath(site: Site, recipient: Recipient): PortfolioYear[] {
	const ids = new Set(recipient.awardIds);
	const years: PortfolioYear[] = [];
	// site.awards is sorted by date, then id.
	for (const award of site.awards.filter((a) => ids.has(a.id))) {
		const year = award.issuedOn.slice(0, 4);
		const last = years.at(-1);
		if (last?.year === year) last.awards.push(award);
		else years.push({ year, awards: [award] });
	}
	return years;
}

export interface Earner {
	/** The name the person consented to show. */
	name: string;
	/** Their latest award of the badge that still stands. */
	award: Award;
	/** Their recipient slug, when they consented to a portfolio: link there rather than to the award. */
	portfolio?: string;
}

/**
 * The badge page's public earners: one entry per person who consented to show their name, with
 * their latest award of this badge that still stands (revoked and withdrawn awards are left out),
 * sorted by name. One entry per person, never one per award, so that the list never puts two
 * awards of a person side by side.
 */
export function publicEarners(site: Site, badge: string, lang: string): Earner[] {
	const latest = new Map<string, Award>();
	for (const award of site.awards) {
		if (award.badge !== badge || award.revoked || award.erased) continue;
		if (site.recipients.get(award.recipient)?.publicName === undefined) continue;
		latest.set(award.recipient, award); // sorted by date: the last one wins
	}
	const collator = new Intl.Collator(lang);
	return [...latest]
		.map(([slug, award]) => {
			const recipient = site.recipients.get(slug)!;
			return { name: recipient.publicName!, award, ...(recipient.portfolio ? { portfolio: slug } : {}) };
		})
		.sort((a, b) => collator.compare(a.name, b.name) || a.award.id.localeCompare(b.award.id));
}
