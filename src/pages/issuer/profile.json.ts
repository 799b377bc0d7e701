import type { APIRoute } from 'astro';
import { buildProfile, serialise } from '../../lib/ob2/index.ts';
import { getSite } from '../../site/data.ts';
import { jsonLd } from '../../site/responses.ts';

export const GET: APIRoute = async () => jsonLd(serialise(buildProfile((await getSite()).issuer)));
