import type { APIRoute, GetStaticPaths } from 'astro';
import type { Award } from '../../../lib/content/model.ts';
import { bakeAward } from '../../../lib/ob2/index.ts';
import { awardFilesFromAstro, getSite } from '../../../site/data.ts';
import { image, progress } from '../../../site/responses.ts';

export const getStaticPaths = (async () => {
	if (!awardFilesFromAstro()) return [];
	const site = await getSite();
	return site.awards.map((award) => ({
		params: { id: award.id, format: site.badges.get(award.badge)!.image.format },
		props: { award },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ award: Award }> = async ({ props }) => {
	progress('baked images');
	const baked = bakeAward(await getSite(), props.award);
	return image(baked.bytes, baked.format);
};
