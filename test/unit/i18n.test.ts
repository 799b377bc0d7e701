import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries, LANGUAGES, mark, markAttrs, markInline, message, namespace, useTranslations } from '../../src/i18n/index.ts';
import { formatDate, formatDuration, formatMessage, formatMessageParts, placeholders } from '../../src/i18n/format.ts';
import { awardCount, withdrawnCount } from '../../src/site/award-state.ts';
import type { Award } from '../../src/lib/content/model.ts';
import { projectRoot } from '../helpers.ts';

const fr = dictionaries.fr;
const keys = Object.keys(fr);

/** Every .ts and .astro file of src/ that may use the dictionaries (the dictionaries themselves aside). */
const sources = readdirSync(path.join(projectRoot, 'src'), { recursive: true, withFileTypes: true })
	.filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
	.map((e) => path.join(e.parentPath, e.name))
	.filter((f) => !f.includes(`${path.sep}i18n${path.sep}`))
	.map((f) => ({ file: path.relative(projectRoot, f), text: readFileSync(f, 'utf8') }));

describe('the dictionaries', () => {
	it.each(LANGUAGES.filter((l) => l !== 'fr'))('%s has exactly the keys of fr.json, each with the same placeholders', (lang) => {
		const dict = dictionaries[lang];
		expect(Object.keys(dict).sort()).toEqual([...keys].sort());
		for (const key of keys) expect(placeholders(dict[key]!), `${lang} ${key}`).toEqual(placeholders(fr[key]!));
	});

	it.each(LANGUAGES)('%s has no empty string and no leftover French in English or Dutch', (lang) => {
		const dict = dictionaries[lang];
		for (const key of keys) expect(dict[key]!.trim(), `${lang} ${key}`).not.toBe('');
		if (lang === 'fr') return;
		// The same text as French is fine for names and codes ("Badges", "Contact", "Code"), not for sentences.
		const same = keys.filter((k) => dict[k] === fr[k] && fr[k]!.split(' ').length > 4);
		expect(same, lang).toEqual([]);
	});

	it('has every key that the pages, components and client scripts use', () => {
		// Literal keys given to the functions and attributes that take one.
		const call = /(?:\bt|\bmark|\bmessage|\bsay|\bk|\.mark)\(\s*['"]([a-zA-Z]+(?:\.[\w-]+)+)['"]|dataset\.i18n\s*=\s*['"]([\w.-]+)['"]|'data-i18n':\s*'([\w.-]+)'/g;
		const attrs = /markAttrs\(\{([^}]*)\}/g;
		const used = new Map<string, string>();
		for (const { file, text } of sources) {
			for (const m of text.matchAll(call)) used.set(m[1] ?? m[2] ?? m[3]!, file);
			for (const m of text.matchAll(attrs)) for (const k of m[1]!.matchAll(/:\s*'([\w.-]+)'/g)) used.set(k[1]!, file);
		}
		expect(used.size).toBeGreaterThan(150);
		const missing = [...used].filter(([key]) => !(key in fr)).map(([key, file]) => `${file}: ${key}`);
		expect(missing).toEqual([]);
	});

	it('has no key that nothing uses', () => {
		const all = sources.map((s) => s.text).join('\n');
		// A key is used if it is written somewhere in full, or if code builds it from a prefix (`type.${badge.type}`).
		const literal = new Set(Array.from(all.matchAll(/['"`]([a-zA-Z]+(?:\.[\w-]+)+)['"`]/g), (m) => m[1]!));
		const prefixes = Array.from(all.matchAll(/`([a-zA-Z]+(?:\.[\w-]+)*\.)\$\{/g), (m) => m[1]!);
		const unused = keys.filter((k) => !literal.has(k) && !prefixes.some((p) => k.startsWith(p)));
		expect(unused).toEqual([]);
	});
});

describe('messages', () => {
	it('formats dates, durations and lists for each language', () => {
		expect(['fr', 'en', 'nl'].map((l) => formatDate('2026-03-14', l))).toEqual(['14 mars 2026', '14 March 2026', '14 maart 2026']);
		expect(['fr', 'en', 'nl'].map((l) => formatDuration('P1Y6M', l).replace(/\s/g, ' '))).toEqual(['1 an et 6 mois', '1 year and 6 months', '1 jaar en 6 maanden']);
	});

	it('renders nested messages with the variables around them, and lists with the language’s "and"', () => {
		const revoked: Award = { id: 'a', badge: 'b', recipient: 'r', issuedOn: '2026-01-01T00:00:00Z', evidence: [], file: 'f', revoked: { date: '2026-02-01', reason: 'x' } };
		const erased: Award = { ...revoked, id: 'c', erased: '2026-03-01T00:00:00Z' };
		const plain: Award = { id: 'd', badge: 'b', recipient: 'r', issuedOn: '2026-01-01T00:00:00Z', evidence: [], file: 'f' };
		const count = awardCount([revoked, erased, plain, { ...plain, id: 'e' }, { ...revoked, id: 'g' }]);
		expect(LANGUAGES.map((l) => useTranslations(l)(count))).toEqual([
			'Décerné 5 fois, dont 2 révoqués et 1 retiré',
			'Awarded 5 times, including 2 revoked and 1 withdrawn',
			'5 keer uitgereikt, waarvan 2 ingetrokken en 1 teruggenomen',
		]);
		expect(withdrawnCount([plain])).toBeUndefined();
		// {badge} of the nested message comes from the outer message's variables.
		expect(formatMessage(dictionaries.en, 'en', 'site.pageTitle', { title: { key: 'award.title' }, badge: 'Digital workshop', issuer: 'Passerelles' })).toBe(
			'“Digital workshop” badge · Passerelles',
		);
		const t = useTranslations('en');
		expect(t('award.status.expired.detail', { issuer: 'Passerelles', date: { date: '2026-03-14T00:00:00Z' } })).toBe(
			'This badge was awarded by Passerelles, but its validity period ended on 14 March 2026.',
		);
		// A missing placeholder stays visible rather than vanishing.
		expect(t('award.title')).toBe('“{badge}” badge');
	});

	it('marks elements with their key, the variables they were made with, and keys relative to a namespace', () => {
		expect(mark('award.actions')).toEqual({ 'data-i18n': 'award.actions' });
		expect(mark(message('award.status.revoked.detail', { date: { date: '2026-02-01' } }))).toEqual({
			'data-i18n': 'award.status.revoked.detail',
			'data-i18n-vars': '{"date":{"date":"2026-02-01"}}',
		});
		expect(markAttrs({ 'aria-label': 'nav.label', title: 'lang.label' })).toEqual({ 'data-i18n-attr': 'aria-label:nav.label;title:lang.label' });
		const ns = namespace('award');
		expect(ns.attrs).toEqual({ 'data-i18n-ns': 'award' });
		expect(ns.mark('award.actions')).toEqual({ 'data-i18n': '.actions' });
		expect(ns.mark('verify.title')).toEqual({ 'data-i18n': 'verify.title' });
		expect(ns.markAttrs({ 'aria-label': 'award.qr.label' })).toEqual({ 'data-i18n-attr': 'aria-label:.qr.label' });
	});

	it('writes values that every language shows as they are once, in the text, for the switcher to translate around', () => {
		// The audit log names an author and a commit on every line: not again in data-i18n-vars.
		expect(markInline('fr', 'audit.proposedMerged', { author: 'Bob <B> & Co', merger: 'Chloé' })).toEqual({
			attrs: { 'data-i18n': 'audit.proposedMerged' },
			html: 'proposé par <span data-v="author">Bob &lt;B&gt; &amp; Co</span>, accepté par <span data-v="merger">Chloé</span>',
		});
		expect(namespace('audit').markInline('fr', 'audit.pullRequest', { n: 12 })).toEqual({ attrs: { 'data-i18n': '.pullRequest' }, html: 'demande de fusion n° <span data-v="n">12</span>' });
		// What the switcher renders in another language: the places of the values, the rest formatted.
		const inline = (name: string) => name === 'author';
		expect(formatMessageParts(dictionaries.en, 'en', 'audit.proposedMerged', { merger: 'Chloé' }, inline)).toEqual(['proposed by ', { name: 'author' }, ', accepted by Chloé']);
		expect(formatMessageParts(dictionaries.nl, 'nl', 'audit.by', {}, inline)).toEqual(['door ', { name: 'author' }]);
		// Without inline values, the parts are the formatted message.
		const vars = { issuer: 'Passerelles', date: { date: '2026-03-14T00:00:00Z' } };
		expect(formatMessageParts(dictionaries.en, 'en', 'award.status.expired.detail', vars, () => false)).toEqual([formatMessage(dictionaries.en, 'en', 'award.status.expired.detail', vars)]);
	});
});
