/**
 * The links an award page offers to show a badge elsewhere: plain URLs and HTML text, built at
 * build time. None of them loads a script or makes a request from the page: a visitor who follows
 * one leaves the site, as with any link.
 */
import { escapeHtml } from '../markdown.ts';

/** Percent-encodes like `encodeURIComponent`, so spaces are %20 (a `+` is read as such by mail clients). */
const query = (params: readonly (readonly [string, string])[]) => params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

export interface Certification {
	/** The badge's name: the certification's name on the profile. */
	name: string;
	/** The issuer's LinkedIn company page id (issuer.yaml `linkedinOrganizationId`), digits. */
	organizationId?: string | undefined;
	/** The issuer's name, sent when there is no organizationId. */
	organizationName: string;
	/** OB DateTimes (UTC). */
	issuedOn: string;
	expires?: string | undefined;
	/** The award page: the credential URL on the profile. */
	certUrl: string;
	/** The award id: the credential id on the profile. */
	certId: string;
}

/**
 * LinkedIn's "Add to profile" link for a certification, every field filled in: the holder only
 * confirms. With an `organizationId` LinkedIn links the certification to the association's page
 * (and shows its logo); otherwise it shows `organizationName` as text. Dates are months, in UTC.
 *
 * @example
 * linkedInAddToProfileUrl({ name: 'Engagement citoyen', organizationName: 'Passerelles Jeunesse',
 *   issuedOn: '2026-03-14T00:00:00Z', certUrl: 'https://…/awards/k7m2x9qd4p1h/', certId: 'k7m2x9qd4p1h' })
 * // https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Engagement%20citoyen&organizationName=…
 */
export function linkedInAddToProfileUrl(c: Certification): string {
	const month = (dateTime: string) => {
		const d = new Date(dateTime);
		return [String(d.getUTCFullYear()), String(d.getUTCMonth() + 1)] as const;
	};
	const [issueYear, issueMonth] = month(c.issuedOn);
	const params: [string, string][] = [
		['startTask', 'CERTIFICATION_NAME'],
		['name', c.name],
		c.organizationId ? ['organizationId', c.organizationId] : ['organizationName', c.organizationName],
		['issueYear', issueYear],
		['issueMonth', issueMonth],
	];
	if (c.expires) {
		const [expirationYear, expirationMonth] = month(c.expires);
		params.push(['expirationYear', expirationYear], ['expirationMonth', expirationMonth]);
	}
	params.push(['certUrl', c.certUrl], ['certId', c.certId]);
	return `https://www.linkedin.com/profile/add?${query(params)}`;
}

/** LinkedIn's share dialog for a page (LinkedIn reads the page's Open Graph tags for the preview). */
export const linkedInShareUrl = (pageUrl: string) => `https://www.linkedin.com/sharing/share-offsite/?${query([['url', pageUrl]])}`;

/** A `mailto:` link with no recipient: the visitor's mail program opens with the subject and body filled in. */
export const mailtoUrl = (subject: string, body: string) => `mailto:?${query([['subject', subject], ['body', body.replace(/\r?\n/g, '\r\n')]])}`;

/**
 * The HTML to paste in a web page, a blog or a CV site: the badge image, linking to its award
 * page, where anyone can check it. Absolute URLs, so it works from any site.
 */
export function embedSnippet(o: { pageUrl: string; imageUrl: string; alt: string; size?: number }): string {
	const size = o.size ?? 150;
	return `<a href="${escapeHtml(o.pageUrl)}"><img src="${escapeHtml(o.imageUrl)}" alt="${escapeHtml(o.alt)}" width="${size}" height="${size}"></a>`;
}
