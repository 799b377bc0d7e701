import type { APIRoute } from 'astro';
import { escapeHtml } from '../../lib/markdown.ts';
import { siteUrls } from '../../lib/urls.ts';
import { useTranslations } from '../../i18n/index.ts';
import { awardById, getHistory, getSite } from '../../site/data.ts';

/** The audit trail as an Atom feed (RFC 4287), newest first; feed readers poll it. */
export const GET: APIRoute = async () => {
	const site = await getSite();
	const { issuer } = site;
	const t = useTranslations(issuer.language);
	const url = siteUrls(issuer.site);
	const { history, forge } = getHistory();
	const events = [...history.events].reverse();
	const x = escapeHtml;
	const entries = events.map((e) => {
		const award = awardById(site, e.awardId);
		const badge = award && site.badges.get(award.badge);
		const what = `${t(`audit.kind.${e.kind}`)} — ${badge ? t('audit.award', { badge: badge.name }) : e.awardId}`;
		const who = e.mergedBy ? t('audit.proposedMerged', { author: e.author, merger: e.mergedBy }) : t('audit.by', { author: e.author });
		const details = [who, e.pullRequest !== undefined ? t('audit.pullRequest', { n: e.pullRequest }) : '', e.approvedBy ? t('audit.approvedBy', { name: e.approvedBy }) : '', t('audit.commit', { sha: e.commit.slice(0, 7) }), e.reason ? t('audit.reason', { reason: e.reason }) : '']
			.filter(Boolean)
			.join(' · ');
		return [
			'<entry>',
			`<id>${x(`${url.awardPage(e.awardId)}#${e.kind}-${e.commit}`)}</id>`,
			`<title>${x(what)}</title>`,
			`<updated>${e.date}</updated>`,
			`<author><name>${x(e.author)}</name></author>`,
			`<link rel="alternate" type="text/html" href="${x(url.awardPage(e.awardId))}"/>`,
			forge ? `<link rel="related" href="${x(forge.commit(e.commit))}"/>` : '',
			`<summary>${x(details)}</summary>`,
			'</entry>',
		].join('');
	});
	const updated = events[0]?.date ?? site.awards.map((a) => a.issuedOn).sort().at(-1) ?? '2000-01-01T00:00:00Z';
	const body = [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${issuer.language}">`,
		`<id>${x(url.auditFeed())}</id>`,
		`<title>${x(t('audit.feed.title', { issuer: issuer.name }))}</title>`,
		`<updated>${updated}</updated>`,
		`<link rel="self" type="application/atom+xml" href="${x(url.auditFeed())}"/>`,
		`<link rel="alternate" type="text/html" href="${x(url.audit())}"/>`,
		`<author><name>${x(issuer.name)}</name></author>`,
		...entries,
		'</feed>',
		'',
	].join('\n');
	return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
