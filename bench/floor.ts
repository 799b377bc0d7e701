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
 * badge, home, issuer, 404) are template strings that follow src/pages and src/layouts (same
 * translations, Markdown renderer, dates). Only the framework and the worker threads are missing:
 * no Vite bundling, no Astro rendering pipeline, no HTML compression. The stylesheet is copied as is.
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
import { assembleAward, prepareAward } from '../src/lib/publish/signed-award.ts';
import { assembleSite, prepareSite } from '../src/lib/publish/site-files.ts';
import { resolveSigningKey } from '../src/lib/signing/resolve-key.ts';
import { runJob, type SignJob } from '../src/lib/signing/sign-jobs.ts';
import { basePath, paths } from '../src/lib/urls.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const CSS_HREF = '_astro/site.css';

const attr = (s: string) => escapeHtml(s);

function layout(site: Site, o: { title: string; description?: string | undefined; jsonLd?: string; current: string; body: string }): string {
	const { issuer } = site;
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
	return `<!DOCTYPE html><html lang="${issuer.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>${
		o.description ? `<meta name="description" content="${attr(o.description)}">` : ''
	}<meta name="generator" content="Blason">${o.jsonLd ? `<link rel="alternate" type="application/ld+json" href="${attr(o.jsonLd)}">` : ''}${
		logo ? `<link rel="icon" href="${logo}">` : ''
	}<link rel="stylesheet" href="${href(CSS_HREF)}"></head><body style="${style}"><a class="skip-link" href="#main">${escapeHtml(t('site.skip'))}</a><header class="site-header"><div class="container header-inner"><a class="brand" href="${href(paths.home())}">${
		logo ? `<img src="${logo}" alt="" width="48" height="48">` : ''
	}<span>${escapeHtml(issuer.name)}</span></a><nav aria-label="${attr(t('nav.label'))}"><ul><li><a href="${href(paths.home())}"${o.current === base ? ' aria-current="page"' : ''}>${escapeHtml(t('nav.badges'))}</a></li><li><a href="${href(paths.issuerPage())}"${
		o.current.startsWith(href(paths.issuerPage())) ? ' aria-current="page"' : ''
	}>${escapeHtml(t('nav.issuer'))}</a></li></ul></nav></div></header><main id="main" class="container">${o.body}</main><footer class="site-footer"><div class="container footer-inner">${footer}<p>${escapeHtml(t('footer.poweredBy'))}</p></div></footer></body></html>`;
}

const ICON_VALID = '<svg class="status-icon icon-valid" aria-hidden="true" viewBox="0 0 24 24" width="28" height="28"><circle cx="12" cy="12" r="11" fill="currentColor"></circle><path d="M6.5 12.5l3.5 3.5 7.5-8" stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round" stroke-linejoin="round"></path></svg>';
const ICON_EXPIRED = '<svg class="status-icon icon-expired" aria-hidden="true" viewBox="0 0 24 24" width="28" height="28"><circle cx="12" cy="12" r="11" fill="currentColor"></circle><path d="M12 6v6.5l4 2.5" stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round" stroke-linejoin="round"></path></svg>';
const EXPIRY_SCRIPT = `<script>
		// The site is static: a badge that expired after the last build is shown as expired anyway.
		(() => {
			const s = document.querySelector('.status[data-expires]');
			if (!s || s.classList.contains('status-expired') || new Date(s.dataset.expires) > new Date()) return;
			s.classList.replace('status-valid', 'status-expired');
			s.querySelector('.status-label').textContent = s.dataset.expiredLabel;
			s.querySelector('.status-detail').textContent = s.dataset.expiredDetail;
		})();
	</script>`;

function awardPage(site: Site, award: Award): string {
	const { issuer } = site;
	const badge = site.badges.get(award.badge)!;
	const recipient = site.recipients.get(award.recipient)!;
	const lang = issuer.language;
	const t = useTranslations(lang);
	const base = basePath(issuer.site);
	const expired = award.expires !== undefined && new Date(award.expires) < new Date();
	const format = badge.image.format;
	const statusDetail = expired
		? t('award.status.expired.detail', { issuer: issuer.name, date: formatDate(award.expires!, lang) })
		: t('award.status.valid.detail', { issuer: issuer.name });
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
	const body = `<article class="award"><div class="status ${expired ? 'status-expired' : 'status-valid'}" role="status"${award.expires ? ` data-expires="${award.expires}"` : ''} data-expired-label="${attr(t('award.status.expired'))}" data-expired-detail="${attr(expiredDetail)}">${ICON_VALID}${ICON_EXPIRED}<div><p class="status-label">${escapeHtml(
		expired ? t('award.status.expired') : t('award.status.valid'),
	)}</p><p class="status-detail">${escapeHtml(statusDetail)}</p></div></div><header class="hero"><img src="${base + paths.bakedImage(award.id, format)}" alt="${attr(badge.imageAlt)}" width="200" height="200"><div><p class="eyebrow">${escapeHtml(
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
	}">${escapeHtml(t('award.badgePage'))}</a></p></section><section aria-labelledby="downloads" class="downloads"><h2 id="downloads">${escapeHtml(t('award.downloads'))}</h2><ul><li><a href="${
		base + paths.bakedImage(award.id, format)
	}" download="${badge.slug}-${award.id}.${format}">${escapeHtml(t('award.download.image', { format: format.toUpperCase() }))}</a><p class="muted small">${escapeHtml(
		t('award.download.image.detail'),
	)}</p></li><li><a href="${base + paths.assertion(award.id)}">${escapeHtml(t('award.download.json'))}</a><p class="muted small">${escapeHtml(
		t('award.download.json.detail'),
	)}</p></li></ul><p class="muted small">${escapeHtml(t('award.id'))} : <code>${award.id}</code></p></section></article>${EXPIRY_SCRIPT}`;
	return layout(site, {
		title: t('award.title', { badge: badge.name }),
		description: badge.description,
		jsonLd: base + paths.assertion(award.id),
		current: base + paths.awardPage(award.id),
		body,
	});
}

