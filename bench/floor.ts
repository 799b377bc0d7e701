/**
 * The plain-Node floor of the benchmark: what building the site costs without a framework.
 *
 *   node bench/floor.ts --root CONTENT --out DIR
 *
 * Reads and validates the content with the same loader as `npm run check`, then writes the same
 * files to the same paths as `npm run build` (src/lib/urls.ts), with the same src/lib functions
 * for everything machine-readable: OB 2.0 documents, and per award the signed forms and the image
 * baked with both generations (src/lib/publish/signed-award.ts), plus keys, DID document,
 * revocation and status lists and achievements (site-files.ts). Signatures are made inline, one
 * after the other on this one thread, with no cache, by the build's own `runJob` and the build's
 * key (the development key in <root>/.blason/, as `npm run build` without BLASON_SIGNING_KEY),
 * so every file can be compared byte for byte with the build's. The HTML pages (per award, per
 * badge and its request page, home, issuer, audit, 404) and the audit feed are template strings
 * that follow src/pages, src/components and src/layouts (same translations, Markdown renderer,
 * dates, QR code, audit trail read from Git with readHistory). Only the framework and the worker
 * threads are missing: no Vite bundling (the page scripts are linked, not built), no Astro
 * rendering pipeline, no HTML compression. The stylesheet is copied as is.
 *
 * Prints the summed duration of the runJob calls ("bare signing"), then one line like the real
 * build: "✓ N awards, N files, SIZE in N s".
 */
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDate, formatDuration, useTranslations, type UiKey } from '../src/i18n/index.ts';
import { ensureContrast, textOn } from '../src/lib/colour.ts';
import { loadSite } from '../src/lib/content/load-site.ts';
import type { Award, Badge, Site } from '../src/lib/content/model.ts';
import { schemas } from '../src/lib/content/schema-validation.ts';
import { escapeHtml, renderMarkdown } from '../src/lib/markdown.ts';
import { buildBadgeClass, buildProfile, serialise } from '../src/lib/ob2/index.ts';
import { formatProblem, sortProblems } from '../src/lib/problems.ts';
import { detectForge, type Forge } from '../src/lib/git/forge.ts';
import { readHistory, type AuditEvent, type History } from '../src/lib/git/history.ts';
import { didWeb } from '../src/lib/ob3/did-web.ts';
import { statusIndex } from '../src/lib/ob3/status-list.ts';
import { assembleAward, prepareAward } from '../src/lib/publish/signed-award.ts';
import { assembleSite, prepareSite } from '../src/lib/publish/site-files.ts';
import { qrSvg } from '../src/lib/qr.ts';
import { renderSocialImage } from '../src/lib/social/index.ts';
import { resolveSigningKey } from '../src/lib/signing/resolve-key.ts';
import { runJob, type SignJob } from '../src/lib/signing/sign-jobs.ts';
import { basePath, paths, siteUrls } from '../src/lib/urls.ts';
import { awardCountText, awardState, withdrawnCountText } from '../src/site/award-state.ts';
import type { RequestConfig } from '../src/site/request-client.ts';
import type { VerifyConfig } from '../src/site/verify-client.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const CSS_HREF = '_astro/site.css';

const attr = (s: string) => escapeHtml(s);

/** What every page needs besides the content: the audit trail and whether a development key signs. */
interface Context {
	site: Site;
	history: History;
	forge: Forge | undefined;
	/** Audit events per award id, grouped once (the award page's trail). */
	trails: Map<string, AuditEvent[]>;
	development: boolean;
}

const DEV_KEY_ICON =
	'<svg class="dev-key-icon" aria-hidden="true" viewBox="0 0 24 24" width="28" height="28"><path d="M12 2.5 1.8 20.5h20.4z" fill="currentColor"></path><path d="M12 9v5.5" stroke="#fff" stroke-width="2.4" stroke-linecap="round"></path><circle cx="12" cy="17.4" r="1.4" fill="#fff"></circle></svg>';

