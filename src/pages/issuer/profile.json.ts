import type { APIRoute } from 'astro';
import { getBuildHandoff } from '../../lib/publish/build-handoff.ts';
import { buildProfile, serialise } from '../../lib/ob2/index.ts';
import { getSite } from '../../site/data.ts';
import { jsonLd } from '../../site/responses.ts';

// Under `astro dev` nothing is signed, so the profile lists no keys.
export const GET: APIRoute = async () =>
	jsonLd(serialise(buildProfile((await getSite()).issuer, getBuildHandoff()?.signing.publishedKeyIds ?? [])));
