import fr from './fr.json' with { type: 'json' };

export type UiKey = keyof typeof fr;
const dictionaries = { fr } as const;
export type Lang = keyof typeof dictionaries;

/** Translation function for one language, falling back to French (the default) for missing keys. */
export function useTranslations(lang: string) {
	const dict: Record<string, string> = dictionaries[lang as Lang] ?? fr;
	return (key: UiKey, vars: Record<string, string | number> = {}) =>
		(dict[key] ?? fr[key]).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

// Building an Intl.DateTimeFormat costs more than formatting with it; award pages format several dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(dateTime: string, lang: string): string {
	let format = dateFormats.get(lang);
	if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })));
	return format.format(new Date(dateTime));
}

/** "P2Y" → "2 ans", in words for people. */
export function formatDuration(duration: string, lang: string): string {
	const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
	if (!m) return duration;
	const units = ['year', 'month', 'week', 'day'] as const;
	const parts = units.flatMap((unit, i) =>
		m[i + 1] ? [new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(Number(m[i + 1]))] : [],
	);
	return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(parts);
}