function layout(c: Context, o: { title: string; description?: string | undefined; jsonLd?: string; head?: string; current: string; body: string }): string {
	const { issuer } = c.site;
	const t = useTranslations(issuer.language);
	const base = basePath(issuer.site);
	const href = (p: string) => base + p;
	const primary = issuer.primaryColor;
	const style = `--primary:${primary};--on-primary:${textOn(primary)};--link:${ensureContrast(primary, '#ffffff')};`;
	const logo = issuer.logo ? href(paths.issuerImage(issuer.logo.format)) : undefined;
	const title = o.title === issuer.name ? o.title : `${o.title} · ${issuer.name}`;
	const footer = issuer.footerLinks.length
		? `<nav aria-label="${attr(t('footer.links'))}"><ul>${issuer.footerLinks.map((l) => `<li><a href="${attr(l.url)}">${escapeHtml(l.label)}</a></li>`).join('')}</ul></nav>`
		: '';
	const current = (p: string) => (o.current.startsWith(href(p)) ? ' aria-current="page"' : '');
	const devKey = c.development
		? `<aside class="dev-key" aria-label="${attr(t('devKey.label'))}"><div class="container dev-key-inner">${DEV_KEY_ICON}<p><strong>${escapeHtml(t('devKey.title'))}</strong> ${escapeHtml(t('devKey.text'))}</p></div></aside>`
		: '';
	return `<!DOCTYPE html><html lang="${issuer.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>${
		o.description ? `<meta name="description" content="${attr(o.description)}">` : ''
	}<meta name="generator" content="Blason">${o.jsonLd ? `<link rel="alternate" type="application/ld+json" href="${attr(o.jsonLd)}">` : ''}${
		logo ? `<link rel="icon" href="${logo}">` : ''
	}${o.head ?? ''}<link rel="stylesheet" href="${href(CSS_HREF)}"></head><body style="${style}"><a class="skip-link" href="#main">${escapeHtml(t('site.skip'))}</a>${devKey}<header class="site-header"><div class="container header-inner"><a class="brand" href="${href(paths.home())}">${
		logo ? `<img src="${logo}" alt="" width="48" height="48">` : ''
	}<span>${escapeHtml(issuer.name)}</span></a><nav aria-label="${attr(t('nav.label'))}"><ul><li><a href="${href(paths.home())}"${o.current === base ? ' aria-current="page"' : ''}>${escapeHtml(t('nav.badges'))}</a></li><li><a href="${href(paths.issuerPage())}"${current(paths.issuerPage())}>${escapeHtml(
		t('nav.issuer'),
	)}</a></li><li><a href="${href(paths.audit())}"${current(paths.audit())}>${escapeHtml(t('nav.audit'))}</a></li></ul></nav></div></header><main id="main" class="container">${o.body}</main><footer class="site-footer"><div class="container footer-inner">${footer}<p>${escapeHtml(
		t('footer.poweredBy'),
	)}</p></div></footer></body></html>`;
}

type State = 'valid' | 'expired' | 'revoked' | 'invalid' | 'error' | 'pending';
const STROKE = 'stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round" stroke-linejoin="round"';
const ICON_PARTS: Record<State, string> = {
	valid: `<path d="M6.5 12.5l3.5 3.5 7.5-8" ${STROKE}></path>`,
	expired: `<path d="M12 6v6.5l4 2.5" ${STROKE}></path>`,
	revoked: '<path d="M6.5 12h11" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"></path>',
	invalid: `<path d="M8 8l8 8M16 8l-8 8" ${STROKE}></path>`,
	error: `<path d="M12 6.5v6.5" ${STROKE}></path><circle cx="12" cy="17" r="1.5" fill="#fff"></circle>`,
	pending: '<circle cx="7" cy="12" r="1.6" fill="#fff"></circle><circle cx="12" cy="12" r="1.6" fill="#fff"></circle><circle cx="17" cy="12" r="1.6" fill="#fff"></circle>',
};
/** src/components/StateIcons.astro */
const stateIcons = (states: readonly State[]) =>
	states
		.map((s) => `<svg class="status-icon icon-${s}" aria-hidden="true" viewBox="0 0 24 24" width="28" height="28"><circle cx="12" cy="12" r="11" fill="currentColor"></circle>${ICON_PARTS[s]}</svg>`)
		.join('');

const EXPIRY_SCRIPT = `<script>
		// The site is static: a badge that expired after the last build is shown as expired anyway.
		// A revoked badge stays revoked, whatever its dates.
		(() => {
			const s = document.querySelector('.status[data-expires]');
			if (!s || !s.classList.contains('status-valid') || new Date(s.dataset.expires) > new Date()) return;
			s.classList.replace('status-valid', 'status-expired');
			s.querySelector('.status-label').textContent = s.dataset.expiredLabel;
			s.querySelector('.status-detail').textContent = s.dataset.expiredDetail;
		})();
	</script>`;
/** Vite bundles the page scripts (verify-client.ts, request-client.ts) into _astro/; the floor only links them. */
const script = (base: string, name: string) => `<script type="module" src="${base}_astro/${name}.js"></script>`;

