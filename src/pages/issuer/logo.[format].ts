import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/data.ts';
import { image } from '../../site/responses.ts';

export const getStaticPaths = (async () => {
	const { issuer } = await getSite();
	return issuer.logo ? [{ params: { format: issuer.logo.format } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
	const { logo } = (await getSite()).issuer;
	return image(logo!.bytes, logo!.format);
};
