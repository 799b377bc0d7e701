import type { APIRoute, GetStaticPaths } from 'astro';
import type { Badge } from '../../../lib/content/model.ts';
import { buildBadgeClass, serialise } from '../../../lib/ob2/index.ts';
import { getSite } from '../../../site/data.ts';
import { jsonLd } from '../../../site/responses.ts';

export const getStaticPaths = (async () =>
	[...(await getSite()).badges.values()].map((badge) => ({ params: { slug: badge.slug }, props: { badge } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ badge: Badge }> = async ({ props }) =>
	jsonLd(serialise(buildBadgeClass(props.badge, (await getSite()).issuer)));
