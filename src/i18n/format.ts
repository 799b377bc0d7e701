/**
 * Turns a message (a dictionary key and its variables) into text, for one language. The same code
 * runs at build time, where pages are rendered in the site's default language, and in the browser,
 * where the language switcher renders them again in the visitor's language: it imports no
 * dictionary, so client scripts stay small.
 */
import { intlLocale } from './languages.ts';

/** One language's interface strings: flat dotted keys, `{name}` placeholders. */
export type Dictionary = Readonly<Record<string, string>>;

/**
 * A placeholder's value. Plain text and numbers are inserted as they are; the others are
 * formatted for the language: a date (ISO 8601, shown as a long date in UTC), a duration (ISO 8601,
 * "P2Y"), a list of values joined with "and", or another message.
 */
export type MessageVar = string | number | { date: string } | { duration: string } | { list: MessageVar[] } | Message;
export type MessageVars = Readonly<Record<string, MessageVar>>;

/** A dictionary key with its variables: what a `data-i18n` marker carries to the browser. */
export interface Message {
	key: string;
	vars?: MessageVars;
}

// Building an Intl formatter costs more than formatting with it: pages format many dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-03-14" → "14 mars 2026" (fr), "14 March 2026" (en), "14 maart 2026" (nl); in UTC, as award dates are. */
export function formatDate(dateTime: string, lang: string): string {
	let format = dateFormats.get(lang);
	if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' })));
	return format.format(new Date(dateTime));
}

/** "P2Y" → "2 ans", "2 years", "2 jaar": in words for people. */
export function formatDuration(duration: string, lang: string): string {
	const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
	if (!m) return duration;
	const units = ['year', 'month', 'week', 'day'] as const;
	const parts = units.flatMap((unit, i) =>
		m[i + 1] ? [new Intl.NumberFormat(intlLocale(lang), { style: 'unit', unit, unitDisplay: 'long' }).format(Number(m[i + 1]))] : [],
	);
	return new Intl.ListFormat(intlLocale(lang), { style: 'long', type: 'conjunction' }).format(parts);
}

/** The `{name}` placeholders of a string, sorted: every language must use the same ones. */
export const placeholders = (text: string): string[] => [...new Set(Array.from(text.matchAll(/\{(\w+)\}/g), (m) => m[1]!))].sort();

/**
 * The text of `key` in `dict`, its placeholders filled with `vars`. A key the dictionary lacks
 * falls back to `fallback` (the default language's dictionary), then to the key itself; a
 * placeholder without a value stays as it is, visibly.
 */
export function formatMessage(dict: Dictionary, lang: string, key: string, vars: MessageVars = {}, fallback?: Dictionary): string {
	const template = dict[key] ?? fallback?.[key] ?? key;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = vars[name];
		return value === undefined ? whole : formatVar(dict, lang, value, vars, fallback);
	});
}

/** A piece of a message: text, or the place of a variable shown by an element of its own. */
export type MessagePart = string | { name: string };

/**
 * `formatMessage`, cut where the placeholders for which `inline(name)` is true go: those stay
 * places (`{ name }`) for the caller to fill with an element, the others become text. Adjacent
 * text is joined; no part is empty.
 */
export function formatMessageParts(dict: Dictionary, lang: string, key: string, vars: MessageVars, inline: (name: string) => boolean, fallback?: Dictionary): MessagePart[] {
	const template = dict[key] ?? fallback?.[key] ?? key;
	const parts: MessagePart[] = [];
	let text = '';
	let last = 0;
	for (const m of template.matchAll(/\{(\w+)\}/g)) {
		const name = m[1]!;
		text += template.slice(last, m.index);
		last = m.index + m[0].length;
		if (inline(name)) {
			if (text) parts.push(text);
			parts.push({ name });
			text = '';
		} else {
			const value = vars[name];
			text += value === undefined ? m[0] : formatVar(dict, lang, value, vars, fallback);
		}
	}
	text += template.slice(last);
	if (text) parts.push(text);
	return parts;
}

/** A nested message sees the variables of the message around it, its own first. */
function formatVar(dict: Dictionary, lang: string, value: MessageVar, outer: MessageVars, fallback?: Dictionary): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if ('date' in value) return formatDate(value.date, lang);
	if ('duration' in value) return formatDuration(value.duration, lang);
	if ('list' in value) return new Intl.ListFormat(intlLocale(lang), { style: 'long', type: 'conjunction' }).format(value.list.map((v) => formatVar(dict, lang, v, outer, fallback)));
	return formatMessage(dict, lang, value.key, { ...outer, ...value.vars }, fallback);
}