/** src/components/AuditLine.astro */
function auditLine(e: AuditEvent, forge: Forge | undefined, lang: string): string {
	const t = useTranslations(lang);
	const short = e.commit.slice(0, 7);
	const who = e.mergedBy ? t('audit.proposedMerged', { author: e.author, merger: e.mergedBy }) : t('audit.by', { author: e.author });
	const pr =
		e.pullRequest !== undefined
			? ` · ${forge ? `<a href="${attr(forge.pullRequest(e.pullRequest))}">${escapeHtml(t('audit.pullRequest', { n: e.pullRequest }))}</a>` : escapeHtml(t('audit.pullRequest', { n: e.pullRequest }))}`
			: '';
	const commit = forge ? `<a href="${attr(forge.commit(e.commit))}">${escapeHtml(t('audit.commit', { sha: short }))}</a>` : escapeHtml(t('audit.commit', { sha: short }));
	return `<span class="audit-what">${escapeHtml(t(`audit.kind.${e.kind}` as UiKey))}</span> <time datetime="${e.date}">${escapeHtml(formatDate(e.date, lang))}</time> <span>${escapeHtml(who)}${pr}${
		e.approvedBy ? ` · ${escapeHtml(t('audit.approvedBy', { name: e.approvedBy }))}` : ''
	} · ${commit}${e.reason ? ` · ${escapeHtml(t('audit.reason', { reason: e.reason }))}` : ''}</span>`;
}

