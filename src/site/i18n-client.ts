/**
 * The language switcher, in the browser. Pages are built in the site's default language (the
 * `lang` of <html>); a visitor who picks another one gets the same page, on the same URL, with its
 * interface rendered again in that language:
 *
 * - `data-i18n="key"`: the element's text is the message `key`, with the variables of
 *   `data-i18n-vars` (JSON) on the element and its ancestors (the nearest wins); a key starting
 *   with "." is relative to the nearest `data-i18n-ns` (award pages are the bulk of a site); a
 *   child `<span data-v="name">` holds the value of the placeholder `{name}` (a name, a commit),
 *   kept as it is while the text around it is translated;
 * - `data-i18n-attr="aria-label:key;title:key2"`: attributes, with the same variables;
 * - `<time datetime>`: a date, shown long ("14 March 2026"); `data-duration="P2Y"`: a duration;
 * - `data-b="name|description|criteria|imageAlt"` inside `data-badge="<slug>"`: the badge's own
 *   content, from `badges/<slug>/translations.json` when its author translated it (the variable
 *   `badge` of that element's `data-i18n-vars` follows the translated name).
 *
 * The dictionary of a language is fetched from this site (`i18n/<lang>.json`) only when a visitor
 * asks for a language the page was not built in: visitors who keep the default download nothing.
 * The choice is kept in localStorage, and `?lang=en|nl|fr` in any URL chooses too (a shared link).
 * Scripts that write text themselves follow with `onLanguage`, told by the `blason:lang` event.
 * Without JavaScript the switcher stays hidden and the page stays in its language.
 */
import { formatDate, formatDuration, formatMessage, formatMessageParts, type Dictionary, type MessageVars } from '../i18n/format.ts';
import { isLang } from '../i18n/languages.ts';
import { paths } from '../lib/urls.ts';

export type Translate = (key: string, vars?: MessageVars) => string;
export interface LanguageDetail {
	lang: string;
	dictionary: Dictionary;
}

/** Dispatched on `document` once a language is applied; `detail` is a LanguageDetail. */
export const LANGUAGE_EVENT = 'blason:lang';
const STORAGE_KEY = 'blason-lang';

const root = document.documentElement;
/** The language the page was built in (the site's default). */
export const pageLanguage = root.lang;
const switcher = document.querySelector<HTMLElement>('nav[data-base]');
/** The site's base path, e.g. /badges/. */
const base = switcher?.dataset.base ?? '/';
let applied: LanguageDetail | undefined;
let pending = 0;

