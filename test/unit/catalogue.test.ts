import { describe, expect, it } from 'vitest';
import type { Badge } from '../../src/lib/content/model.ts';
import { cardAttributes, catalogueOptions, filterFromQuery, matches, queryOf, readCard } from '../../src/site/catalogue.ts';

const badge = (slug: string, type: Badge['type'], tags: string[], alignments: Badge['alignments'] = []) =>
	({ slug, name: slug, description: '', type, tags, alignments, imageAlt: '', criteria: '', image: { file: '', format: 'png', bytes: new Uint8Array() } }) satisfies Badge;

const atelier = badge('atelier', 'skill', ['numérique'], [{ name: 'Gérer des données', url: 'https://example.org/1.3', framework: 'DigComp 2.2', code: '1.3' }]);
const festival = badge('festival', 'engagement', ['bénévolat', 'numérique'], [
	{ name: 'Collaborer', url: 'https://example.org/2.4', framework: 'DigComp 2.2', code: '2.4' },
	{ name: 'Travailler en équipe', url: 'https://example.org/equipe' },
	{ name: 'Collaborer', url: 'https://example.org/autre', framework: 'Autre référentiel' },
]);

describe('catalogue filters', () => {
	it('round-trips a card through its data attributes', () => {
		const attrs = cardAttributes(festival);
		expect(attrs).toEqual({
			'data-type': 'engagement',
			'data-tags': '["bénévolat","numérique"]',
			'data-competencies': '["DigComp 2.2 : Collaborer","Travailler en équipe","Autre référentiel : Collaborer"]',
		});
		const dataset = { type: attrs['data-type'], tags: attrs['data-tags'], competencies: attrs['data-competencies'] };
		expect(readCard(dataset)).toEqual({ type: 'engagement', tags: ['bénévolat', 'numérique'], competencies: ['DigComp 2.2 : Collaborer', 'Travailler en équipe', 'Autre référentiel : Collaborer'] });
		expect(readCard({ type: 'skill', tags: 'not json' })).toEqual({ type: 'skill', tags: [], competencies: [] });
	});

	it('matches every filter that is set, and tells frameworks apart', () => {
		const card = readCard({ type: 'engagement', tags: '["numérique"]', competencies: '["DigComp 2.2 : Collaborer"]' });
		expect(matches(card, {})).toBe(true);
		expect(matches(card, { type: 'engagement', tag: 'numérique' })).toBe(true);
		expect(matches(card, { type: 'skill' })).toBe(false);
		expect(matches(card, { competency: 'DigComp 2.2 : Collaborer' })).toBe(true);
		expect(matches(card, { competency: 'Autre référentiel : Collaborer' })).toBe(false);
	});

	it('reads and writes the URL query, keeping other parameters and the plain address when nothing is set', () => {
		expect(filterFromQuery('?type=skill&tag=num%C3%A9rique&competency=&utm=x')).toEqual({ type: 'skill', tag: 'numérique' });
		expect(queryOf({ type: 'skill', tag: 'numérique' })).toBe('?type=skill&tag=num%C3%A9rique');
		expect(queryOf({ tag: 'bénévolat' }, '?type=skill&utm=x')).toBe('?utm=x&tag=b%C3%A9n%C3%A9volat');
		expect(queryOf({}, '?type=skill')).toBe('');
		expect(filterFromQuery(queryOf({ competency: 'DigComp 2.2 : Gérer des données' }))).toEqual({ competency: 'DigComp 2.2 : Gérer des données' });
	});

	it('offers only values some badge has, competencies grouped by framework', () => {
		expect(catalogueOptions([atelier, festival], 'fr')).toEqual({
			types: ['skill', 'engagement'],
			tags: ['bénévolat', 'numérique'],
			competencies: [
				{ framework: 'Autre référentiel', items: [{ key: 'Autre référentiel : Collaborer', name: 'Collaborer' }] },
				{
					framework: 'DigComp 2.2',
					items: [
						{ key: 'DigComp 2.2 : Gérer des données', name: 'Gérer des données', code: '1.3' },
						{ key: 'DigComp 2.2 : Collaborer', name: 'Collaborer', code: '2.4' },
					],
				},
				{ items: [{ key: 'Travailler en équipe', name: 'Travailler en équipe' }] },
			],
		});
	});
});
