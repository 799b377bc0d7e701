/**
 * i18n/<lang>.json: one language's interface strings, fetched by the language switcher
 * (src/site/i18n-client.ts) only when a visitor picks a language the pages were not built in.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { dictionaries, LANGUAGES, type Lang } from '../../i18n/index.ts';

export const getStaticPaths = (() => LANGUAGES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	new Response(JSON.stringify(dictionaries[params.lang as Lang]), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