function awardPage(c: Context, award: Award): string {
	const { site, history, forge } = c;
	const { issuer } = site;
	const badge = site.badges.get(award.badge)!;
	const recipient = site.recipients.get(award.recipient)!;
	const lang = issuer.language;
	const t = useTranslations(lang);
	const base = basePath(issuer.site);
	const urls = siteUrls(issuer.site);
	const state = awardState(award);
	const trail = c.trails.get(award.id) ?? [];
	const format = badge.image.format;
	const statusDetail =
		state === 'revoked'
			? t('award.status.revoked.detail', { issuer: issuer.name, date: formatDate(award.revoked!.date, lang), reason: award.revoked!.reason.replace(/[.\s]+$/, '') })
			: state === 'expired'
				? t('award.status.expired.detail', { issuer: issuer.name, date: formatDate(award.expires!, lang) })
				: t('award.status.valid.detail', { issuer: issuer.name });
	const verify: VerifyConfig = {
		lang,
		site: issuer.site,
		base,
		issuer: didWeb(issuer.site).did,
		issuerName: issuer.name,
		credentialId: urls.credential(award.id),
		credentialJwt: urls.credentialJwt(award.id),
		statusList: urls.statusList(),
		statusIndex: statusIndex(award.id),
		validFrom: award.issuedOn,
		...(award.expires ? { validUntil: award.expires } : {}),
		identity: recipient.identity!, // synthetic sites have no erased recipient
		...(award.revoked ? { revoked: award.revoked } : {}),
	};
	const expiredDetail = award.expires ? t('award.status.expired.detail', { issuer: issuer.name, date: formatDate(award.expires, lang) }) : '';
	const earnedBy = recipient.publicName
		? escapeHtml(recipient.publicName)
		: `${escapeHtml(t('award.anonymous'))}<p class="muted small">${escapeHtml(t('award.anonymous.detail'))}</p>`;
	const evidence = award.evidence.length
		? `<section aria-labelledby="evidence"><h2 id="evidence">${escapeHtml(t('award.evidence'))}</h2><ul class="evidence">${award.evidence
				.map(
					(e) =>
						`<li>${e.url ? `<a href="${attr(e.url)}">${escapeHtml(e.name ?? e.url)}</a>` : e.name ? `<strong>${escapeHtml(e.name)}</strong>` : ''}${
							e.narrative ? `<div class="prose">${renderMarkdown(e.narrative)}</div>` : ''
						}</li>`,
				)
				.join('')}</ul></section>`
		: '';
	const download = (href: string, label: string, detail: string, extra = '') =>
		`<li><a href="${href}"${extra}>${escapeHtml(label)}</a><p class="muted small">${escapeHtml(detail)}</p></li>`;
	const body = `<article class="award"><div class="status status-${state}" role="status"${award.expires ? ` data-expires="${award.expires}"` : ''} data-expired-label="${attr(t('award.status.expired'))}" data-expired-detail="${attr(expiredDetail)}">${stateIcons(
		state === 'revoked' ? ['revoked'] : ['valid', 'expired'],
	)}<div><p class="status-label">${escapeHtml(t(`award.status.${state}`))}</p><p class="status-detail">${escapeHtml(statusDetail)}</p></div></div><header class="hero"><img src="${base + paths.bakedImage(award.id, format)}" alt="${attr(badge.imageAlt)}" width="200" height="200"><div><p class="eyebrow">${escapeHtml(
		t(`type.${badge.type}` as UiKey),
	)}</p><h1>${escapeHtml(badge.name)}</h1><p class="lead">${escapeHtml(badge.description)}</p></div></header><dl class="facts"><div><dt>${escapeHtml(t('award.earnedBy'))}</dt><dd>${earnedBy}</dd></div><div><dt>${escapeHtml(
		t('award.issuedOn'),
	)}</dt><dd><time datetime="${award.issuedOn}">${escapeHtml(formatDate(award.issuedOn, lang))}</time></dd></div><div><dt>${escapeHtml(t('award.expires'))}</dt><dd>${
		award.expires ? `<time datetime="${award.expires}">${escapeHtml(formatDate(award.expires, lang))}</time>` : escapeHtml(t('award.noExpiry'))
	}</dd></div><div><dt>${escapeHtml(t('award.issuer'))}</dt><dd><a href="${base + paths.issuerPage()}">${escapeHtml(issuer.name)}</a></dd></div></dl>${
		award.narrative
			? `<section aria-labelledby="narrative"><h2 id="narrative">${escapeHtml(t('award.narrative'))}</h2><div class="prose">${renderMarkdown(award.narrative)}</div></section>`
			: ''
	}${evidence}<section aria-labelledby="certifies"><h2 id="certifies">${escapeHtml(t('award.whatItCertifies'))}</h2><div class="prose">${renderMarkdown(badge.criteria)}</div><p><a href="${
		base + paths.badgePage(badge.slug)
	}">${escapeHtml(t('award.badgePage'))}</a></p></section><section aria-labelledby="verify" class="verify" data-verify="${attr(JSON.stringify(verify))}"><h2 id="verify">${escapeHtml(t('verify.title'))}</h2><p>${escapeHtml(
		t('verify.intro'),
	)}</p><p class="verify-nojs muted">${escapeHtml(t('verify.noScript'))}</p><div class="verify-js" hidden><div class="status status-pending verify-result" role="status" aria-live="polite" data-state="pending">${stateIcons([
		'pending',
		'valid',
		'expired',
		'revoked',
		'invalid',
		'error',
	])}<div><p class="verify-label">${escapeHtml(t('verify.pending'))}</p><p class="verify-detail">${escapeHtml(t('verify.pending.detail'))}</p><ul class="verify-facts small"></ul></div></div><p><button type="button" class="button verify-run">${escapeHtml(
		t('verify.run'),
	)}</button></p><p class="muted small">${escapeHtml(t('verify.trust'))}</p><h3>${escapeHtml(t('verify.email.title'))}</h3><p>${escapeHtml(t('verify.email.intro'))}</p><form class="email-check"><label for="email-check">${escapeHtml(
		t('verify.email.label'),
	)}</label><input id="email-check" type="email" autocomplete="email" spellcheck="false" required><button type="submit" class="button">${escapeHtml(t('verify.email.submit'))}</button></form><p class="muted small">${escapeHtml(
		t('verify.email.private'),
	)}</p><p class="email-result" role="status" aria-live="polite"></p></div></section><section aria-labelledby="downloads" class="downloads"><h2 id="downloads">${escapeHtml(t('award.downloads'))}</h2>${
		state === 'revoked' ? `<p>${escapeHtml(t('award.download.revoked'))}</p>` : ''
	}<ul>${download(base + paths.bakedImage(award.id, format), t('award.download.image', { format: format.toUpperCase() }), t('award.download.image.detail'), ` download="${badge.slug}-${award.id}.${format}"`)}${download(
		base + paths.assertion(award.id),
		t('award.download.json'),
		t('award.download.json.detail'),
	)}${download(base + paths.signedAssertion(award.id), t('award.download.jws'), t('award.download.jws.detail'))}${download(base + paths.credential(award.id), t('award.download.credential'), t('award.download.credential.detail'))}${download(
		base + paths.credentialJwt(award.id),
		t('award.download.jwt'),
		t('award.download.jwt.detail'),
	)}</ul><p class="muted small">${escapeHtml(t('award.id'))} : <code>${award.id}</code></p></section><section aria-labelledby="history"><h2 id="history">${escapeHtml(t('audit.award.title'))}</h2>${
		!history.available
			? `<p>${escapeHtml(t('audit.unavailable'))}</p>`
			: trail.length === 0
				? `<p>${escapeHtml(t('audit.award.none'))}</p>`
				: `<ul class="audit">${trail.map((e) => `<li>${auditLine(e, forge, lang)}</li>`).join('')}</ul>`
	}<p><a href="${base + paths.audit()}">${escapeHtml(t('audit.link'))}</a></p></section></article>${EXPIRY_SCRIPT}${script(base, 'verify')}`;
	return layout(c, {
		title: t('award.title', { badge: badge.name }),
		description: badge.description,
		jsonLd: base + paths.assertion(award.id),
		current: base + paths.awardPage(award.id),
		body,
	});
}

