/**
 * The interface strings, for pages and build code: one dictionary per language (src/i18n/<lang>.json,
 * flat dotted keys, the same keys and placeholders in each; test/unit/i18n.test.ts checks it).
 *
 * Pages are rendered in the site's default language. An element whose text comes from a dictionary
 * also carries a marker, `data-i18n="key"` (see `mark`), so that the language switcher can render it
 * again in the browser, in the visitor's language, on the same URL (src/site/i18n-client.ts).
 * Browser code must not import this module (it holds every dictionary): see ./format.ts.
 */
import fr from './fr.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };
import { escapeHtml } from '../lib/markdown.ts';
import { formatMessage, formatMessageParts, type Dictionary, type Message, type MessageVars } from './format.ts';
import { isLang, type Lang } from './languages.ts';

export { formatDate, formatDuration, type Dictionary, type Message, type MessageVar, type MessageVars } from './format.ts';
export { LANGUAGES, LANGUAGE_NAMES, isLang, type Lang } from './languages.ts';

export type UiKey = keyof typeof fr;
/** A message whose key the dictionaries have. */
export interface UiMessage extends Message {
	key: UiKey;
}

export const dictionaries: Readonly<Record<Lang, Dictionary>> = { fr, en, nl };

export type Translate = (key: UiKey | UiMessage, vars?: MessageVars) => string;

/**
 * Translation function for one language, falling back to French for a missing key.
 * @example
 * const t = useTranslations('en');
 * t('award.status.expired.detail', { issuer: 'Passerelles', date: { date: '2026-03-14' } });
 * // "This badge was awarded by Passerelles, but its validity period ended on 14 March 2026."
 */
export function useTranslations(lang: string): Translate {
	const dict = dictionaries[isLang(lang) ? lang : 'fr'];
	return (key, vars) => (typeof key === 'string' ? formatMessage(dict, lang, key, vars, fr) : formatMessage(dict, lang, key.key, key.vars ?? vars, fr));
}

export const message = (key: UiKey, vars?: MessageVars): UiMessage => (vars ? { key, vars } : { key });

type Marker = { 'data-i18n': string; 'data-i18n-vars'?: string };

/**
 * The attributes that mark an element whose whole text is this message, for the language switcher:
 * `<h2 {...mark('award.actions')}>{t('award.actions')}</h2>`. Give the variables the text was made
 * with, except those an ancestor already declares with `scopeVars` (they are inherited, which keeps
 * award pages small). The element must hold nothing but this text.
 */
export function mark(key: UiKey | UiMessage, vars?: MessageVars): Marker {
	const m = typeof key === 'string' ? { key, vars } : { key: key.key, vars: key.vars ?? vars };
	return m.vars && Object.keys(m.vars).length > 0 ? { 'data-i18n': m.key, 'data-i18n-vars': JSON.stringify(m.vars) } : { 'data-i18n': m.key };
}

/**
 * For a message whose variables are values written as they are in every language (a name, a
 * commit, a number): its marker, and its text as HTML with each value in a child element,
 * `par <span data-v="author">Léa</span>`, instead of a second time in `data-i18n-vars`. The
 * language switcher keeps those elements and translates the text around them. The audit log
 * names an author, a commit and a badge for every event: this halves its bytes.
 * `const m = markInline(lang, 'audit.by', { author });` then `<span {...m.attrs} set:html={m.html} />`.
 */
export function markInline(lang: string, key: UiKey, values: InlineValues): { attrs: Marker; html: string } {
	const parts = formatMessageParts(dictionaries[isLang(lang) ? lang : 'fr'], lang, key, values, (name) => name in values, fr);
	const html = parts.map((p) => (typeof p === 'string' ? escapeHtml(p) : `<span data-v="${p.name}">${escapeHtml(String(values[p.name]))}</span>`)).join('');
	return { attrs: { 'data-i18n': key }, html };
}
type InlineValues = Readonly<Record<string, string | number>>;

/** Marks translatable attributes: `{...markAttrs({ 'aria-label': 'nav.label' })}`; variables as for `mark`. */
export function markAttrs(attrs: Readonly<Record<string, UiKey>>, vars?: MessageVars): Record<string, string> {
	const list = Object.entries(attrs).map(([name, key]) => `${name}:${key}`).join(';');
	return { 'data-i18n-attr': list, ...(vars && Object.keys(vars).length > 0 ? { 'data-i18n-vars': JSON.stringify(vars) } : {}) };
}

/** Declares variables for every marker inside an element (the page's issuer, badge…), said once. */
export const scopeVars = (values: MessageVars): { 'data-i18n-vars': string } => ({ 'data-i18n-vars': JSON.stringify(values) });

/**
 * Marks with keys relative to a namespace, to keep pages small: inside an element carrying
 * `namespace('award').attrs`, `ns.mark('award.actions')` writes `data-i18n=".actions"`. Keys from
 * other namespaces are written in full.
 */
export function namespace(ns: string) {
	const relative = (key: string) => (key.startsWith(`${ns}.`) ? key.slice(ns.length) : key);
	return {
		attrs: { 'data-i18n-ns': ns },
		mark: (key: UiKey | UiMessage, vars?: MessageVars): Marker => {
			const m = mark(key, vars);
			return { ...m, 'data-i18n': relative(m['data-i18n']) };
		},
		markInline: (lang: string, key: UiKey, values: InlineValues) => {
			const m = markInline(lang, key, values);
			return { ...m, attrs: { 'data-i18n': relative(key) } };
		},
		markAttrs: (attrs: Readonly<Record<string, UiKey>>, vars?: MessageVars) => {
			const m = markAttrs(attrs, vars);
			return { ...m, 'data-i18n-attr': m['data-i18n-attr']!.split(';').map((pair) => pair.replace(/:(.*)$/, (_, key: string) => `:${relative(key)}`)).join(';') };
		},
	};
}
