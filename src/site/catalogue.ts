/**
 * The home page's catalogue filters, by type, tag and competency. Every card carries its values in
 * data attributes and shows without JavaScript; src/site/catalogue-client.ts hides the cards that do
 * not match and keeps the choice in the URL query (?type=…&tag=…&competency=…), so that a filtered
 * view can be shared. The functions here run both at build time and in the browser: no runtime imports.
 */
import type { Alignment, Badge } from '../lib/content/model.ts';

/** The URL query parameters, in the order the page writes them. */
export const FILTERS = ['type', 'tag', 'competency'] as const;
export type FilterName = (typeof FILTERS)[number];
export type CatalogueFilter = Partial<Record<FilterName, string>>;

/** What a card is filtered on. */
export interface CardFacets {
	type: string;
	tags: string[];
	competencies: string[];
}

/**
 * The value a competency option and a card share: the framework and the competency's name, so that
 * two frameworks may name a competency alike. Readable in a shared URL.
 */
export const competencyKey = (a: Pick<Alignment, 'name' | 'framework'>): string => (a.framework ? `${a.framework} : ${a.name}` : a.name);

export function facetsOf(badge: Badge): CardFacets {
	return { type: badge.type, tags: [...new Set(badge.tags)], competencies: [...new Set(badge.alignments.map(competencyKey))] };
}

/** The data attributes of a badge card. */
export function cardAttributes(badge: Badge): Record<string, string> {
	const f = facetsOf(badge);
	return { 'data-type': f.type, 'data-tags': JSON.stringify(f.tags), 'data-competencies': JSON.stringify(f.competencies) };
}

/** Reads a card's data attributes back (in the browser). */
export function readCard(dataset: DOMStringMap): CardFacets {
	const list = (json: string | undefined) => {
		try {
			const value: unknown = JSON.parse(json ?? '[]');
			return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
		} catch {
			return [];
		}
	};
	return { type: dataset.type ?? '', tags: list(dataset.tags), competencies: list(dataset.competencies) };
}

/** True if the card matches every filter that is set. */
export function matches(card: CardFacets, filter: CatalogueFilter): boolean {
	return (
		(!filter.type || card.type === filter.type) &&
		(!filter.tag || card.tags.includes(filter.tag)) &&
		(!filter.competency || card.competencies.includes(filter.competency))
	);
}

/** The filter a URL query asks for (empty and unknown parameters ignored). */
export function filterFromQuery(search: string): CatalogueFilter {
	const params = new URLSearchParams(search);
	const filter: CatalogueFilter = {};
	for (const name of FILTERS) {
		const value = params.get(name);
		if (value) filter[name] = value;
	}
	return filter;
}

/**
 * The URL query for a filter, keeping any other parameter of `search`: '' when nothing is set, so
 * that the unfiltered catalogue keeps its plain address.
 */
export function queryOf(filter: CatalogueFilter, search = ''): string {
	const params = new URLSearchParams(search);
	for (const name of FILTERS) {
		const value = filter[name];
		if (value) params.set(name, value);
		else params.delete(name);
	}
	const query = params.toString();
	return query ? `?${query}` : '';
}

export interface CatalogueOptions {
	types: string[];
	tags: string[];
	/** Grouped by framework, in the order of the frameworks' names; competencies without one last. */
	competencies: { framework?: string; items: { key: string; name: string; code?: string }[] }[];
}

/** The options of the filter controls: only values that some badge has. */
export function catalogueOptions(badges: readonly Badge[], lang: string): CatalogueOptions {
	const collator = new Intl.Collator(lang);
	const codes = new Intl.Collator(lang, { numeric: true });
	const types = [...new Set(badges.map((b) => b.type))];
	const tags = [...new Set(badges.flatMap((b) => b.tags))].sort(collator.compare);
	const groups = new Map<string, Map<string, { key: string; name: string; code?: string }>>();
	for (const a of badges.flatMap((b) => b.alignments)) {
		const framework = a.framework ?? '';
		const items = groups.get(framework) ?? groups.set(framework, new Map()).get(framework)!;
		const key = competencyKey(a);
		if (!items.has(key)) items.set(key, { key, name: a.name, ...(a.code ? { code: a.code } : {}) });
	}
	const competencies = [...groups]
		.sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)))
		.map(([framework, items]) => ({
			...(framework ? { framework } : {}),
			items: [...items.values()].sort((x, y) => codes.compare(x.code ?? '', y.code ?? '') || collator.compare(x.name, y.name)),
		}));
	return { types, tags, competencies };
}