function badgePage(c: Context, badge: Badge, awards: readonly Award[]): string {
	const { issuer } = c.site;
	const lang = issuer.language;
	const t = useTranslations(lang);
	const base = basePath(issuer.site);
	const countText = awardCountText(t, awards);
	const requestUrl = siteUrls(issuer.site).badgeRequest(badge.slug);
	const qr = qrSvg(requestUrl, t('badge.request.qr', { badge: badge.name }));
	const alignments = badge.alignments.length
		? `<section aria-labelledby="alignments"><h2 id="alignments">${escapeHtml(t('badge.alignments'))}</h2><ul class="alignments">${badge.alignments
				.map((a) => {
					const extra = [a.framework && `${t('badge.alignment.framework')} ${a.framework}`, a.code && `${t('badge.alignment.code')} ${a.code}`].filter(Boolean).join(', ');
					return `<li><a href="${attr(a.url)}">${escapeHtml(a.name)}</a>${extra ? `<span class="muted"> — ${escapeHtml(extra)}</span>` : ''}${a.description ? `<p>${escapeHtml(a.description)}</p>` : ''}</li>`;
				})
				.join('')}</ul></section>`
		: '';
	const body = `<article class="badge-page"><header class="hero"><img src="${base + paths.badgeImage(badge.slug, badge.image.format)}" alt="${attr(badge.imageAlt)}" width="160" height="160"><div><p class="eyebrow">${escapeHtml(
		t(`type.${badge.type}` as UiKey),
	)}</p><h1>${escapeHtml(badge.name)}</h1><p class="lead">${escapeHtml(badge.description)}</p><p>${escapeHtml(t('badge.issuedBy'))} <a href="${base + paths.issuerPage()}">${escapeHtml(issuer.name)}</a> · <strong>${escapeHtml(
		countText,
	)}</strong></p></div></header><dl class="facts"><div><dt>${escapeHtml(t('badge.validity'))}</dt><dd>${escapeHtml(
		badge.validity ? formatDuration(badge.validity, lang) : t('badge.validity.none'),
	)}</dd></div>${badge.tags.length ? `<div><dt>${escapeHtml(t('badge.tags'))}</dt><dd><ul class="tags">${badge.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('')}</ul></dd></div>` : ''}</dl><section aria-labelledby="criteria"><h2 id="criteria">${escapeHtml(
		t('badge.criteria'),
	)}</h2><div class="prose">${renderMarkdown(badge.criteria)}</div></section>${alignments}<section aria-labelledby="request" class="request-cta"><h2 id="request">${escapeHtml(t('badge.request.title'))}</h2><div class="request-cta-inner"><div class="qr">${qr}</div><div><p>${escapeHtml(
		t('badge.request.text'),
	)}</p><p><a class="button" href="${base + paths.badgeRequest(badge.slug)}">${escapeHtml(t('badge.request.link'))}</a></p><p class="muted small">${escapeHtml(t('badge.request.print'))}</p><p class="muted small"><code>${escapeHtml(
		requestUrl,
	)}</code></p></div></div></section><p class="machine"><a href="${base + paths.badgeClass(badge.slug)}">${escapeHtml(t('badge.json'))}</a></p></article>`;
	return layout(c, { title: badge.name, description: badge.description, jsonLd: base + paths.badgeClass(badge.slug), current: base + paths.badgePage(badge.slug), body });
}

const REQUEST_FIELDS = ['badge', 'identity-hash', 'identity-salt', 'name', 'consent', 'evidence-url', 'narrative', 'claim-code'];

/** src/pages/badges/[slug]/request/index.astro */
function requestPage(c: Context, badge: Badge): string {
	const { issuer } = c.site;
	const t = useTranslations(issuer.language);
	const base = basePath(issuer.site);
	const config: RequestConfig = {
		badge: badge.slug,
		badgeName: badge.name,
		...(c.forge?.kind === 'github' ? { repository: c.forge.repository } : {}),
		issuerEmail: issuer.email,
		text: Object.fromEntries(
			(['request.issueTitle', 'request.mailSubject', 'request.mailIntro', ...REQUEST_FIELDS.map((f) => `request.field.${f}`)] as UiKey[]).map((key) => [key, t(key)]),
		),
	};
	const e = (k: UiKey, vars?: Record<string, string | number>) => escapeHtml(t(k, vars));
	const field = (id: string, name: string, label: UiKey, input: string, help?: UiKey) =>
		`<p><label for="${id}">${e(label)}</label>${input.replace('%', `id="${id}" name="${name}"${help ? ` aria-describedby="${id}-help"` : ''}`)}${help ? `<span id="${id}-help" class="muted small">${e(help)}</span>` : ''}</p>`;
	const body = `<article class="request"><header class="hero"><img src="${base + paths.badgeImage(badge.slug, badge.image.format)}" alt="${attr(badge.imageAlt)}" width="120" height="120"><div><h1>${e('request.title', { badge: badge.name })}</h1><p class="lead">${e(
		'request.intro',
	)}</p><p><a href="${base + paths.badgePage(badge.slug)}">${e('award.badgePage')}</a></p></div></header><p class="notice">${e('request.privacy')}</p><noscript><p>${e('request.noScript', { email: issuer.email })}</p></noscript><form class="request-form" data-request="${attr(
		JSON.stringify(config),
	)}"><h2>${e('request.form')}</h2>${field('request-email', 'email', 'request.email', '<input % type="email" autocomplete="email" spellcheck="false" required>', 'request.email.help')}${field(
		'request-name',
		'name',
		'request.name',
		'<input % type="text" autocomplete="name">',
	)}<p class="checkbox"><input id="request-consent" name="consent" type="checkbox" aria-describedby="request-consent-help"><label for="request-consent">${e('request.consent')}</label><span id="request-consent-help" class="muted small">${e(
		'request.consent.help',
	)}</span></p>${field('request-evidence', 'evidence-url', 'request.evidence', '<input % type="url" inputmode="url" placeholder="https://">', 'request.evidence.help')}${field(
		'request-narrative',
		'narrative',
		'request.narrative',
		'<textarea % rows="4"></textarea>',
	)}${field('request-code', 'claim-code', 'request.claimCode', '<input % type="text" autocomplete="off">', 'request.claimCode.help')}<p><button type="submit" class="button">${e(
		'request.submit',
	)}</button></p></form><section class="request-result" aria-labelledby="request-result" hidden><h2 id="request-result" tabindex="-1">${e('request.result')}</h2><p>${e('request.result.intro')} <code class="request-hash"></code></p><ul><li><a class="request-github" href="#" hidden>${e(
		'request.github',
	)}</a></li><li><a class="request-mail" href="#">${e('request.mail')}</a><p class="muted small">${e('request.mail.note')}</p></li></ul></section></article>${script(base, 'request')}`;
	return layout(c, { title: t('request.title', { badge: badge.name }), description: badge.description, current: base + paths.badgeRequest(badge.slug), body });
}

