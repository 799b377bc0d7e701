import type { APIRoute, GetStaticPaths } from 'astro';
import type { Badge } from '../../../lib/content/model.ts';
import { getBuildHandoff } from '../../../lib/publish/build-handoff.ts';
import { renderSocialImage } from '../../../lib/social/index.ts';
import { useTranslations } from '../../../i18n/index.ts';
import { getSite } from '../../../site/data.ts';
import { image } from '../../../site/responses.ts';

// One social preview per badge (not per award), so an Astro endpoint costs nothing noticeable.
export const getStaticPaths = (async () =>
	[...(await getSite()).badges.values()].map((badge) => ({ params: { slug: badge.slug }, props: { badge } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ badge: Badge }> = async ({ props: { badge } }) => {
	const { issuer } = await getSite();
	const t = useTranslations(issuer.language);
	const png = renderSocialImage(
		{ title: badge.name, subtitle: t('social.issuedBy', { issuer: issuer.name }), artwork: badge.image, background: issuer.primaryColor },
		// Under `npm run build` this module is bundled away from src/lib/social: the build says where the fonts are.
		getBuildHandoff()?.socialFontDir,
		getBuildHandoff()?.cacheDir,
	);
	return image(png, 'png');
};
