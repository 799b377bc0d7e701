import type { APIRoute, GetStaticPaths } from 'astro';
import { schemas, type SchemaName } from '../../lib/content/schema-validation.ts';

export const getStaticPaths = (() => Object.keys(schemas).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	new Response(`${JSON.stringify(schemas[params.name as SchemaName], null, 2)}\n`, {
		headers: { 'Content-Type': 'application/schema+json' },
	});