function homePage(c: Context, awardsByBadge: Map<string, Award[]>): string {
	const { issuer } = c.site;
	const t = useTranslations(issuer.language);
	const base = basePath(issuer.site);
	const badges = [...c.site.badges.values()].sort((a, b) => a.name.localeCompare(b.name, issuer.language));
	const cards = badges
		.map((badge) => {
			const count = awardCountText(t, awardsByBadge.get(badge.slug) ?? []);
			return `<article class="badge-card"><img src="${base + paths.badgeImage(badge.slug, badge.image.format)}" alt="${attr(badge.imageAlt)}" width="128" height="128" loading="lazy"><div><h3><a href="${
				base + paths.badgePage(badge.slug)
			}">${escapeHtml(badge.name)}</a></h3><p class="pill">${escapeHtml(t(`type.${badge.type}` as UiKey))}</p><p>${escapeHtml(badge.description)}</p><p class="muted">${escapeHtml(count)}</p></div></article>`;
		})
		.join('');
	const body = `<section class="hero">${issuer.logo ? `<img src="${base + paths.issuerImage(issuer.logo.format)}" alt="" width="96" height="96">` : ''}<div><h1>${escapeHtml(issuer.name)}</h1>${
		issuer.description ? `<div class="lead">${renderMarkdown(issuer.description)}</div>` : ''
	}<p>${escapeHtml(t('home.intro'))}</p></div></section><section aria-labelledby="catalogue"><h2 id="catalogue">${escapeHtml(t('home.catalogue'))}</h2>${
		badges.length === 0 ? `<p>${escapeHtml(t('home.empty'))}</p>` : `<div class="badge-grid">${cards}</div>`
	}</section>`;
	return layout(c, { title: issuer.name, description: issuer.description, jsonLd: base + paths.issuerProfile(), current: base, body });
}

function issuerPage(c: Context): string {
	const { site } = c;
	const { issuer } = site;
	const t = useTranslations(issuer.language);
	const base = basePath(issuer.site);
	const withdrawn = withdrawnCountText(t, site.awards);
	const revokedText = withdrawn && t('issuer.stats.including', { parts: withdrawn });
	const body = `<article class="issuer"><header class="hero">${issuer.logo ? `<img src="${base + paths.issuerImage(issuer.logo.format)}" alt="${attr(`Logo ${issuer.name}`)}" width="96" height="96">` : ''}<div><p class="eyebrow">${escapeHtml(
		t('issuer.title'),
	)}</p><h1>${escapeHtml(issuer.name)}</h1>${issuer.description ? `<div class="lead">${renderMarkdown(issuer.description)}</div>` : ''}</div></header><dl class="facts"><div><dt>${escapeHtml(
		t('issuer.website'),
	)}</dt><dd><a href="${attr(issuer.url)}">${escapeHtml(issuer.url.replace(/^https?:\/\//, ''))}</a></dd></div><div><dt>${escapeHtml(t('issuer.contact'))}</dt><dd><a href="mailto:${attr(issuer.email)}">${escapeHtml(
		issuer.email,
	)}</a></dd></div><div><dt>${escapeHtml(t('issuer.stats'))}</dt><dd>${site.badges.size} ${escapeHtml(t('issuer.stats.badges'))} · ${site.awards.length} ${escapeHtml(t('issuer.stats.awards'))}${
		revokedText ? escapeHtml(` (${revokedText})`) : ''
	}</dd></div></dl><section aria-labelledby="about"><h2 id="about">${escapeHtml(t('issuer.about'))}</h2><p>${escapeHtml(t('issuer.about.text'))}</p><p><a href="${base + paths.issuerProfile()}">${escapeHtml(
		t('issuer.profile'),
	)}</a></p></section></article>`;
	return layout(c, { title: t('issuer.title'), description: issuer.description, jsonLd: base + paths.issuerProfile(), current: base + paths.issuerPage(), body });
}

