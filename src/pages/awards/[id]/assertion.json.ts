import type { APIRoute, GetStaticPaths } from 'astro';
import type { Award } from '../../../lib/content/model.ts';
import { assertionJson } from '../../../lib/ob2/index.ts';
import { awardFilesFromAstro, getSite } from '../../../site/data.ts';
import { jsonLd, progress } from '../../../site/responses.ts';

export const getStaticPaths = (async () =>
	awardFilesFromAstro()
		? (await getSite()).awards.map((award) => ({ params: { id: award.id }, props: { award } }))
		: []) satisfies GetStaticPaths;

export const GET: APIRoute<{ award: Award }> = async ({ props }) => {
	progress('assertions');
	return jsonLd(assertionJson(await getSite(), props.award));
};
