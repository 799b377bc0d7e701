import { bakePng } from '../baking/png.ts';
import { bakeSvg } from '../baking/svg.ts';
import type { Award, Site } from '../content/model.ts';
import { siteUrls } from '../urls.ts';
import { awardContext, buildAssertion, buildErasedAssertion, serialise } from './documents.ts';

/** The published bytes of an award's hosted assertion (its tombstone once erased). */
export function assertionJson(site: Site, award: Award): string {
	if (award.erased) return serialise(buildErasedAssertion(award, site.issuer));
	const { badge, recipient } = awardContext(site, award);
	return serialise(buildAssertion(award, recipient, badge, site.issuer));
}

/**
 * The award's baked image, in the format of the badge artwork. The baked text is exactly the
 * published assertion JSON, so unbaking gives the same bytes as GET on the assertion URL. An
 * erased award's image is the artwork alone: there is nothing left to bake.
 */
export function bakeAward(site: Site, award: Award, json?: string): { format: 'png' | 'svg'; bytes: Uint8Array } {
	const { badge } = awardContext(site, award);
	if (award.erased) return { format: badge.image.format, bytes: badge.image.bytes };
	json ??= assertionJson(site, award);
	if (badge.image.format === 'png') return { format: 'png', bytes: bakePng(badge.image.bytes, json) };
	const svg = new TextDecoder().decode(badge.image.bytes);
	const baked = bakeSvg(svg, json, siteUrls(site.issuer.site).assertion(award.id));
	return { format: 'svg', bytes: new TextEncoder().encode(baked) };
}