/** src/pages/audit/index.astro, newest first. */
function auditPage(c: Context, events: readonly AuditEvent[]): string {
	const { site, history, forge } = c;
	const { issuer } = site;
	const t = useTranslations(issuer.language);
	const base = basePath(issuer.site);
	const awards = new Map(site.awards.map((a) => [a.id, a]));
	const list = !history.available
		? `<p class="notice">${escapeHtml(t('audit.unavailable'))}</p>`
		: events.length === 0
			? `<p>${escapeHtml(t('audit.empty'))}</p>`
			: `<ol class="audit" reversed>${events
					.map((e) => {
						const award = awards.get(e.awardId);
						const badge = award && site.badges.get(award.badge);
						const what = award
							? `<a href="${base + paths.awardPage(award.id)}">${escapeHtml(badge ? t('audit.award', { badge: badge.name }) : award.id)}</a>`
							: escapeHtml(t('audit.unknownAward', { id: e.awardId }));
						return `<li><p>${what} — ${auditLine(e, forge, issuer.language)}</p></li>`;
					})
					.join('')}</ol>`;
	const body = `<article class="audit-page"><h1>${escapeHtml(t('audit.title'))}</h1><p class="lead">${escapeHtml(t('audit.intro'))}</p><p><a href="${base + paths.auditFeed()}">${escapeHtml(t('audit.feed'))}</a></p>${list}</article>`;
	const head = `<link rel="alternate" type="application/atom+xml" href="${base + paths.auditFeed()}" title="${attr(t('audit.title'))}">`;
	return layout(c, { title: t('audit.title'), description: t('audit.intro'), head, current: base + paths.audit(), body });
}

