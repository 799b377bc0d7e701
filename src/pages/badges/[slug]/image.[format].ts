import type { APIRoute, GetStaticPaths } from 'astro';
import type { Badge } from '../../../lib/content/model.ts';
import { getSite } from '../../../site/data.ts';
import { image } from '../../../site/responses.ts';

export const getStaticPaths = (async () =>
	[...(await getSite()).badges.values()].map((badge) => ({
		params: { slug: badge.slug, format: badge.image.format },
		props: { badge },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute<{ badge: Badge }> = ({ props }) => image(props.badge.image.bytes, props.badge.image.format);