const fetched = new Map<string, Promise<unknown>>();
/** A JSON file of this site, fetched once per page; never another origin. */
function fetchJson<T>(path: string): Promise<T> {
	const url = new URL(path, location.href);
	if (url.origin !== location.origin) return Promise.reject(new Error(`${url} is not on this site`));
	let promise = fetched.get(url.href);
	if (!promise) {
		promise = fetch(url, { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: ${r.status}`))));
		fetched.set(url.href, promise);
		promise.catch(() => fetched.delete(url.href));
	}
	return promise as Promise<T>;
}

export const loadDictionary = (lang: string): Promise<Dictionary> => fetchJson<Dictionary>(base + paths.uiStrings(lang));

/** The language shown now: the page's, until another one has been applied. */
export const currentLanguage = (): string => applied?.lang ?? pageLanguage;

/** The variables of an element: its own `data-i18n-vars` over its ancestors'. */
export function varsOf(el: Element): MessageVars {
	const chain: MessageVars[] = [];
	for (let e: Element | null = el; e; e = e.parentElement) {
		const json = e.getAttribute('data-i18n-vars');
		if (json) chain.unshift(JSON.parse(json) as MessageVars);
	}
	return Object.assign({}, ...chain) as MessageVars;
}

type BadgeFields = Partial<Record<'name' | 'description' | 'criteria' | 'imageAlt', string>>;
/** `badges/<slug>/translations.json`: each language's fields, the default language's included. */
type BadgeTranslations = Record<string, BadgeFields>;

/** Shows each marked badge field in `lang` where its author translated it, in the default language otherwise. */
async function renderBadges(lang: string): Promise<void> {
	const scopes = [...document.querySelectorAll<HTMLElement>('[data-badge]')];
	if (scopes.length === 0) return;
	const all = await Promise.all(scopes.map((s) => fetchJson<BadgeTranslations>(base + paths.badgeTranslations(s.dataset.badge!)).catch(() => undefined)));
	scopes.forEach((scope, i) => {
		const translations = all[i];
		if (!translations) return;
		const field = (name: keyof BadgeFields) => {
			const own = translations[lang]?.[name];
			return own === undefined ? { text: translations[pageLanguage]?.[name], lang: pageLanguage } : { text: own, lang };
		};
		for (const el of scope.querySelectorAll<HTMLElement>('[data-b]')) {
			if (el.closest('[data-badge]') !== scope && el !== scope) continue;
			const { text, lang: textLang } = field(el.dataset.b as keyof BadgeFields);
			if (text === undefined) continue;
			if (el instanceof HTMLImageElement) el.alt = text;
			// The criteria are Markdown made into HTML at build time by this site, like the page itself.
			else if (el.dataset.b === 'criteria') el.innerHTML = text;
			else el.textContent = text;
			el.lang = textLang;
		}
		// Messages that name the badge ("“{badge}” badge") follow its name.
		const json = scope.getAttribute('data-i18n-vars');
		const name = field('name').text;
		if (json && name !== undefined) scope.setAttribute('data-i18n-vars', JSON.stringify({ ...(JSON.parse(json) as MessageVars), badge: name }));
	});
}

/** A marker's key: ".x" is relative to the namespace of the nearest `data-i18n-ns` ("award" → "award.x"). */
const keyOf = (key: string, el: Element) => (key.startsWith('.') ? (el.closest('[data-i18n-ns]')?.getAttribute('data-i18n-ns') ?? '') + key : key);

/** The `<span data-v>` values of each marker that has some, as the page was built. */
const inlineValues = new WeakMap<Element, Map<string, Element>>();
function valuesOf(el: Element): Map<string, Element> {
	let values = inlineValues.get(el);
	if (!values) inlineValues.set(el, (values = new Map([...el.querySelectorAll<HTMLElement>(':scope > [data-v]')].map((v) => [v.dataset.v!, v]))));
	return values;
}

/** Renders every marker of the page in `lang`. */
function renderPage(dictionary: Dictionary, lang: string): void {
	const t = (key: string, el: Element) => formatMessage(dictionary, lang, keyOf(key, el), varsOf(el));
	for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
		const values = valuesOf(el);
		if (values.size === 0) el.textContent = t(el.dataset.i18n!, el);
		else {
			const parts = formatMessageParts(dictionary, lang, keyOf(el.dataset.i18n!, el), varsOf(el), (name) => values.has(name));
			el.replaceChildren(...parts.map((p) => (typeof p === 'string' ? p : values.get(p.name)!.cloneNode(true))));
		}
	}
	for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
		for (const pair of el.dataset.i18nAttr!.split(';')) {
			const [name, key] = pair.split(':') as [string, string];
			el.setAttribute(name, t(key, el));
		}
	}
	for (const el of document.querySelectorAll<HTMLTimeElement>('time[datetime]')) el.textContent = formatDate(el.dateTime, lang);
	for (const el of document.querySelectorAll<HTMLElement>('[data-duration]')) el.textContent = formatDuration(el.dataset.duration!, lang);
	root.lang = lang;
	for (const a of switcher?.querySelectorAll<HTMLAnchorElement>('a[data-lang]') ?? []) {
		if (a.dataset.lang === lang) a.setAttribute('aria-current', 'true');
		else a.removeAttribute('aria-current');
	}
}

/** Shows the page in `lang` (fr, en or nl), remembered for the next pages unless `remember` is false. */
export async function setLanguage(lang: string, remember = true): Promise<void> {
	if (!isLang(lang)) return;
	if (remember) {
		try {
			localStorage.setItem(STORAGE_KEY, lang);
		} catch {
			// Storage refused (private mode, a blocked cookie setting): the choice lasts for this page.
		}
	}
	if (lang === currentLanguage() && !pending) return;
	const ticket = ++pending;
	try {
		const [dictionary] = await Promise.all([loadDictionary(lang), renderBadges(lang)]);
		// A later choice made while this one was loading wins.
		if (ticket !== pending) return;
		renderPage(dictionary, lang);
		applied = { lang, dictionary };
		document.dispatchEvent(new CustomEvent<LanguageDetail>(LANGUAGE_EVENT, { detail: applied }));
	} catch (e) {
		console.warn(`Blason: language ${lang} could not be loaded`, e);
	} finally {
		if (ticket === pending) pending = 0;
	}
}

/**
 * For scripts that write text: calls `render` now with the strings of the current language, and
 * again after every switch. `defaults` holds the strings the script needs in the page's language
 * (usually read from the page, so that nothing is fetched for it).
 */
export function onLanguage(render: (t: Translate, lang: string) => void, defaults: Dictionary): void {
	const call = ({ lang, dictionary }: LanguageDetail) =>
		render((key, vars) => formatMessage(lang === pageLanguage ? { ...dictionary, ...defaults } : dictionary, lang, key, vars, defaults), lang);
	call(applied ?? { lang: pageLanguage, dictionary: defaults });
	document.addEventListener(LANGUAGE_EVENT, (e) => call((e as CustomEvent<LanguageDetail>).detail));
}

/** Wires the header's switcher and applies the language asked by `?lang=` or chosen earlier. */
export function mountLanguageSwitcher(): void {
	if (!switcher) return;
	switcher.hidden = false;
	for (const a of switcher.querySelectorAll<HTMLAnchorElement>('a[data-lang]')) {
		a.addEventListener('click', (event) => {
			event.preventDefault();
			const lang = a.dataset.lang!;
			// An address that asked for a language asks for this one now, so that it can be shared as it is.
			const url = new URL(location.href);
			if (url.searchParams.has('lang')) {
				url.searchParams.set('lang', lang);
				history.replaceState(history.state, '', url);
			}
			void setLanguage(lang);
		});
	}
	const asked = new URLSearchParams(location.search).get('lang');
	let stored: string | null = null;
	try {
		stored = localStorage.getItem(STORAGE_KEY);
	} catch {
		// No storage: only ?lang= chooses.
	}
	const lang = isLang(asked) ? asked : isLang(stored) ? stored : pageLanguage;
	if (isLang(asked)) void setLanguage(asked);
	else if (lang !== pageLanguage) void setLanguage(lang, false);
}
