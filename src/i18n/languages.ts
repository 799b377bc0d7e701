/**
 * The languages of the interface, in one place. A site is built in its default language
 * (issuer.yaml `language`); the switcher in the header shows the others in the browser, on the
 * same URLs (src/site/i18n-client.ts). To add a language, see src/i18n/README.md.
 */
export const LANGUAGES = ['fr', 'en', 'nl'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each language's name in that language, as the switcher shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { fr: 'Français', en: 'English', nl: 'Nederlands' };

/**
 * The locale that formats dates, numbers and lists in a language: British English ("14 March
 * 2026"), as read in Europe, where Blason's associations and their recruiters are.
 */
export const intlLocale = (lang: string): string => (lang === 'en' ? 'en-GB' : lang);

export const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