function badgePage(site: Site, badge: Badge, count: number): string {
	const { issuer } = site;
	const lang = issuer.language;
	const t = useTranslations(lang);
	const base = basePath(issuer.site);
	const countText = count === 0 ? t('badge.awardCount.zero') : count === 1 ? t('badge.awardCount.one') : t('badge.awardCount.other', { count });
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
	)}</h2><div class="prose">${renderMarkdown(badge.criteria)}</div></section>${alignments}<p class="machine"><a href="${base + paths.badgeClass(badge.slug)}">${escapeHtml(t('badge.json'))}</a></p></article>`;
	return layout(site, { title: badge.name, description: badge.description, jsonLd: base + paths.badgeClass(badge.slug), current: base + paths.badgePage(badge.slug), body });
}

function homePage(site: Site, counts: Map<string, number>): string {
	const { issuer } = site;
	const t = useTranslations(issuer.language);
	const base = basePath(issuer.site);
	const badges = [...site.badges.values()].sort((a, b) => a.name.localeCompare(b.name, issuer.language));
	const cards = badges
		.map((badge) => {
			const n = counts.get(badge.slug) ?? 0;
			const count = n === 0 ? t('badge.awardCount.zero') : n === 1 ? t('badge.awardCount.one') : t('badge.awardCount.other', { count: n });
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
	return layout(site, { title: issuer.name, description: issuer.description, jsonLd: base + paths.issuerProfile(), current: base, body });
}

function issuerPage(site: Site): string {
	const { issuer } = site;
	const t = useTranslations(issuer.language);
	const base = basePath(issuer.site);
	const body = `<article class="issuer"><header class="hero">${issuer.logo ? `<img src="${base + paths.issuerImage(issuer.logo.format)}" alt="${attr(`Logo ${issuer.name}`)}" width="96" height="96">` : ''}<div><p class="eyebrow">${escapeHtml(
		t('issuer.title'),
	)}</p><h1>${escapeHtml(issuer.name)}</h1>${issuer.description ? `<div class="lead">${renderMarkdown(issuer.description)}</div>` : ''}</div></header><dl class="facts"><div><dt>${escapeHtml(
		t('issuer.website'),
	)}</dt><dd><a href="${attr(issuer.url)}">${escapeHtml(issuer.url.replace(/^https?:\/\//, ''))}</a></dd></div><div><dt>${escapeHtml(t('issuer.contact'))}</dt><dd><a href="mailto:${attr(issuer.email)}">${escapeHtml(
		issuer.email,
	)}</a></dd></div><div><dt>${escapeHtml(t('issuer.stats'))}</dt><dd>${site.badges.size} ${escapeHtml(t('issuer.stats.badges'))} · ${site.awards.length} ${escapeHtml(
		t('issuer.stats.awards'),
	)}</dd></div></dl><section aria-labelledby="about"><h2 id="about">${escapeHtml(t('issuer.about'))}</h2><p>${escapeHtml(t('issuer.about.text'))}</p><p><a href="${base + paths.issuerProfile()}">${escapeHtml(
		t('issuer.profile'),
	)}</a></p></section></article>`;
	return layout(site, { title: t('issuer.title'), description: issuer.description, jsonLd: base + paths.issuerProfile(), current: base + paths.issuerPage(), body });
}

function notFoundPage(site: Site): string {
	const t = useTranslations(site.issuer.language);
	const base = basePath(site.issuer.site);
	const body = `<h1>${escapeHtml(t('notFound.title'))}</h1><p>${escapeHtml(t('notFound.text'))}</p><p><a href="${base + paths.home()}">${escapeHtml(t('notFound.back'))}</a></p>`;
	return layout(site, { title: t('notFound.title'), current: `${base}404`, body });
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

	// Site-wide files.
	const { issuer } = site;
	await put(paths.issuerProfile(), serialise(buildProfile(issuer, published.map((k) => k.id))));
	if (issuer.logo) await put(paths.issuerImage(issuer.logo.format), issuer.logo.bytes);
	for (const [name, schema] of Object.entries(schemas)) await put(paths.schema(name as keyof typeof schemas), `${JSON.stringify(schema, null, 2)}\n`);
	await mkdir(path.join(outDir, '_astro'), { recursive: true });
	await copyFile(path.join(projectRoot, 'src/styles/site.css'), path.join(outDir, CSS_HREF));
	files++;
	bytes += (await stat(path.join(outDir, CSS_HREF))).size;
	const counts = new Map<string, number>();
	for (const a of site.awards) counts.set(a.badge, (counts.get(a.badge) ?? 0) + 1);
	await put(page(paths.home()), homePage(site, counts));
	await put(page(paths.issuerPage()), issuerPage(site));
	await put('404.html', notFoundPage(site));

	for (const badge of site.badges.values()) {
		await put(paths.badgeClass(badge.slug), serialise(buildBadgeClass(badge, issuer)));
		await put(paths.badgeImage(badge.slug, badge.image.format), badge.image.bytes);
		await put(page(paths.badgePage(badge.slug)), badgePage(site, badge, counts.get(badge.slug) ?? 0));
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
		const out = [...assembleAward(site, prepared, signed), { path: page(paths.awardPage(award.id)), bytes: awardPage(site, award) }];
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
