import type { Badge } from '../lib/content/model.ts';
import { renderMarkdown } from '../lib/markdown.ts';

export interface BadgeFields {
	name?: string;
	description?: string;
	/** HTML, rendered from the Markdown as the pages render the criteria. */
	criteria?: string;
	imageAlt?: string;
}

/**
 * What badges/<slug>/translations.json holds: the badge's own fields under the site's language
 * `lang`, then each translation's fields (those its author gave).
 */
export function badgeTranslations(badge: Badge, lang: string): Record<string, BadgeFields> {
	const out: Record<string, BadgeFields> = {
		[lang]: { name: badge.name, description: badge.description, criteria: renderMarkdown(badge.criteria), imageAlt: badge.imageAlt },
	};
	for (const [other, t] of Object.entries(badge.translations ?? {})) {
		out[other] = {
			...(t.name ? { name: t.name } : {}),
			...(t.description ? { description: t.description } : {}),
			...(t.criteria ? { criteria: renderMarkdown(t.criteria) } : {}),
			...(t.imageAlt ? { imageAlt: t.imageAlt } : t.name ? { imageAlt: t.name } : {}),
		};
	}
	return out;
}
