/**
 * The e-mail that tells a person they received a badge: French first, then English, as plain text
 * and as simple HTML built from the same blocks, so that the two parts always say the same thing.
 * Every value is escaped in the HTML part: badge names, descriptions and consented names are
 * typed by people, and a name may hold "<" or "&".
 */

export interface AwardMessageInput {
	issuer: { name: string; url: string };
	badge: { name: string; description: string };
	/** The award page: `siteUrls(issuer.site).awardPage(id)`. */
	pageUrl: string;
	/** OB DateTime or YYYY-MM-DD. */
	issuedOn: string;
	/** OB DateTime, when the badge has a validity. */
	expires?: string | undefined;
	/** Only a name the recipient consented to show. */
	recipientName?: string | undefined;
}

export interface MailMessage {
	subject: string;
	text: string;
	html: string;
}

/** A run of text: plain, bold, or a link whose text is its URL. */
type Inline = string | { strong: string } | { link: string };
type Block = { p: Inline[] } | { list: Inline[][] };

/** Names are written on one line: a line break in a header or a sentence would break it. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const day = (dateTime: string, locale: 'fr-FR' | 'en-GB') =>
	new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(dateTime.length === 10 ? `${dateTime}T00:00:00Z` : dateTime));

function french(m: AwardMessageInput): Block[] {
	const badge = oneLine(m.badge.name);
	const issuer = oneLine(m.issuer.name);
	return [
		{ p: [m.recipientName ? `Bonjour ${oneLine(m.recipientName)},` : 'Bonjour,'] },
		{ p: ['Félicitations ! ', { strong: issuer }, ' vous a décerné le badge « ', { strong: badge }, ` » le ${day(m.issuedOn, 'fr-FR')}.`] },
		{ p: [{ strong: 'Ce que ce badge certifie : ' }, oneLine(m.badge.description), ...(m.expires ? [` Il est valable jusqu’au ${day(m.expires, 'fr-FR')}.`] : [])] },
		{ p: ['Votre badge a sa page, qui reste en ligne à cette adresse permanente :'] },
		{ p: [{ link: m.pageUrl }] },
		{ p: ['Si elle ne s’affiche pas encore, réessayez un peu plus tard : le site est en cours de mise à jour.'] },
		{ p: ['Pour le garder et le montrer :'] },
		{
			list: [
				[{ strong: 'Sac à badges' }, ' (Open Badge Passport, Badgr ou Canvas Credentials) : sur la page, téléchargez l’image du badge, qui contient ses données, puis importez-la dans votre sac à badges.'],
				[{ strong: 'Portefeuille numérique' }, ' (DCC Learner Credential Wallet) : sur la page, téléchargez l’attestation credential.json, puis importez-la dans le portefeuille.'],
				[{ strong: 'LinkedIn' }, ' : ajoutez-le à la section « Licences et certifications » de votre profil, avec l’adresse de la page comme URL.'],
			],
		},
		{ p: ['Si l’on vous demande une adresse e-mail pour l’importer, donnez celle qui a reçu ce message.'] },
		{ p: [`Le site de badges de ${issuer} ne conserve pas votre adresse e-mail : il n’en garde qu’une empreinte salée, qui permet de vérifier que ce badge est bien le vôtre.`] },
	];
}

function english(m: AwardMessageInput): Block[] {
	const badge = oneLine(m.badge.name);
	const issuer = oneLine(m.issuer.name);
	return [
		{ p: [m.recipientName ? `Hello ${oneLine(m.recipientName)},` : 'Hello,'] },
		{ p: ['Congratulations! ', { strong: issuer }, ' awarded you the badge “', { strong: badge }, `” on ${day(m.issuedOn, 'en-GB')}.`] },
		{ p: [{ strong: 'What it certifies: ' }, oneLine(m.badge.description), ...(m.expires ? [` It is valid until ${day(m.expires, 'en-GB')}.`] : [])] },
		{ p: ['Your badge has its own page, which stays online at this permanent address:'] },
		{ p: [{ link: m.pageUrl }] },
		{ p: ['If it does not open yet, try again a little later: the site is being updated.'] },
		{ p: ['To keep it and show it:'] },
		{
			list: [
				[{ strong: 'Backpack' }, ' (Open Badge Passport, Badgr or Canvas Credentials): on the page, download the badge image, which holds its data, then import it into your backpack.'],
				[{ strong: 'Digital wallet' }, ' (DCC Learner Credential Wallet): on the page, download the credential.json file, then import it into the wallet.'],
				[{ strong: 'LinkedIn' }, ': add it to the “Licenses & certifications” section of your profile, with the page’s address as its URL.'],
			],
		},
		{ p: ['If you are asked for an e-mail address to import it, give the one that received this message.'] },
		{ p: [`${issuer}’s badge site does not keep your e-mail address: it keeps only a salted fingerprint of it, which lets anyone check that this badge is yours.`] },
	];
}

/**
 * The message for one award, in French then English.
 *
 * @example
 * awardMessage({ issuer, badge, pageUrl: siteUrls(issuer.site).awardPage(id), issuedOn: '2026-11-22' }).subject
 * // → 'Votre badge « Atelier numérique » / Your badge “Atelier numérique”'
 */
export function awardMessage(m: AwardMessageInput): MailMessage {
	const badge = oneLine(m.badge.name);
	const issuer = oneLine(m.issuer.name);
	const subject = `Votre badge « ${badge} » / Your badge “${badge}”`;
	const footer = (lang: 'fr' | 'en'): Block => ({
		p: [lang === 'fr' ? `Ce message vous est envoyé par ${issuer} parce que ce badge vous a été décerné : ` : `This message is sent to you by ${issuer} because you were awarded this badge: `, { link: m.issuer.url }],
	});
	const fr = [...french(m), footer('fr')];
	const en = [...english(m), footer('en')];
	const text = [
		'(English below)',
		'',
		...fr.map(blockText),
		'────────────────────────',
		'',
		...en.map(blockText),
	].join('\n');
	const html = [
		'<!DOCTYPE html>',
		'<html lang="fr">',
		`<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
		'<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40em; color: #1a1a1a;">',
		'<div lang="fr">',
		...fr.map(blockHtml),
		'</div>',
		'<hr>',
		'<div lang="en">',
		...en.map(blockHtml),
		'</div>',
		'</body>',
		'</html>',
		'',
	].join('\n');
	return { subject, text, html };
}

function inlineText(parts: Inline[]): string {
	return parts.map((p) => (typeof p === 'string' ? p : 'strong' in p ? p.strong : p.link)).join('');
}

function blockText(b: Block): string {
	if ('p' in b) return `${inlineText(b.p)}\n`;
	return `${b.list.map((item) => `- ${inlineText(item)}`).join('\n')}\n`;
}

function inlineHtml(parts: Inline[]): string {
	return parts.map((p) => {
		if (typeof p === 'string') return escapeHtml(p);
		if ('strong' in p) return `<strong>${escapeHtml(p.strong)}</strong>`;
		return `<a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a>`;
	}).join('');
}

function blockHtml(b: Block): string {
	if ('p' in b) return `<p>${inlineHtml(b.p)}</p>`;
	return `<ul>\n${b.list.map((item) => `<li>${inlineHtml(item)}</li>`).join('\n')}\n</ul>`;
}

/** Text as HTML: the five characters that could open a tag, an entity or leave an attribute. */
export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