/** src/pages/audit/feed.xml.ts: the same Atom feed, newest first. */
function auditFeed(c: Context, events: readonly AuditEvent[]): string {
	const { site, forge } = c;
	const { issuer } = site;
	const t = useTranslations(issuer.language);
	const url = siteUrls(issuer.site);
	const x = escapeHtml;
	const awards = new Map(site.awards.map((a) => [a.id, a]));
	const entries = events.map((e) => {
		const award = awards.get(e.awardId);
		const badge = award && site.badges.get(award.badge);
		const what = `${t(`audit.kind.${e.kind}` as UiKey)} — ${badge ? t('audit.award', { badge: badge.name }) : e.awardId}`;
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
	return [
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
}

function notFoundPage(c: Context): string {
	const t = useTranslations(c.site.issuer.language);
	const base = basePath(c.site.issuer.site);
	const body = `<h1>${escapeHtml(t('notFound.title'))}</h1><p>${escapeHtml(t('notFound.text'))}</p><p><a href="${base + paths.home()}">${escapeHtml(t('notFound.back'))}</a></p>`;
	return layout(c, { title: t('notFound.title'), current: `${base}404`, body });
}

export interface FloorResult {
	awards: number;
	files: number;
	bytes: number;
	/** Sum of the durations of every runJob call: the bare signing cost, seconds. */
	signingSeconds: number;
	/** runJob calls made (three per award, one for the status list). */
	signatures: number;
}

export async function buildFloor(root: string, outDir: string): Promise<FloorResult> {
	const result = await loadSite(root);
	if (!result.site) {
		const errors = sortProblems(result.problems).filter((p) => p.severity === 'error');
		throw new Error(`content has errors:\n${errors.map(formatProblem).join('\n')}`);
	}
	const site = result.site;
	// The build's key: without BLASON_SIGNING_KEY (the empty env), the development key in <root>/.blason/.
	const resolved = await resolveSigningKey(root, site.keys, {});
	if (!resolved.key) throw new Error(`no signing key:\n${resolved.problems.map(formatProblem).join('\n')}`);
	const { key, published } = resolved;
	const keys = { rsa: key.rsa, ed25519: key.ed25519 };
	let signingMs = 0;
	let signatures = 0;
	/** One signature, inline on this thread, timed. */
	const sign = async (job: SignJob) => {
		const t0 = performance.now();
		const signature = await runJob(job, keys);
		signingMs += performance.now() - t0;
		signatures++;
		return signature;
	};

	await rm(outDir, { recursive: true, force: true });
	let files = 0;
	let bytes = 0;
	const dirs = new Map<string, Promise<unknown>>();
	const put = async (rel: string, data: string | Uint8Array) => {
		const file = path.join(outDir, rel);
		const dir = path.dirname(file);
		let made = dirs.get(dir);
		if (!made) dirs.set(dir, (made = mkdir(dir, { recursive: true })));
		await made;
		await writeFile(file, data);
		files++;
		bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
	};
	const page = (p: string) => `${p}index.html`;

	// The audit trail from the content's Git history, as the build reads it.
	const history = readHistory(root);
	const trails = new Map<string, AuditEvent[]>();
	for (const e of history.events) trails.set(e.awardId, [...(trails.get(e.awardId) ?? []), e]);
	const c: Context = { site, history, forge: detectForge(root), trails, development: key.info.development };

	// Site-wide files.
	const { issuer } = site;
	await put(paths.issuerProfile(), serialise(buildProfile(issuer, published.map((k) => k.id))));
	if (issuer.logo) await put(paths.issuerImage(issuer.logo.format), issuer.logo.bytes);
	for (const [name, schema] of Object.entries(schemas)) await put(paths.schema(name as keyof typeof schemas), `${JSON.stringify(schema, null, 2)}\n`);
	await mkdir(path.join(outDir, '_astro'), { recursive: true });
	await copyFile(path.join(projectRoot, 'src/styles/site.css'), path.join(outDir, CSS_HREF));
	files++;
	bytes += (await stat(path.join(outDir, CSS_HREF))).size;
	const awardsByBadge = new Map<string, Award[]>();
	for (const a of site.awards) awardsByBadge.set(a.badge, [...(awardsByBadge.get(a.badge) ?? []), a]);
	await put(page(paths.home()), homePage(c, awardsByBadge));
	await put(page(paths.issuerPage()), issuerPage(c));
	await put('404.html', notFoundPage(c));
	const newestFirst = [...history.events].reverse();
	await put(page(paths.audit()), auditPage(c, newestFirst));
	await put(paths.auditFeed(), auditFeed(c, newestFirst));

	for (const badge of site.badges.values()) {
		await put(paths.badgeClass(badge.slug), serialise(buildBadgeClass(badge, issuer)));
		await put(paths.badgeImage(badge.slug, badge.image.format), badge.image.bytes);
		await put(page(paths.badgePage(badge.slug)), badgePage(c, badge, awardsByBadge.get(badge.slug) ?? []));
		await put(page(paths.badgeRequest(badge.slug)), requestPage(c, badge));
		const subtitle = useTranslations(issuer.language)('social.issuedBy', { issuer: issuer.name });
		await put(paths.socialImage(badge.slug), renderSocialImage({ title: badge.name, subtitle, artwork: badge.image, background: issuer.primaryColor }));
	}

	// Keys, DID document, revocation and status lists, achievements: the same functions as the build.
	const siteDocs = prepareSite(site, key.info);
	const siteSignatures = [];
	for (const job of siteDocs.jobs) siteSignatures.push(await sign(job));
	for (const f of assembleSite(site, siteDocs, siteSignatures, published)) await put(f.path, f.bytes);

	// Awards one after the other: signing is sequential (so the sum of runJob durations is the
	// signing time of this thread), while the files of up to 16 awards are being written.
	const writing = new Set<Promise<unknown>>();
	for (const award of site.awards) {
		const prepared = prepareAward(site, award, key.info);
		const signed: string[] = [];
		for (const job of prepared.jobs) signed.push(await sign(job));
		const out = [...assembleAward(site, prepared, signed), { path: page(paths.awardPage(award.id)), bytes: awardPage(c, award) }];
		const done: Promise<unknown> = Promise.all(out.map((f) => put(f.path, f.bytes))).then(() => writing.delete(done));
		writing.add(done);
		if (writing.size >= 16) await Promise.race(writing);
		// runJob settles in microtasks only: let the event loop move the pending writes on.
		else await new Promise(setImmediate);
	}
	await Promise.all(writing);
	return { awards: site.awards.length, files, bytes, signingSeconds: signingMs / 1000, signatures };
}

/** Same measure as the real build's summary: files and bytes below `dir`. */
async function measure(dir: string): Promise<{ files: number; bytes: number }> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	let bytes = 0;
	let files = 0;
	for (const e of entries) {
		if (!e.isFile()) continue;
		files++;
		bytes += (await stat(path.join(e.parentPath, e.name))).size;
	}
	return { files, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const opt = (name: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const started = performance.now();
	const root = path.resolve(opt('--root') ?? '.');
	const out = path.resolve(opt('--out') ?? path.join(projectRoot, 'bench/out/floor'));
	const { awards, signingSeconds, signatures } = await buildFloor(root, out);
	const { files, bytes } = await measure(out);
	const mib = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MiB`;
	console.log(`  bare signing: ${signingSeconds.toFixed(3)} s in ${signatures} runJob calls (${((signingSeconds * 1000) / awards).toFixed(2)} ms per award)`);
	console.log(`✓ ${awards} awards, ${files} files, ${mib(bytes)} (${(bytes / awards / 1024).toFixed(1)} KiB per award) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}`);
}
