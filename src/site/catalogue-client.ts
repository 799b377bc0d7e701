/**
 * Filters the home page's catalogue in the browser. Without this script every badge shows and the
 * filter controls stay hidden. With it, the controls appear; each change hides the cards that do
 * not match, says how many remain in a live region, and writes the choice in the URL query
 * (history.replaceState), so that the address can be shared and a reload restores the view.
 * No request, no library.
 */
import { FILTERS, filterFromQuery, matches, queryOf, readCard, type CatalogueFilter } from './catalogue.ts';
import { onLanguage, type Translate } from './i18n-client.ts';

/** What the live region says: "1 badge affiché sur {total}", "{count} badges affichés sur {total}", or none. */
export interface CatalogueText {
	one: string;
	other: string;
	none: string;
}

export function mountCatalogue(root: HTMLElement): void {
	const form = root.querySelector<HTMLFormElement>('form.catalogue-filters');
	const live = root.querySelector<HTMLElement>('.catalogue-count');
	if (!form || !live) return;
	const text = JSON.parse(form.dataset.text ?? '{}') as CatalogueText;
	// The count follows the language switcher; the page gives its strings in its own language.
	let t: Translate = (key) => key;
	const cards = [...root.querySelectorAll<HTMLElement>('.badge-card')].map((el) => ({ el, facets: readCard(el.dataset) }));
	const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | null;

	const current = (): CatalogueFilter => {
		const filter: CatalogueFilter = {};
		for (const name of FILTERS) {
			const value = select(name)?.value;
			if (value) filter[name] = value;
		}
		return filter;
	};

	const apply = (writeUrl: boolean) => {
		const filter = current();
		let shown = 0;
		for (const { el, facets } of cards) {
			const match = matches(facets, filter);
			el.hidden = !match;
			if (match) shown++;
		}
		live.textContent = shown === 0 ? t('catalogue.count.none') : t(shown === 1 ? 'catalogue.count.one' : 'catalogue.count.other', { count: shown, total: cards.length });
		if (writeUrl) history.replaceState(history.state, '', `${location.pathname}${queryOf(filter, location.search)}${location.hash}`);
	};

	// A shared or reloaded address: select what it asks for, when the catalogue still offers it.
	const asked = filterFromQuery(location.search);
	for (const name of FILTERS) {
		const control = select(name);
		const value = asked[name];
		if (control && value && [...control.options].some((o) => o.value === value)) control.value = value;
	}
	form.hidden = false;
	let mounted = false;
	onLanguage((next) => {
		t = next;
		if (mounted) apply(false);
	}, { 'catalogue.count.one': text.one, 'catalogue.count.other': text.other, 'catalogue.count.none': text.none });
	mounted = true;
	form.addEventListener('change', () => apply(true));
	form.addEventListener('submit', (e) => e.preventDefault());
	// The reset button empties the selects after its event: apply once it has.
	form.addEventListener('reset', () => setTimeout(() => apply(true)));
	apply(false);
}
