/**
 * badges/<slug>/translations.json, only for a badge whose author translated it (badge.md
 * `translations`): its name, description, criteria (as HTML) and image text in the site's language
 * and in each translated one, for the language switcher (src/site/i18n-client.ts). The Open Badges
 * documents stay in the site's language.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Badge } from '../../../lib/content/model.ts';
import { badgeTranslations } from '../../../site/badge-translations.ts';
import { getSite } from '../../../site/data.ts';

export const getStaticPaths = (async () => {
	const site = await getSite();
	return [...site.badges.values()].filter((b) => b.translations).map((badge) => ({ params: { slug: badge.slug }, props: { badge, lang: site.issuer.language } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { badge, lang } = props as { badge: Badge; lang: string };
	return new Response(JSON.stringify(badgeTranslations(badge, lang)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
