import { getBuildHandoff } from '../lib/publish/build-handoff.ts';

/** Response helpers shared by the static endpoints. */

export const jsonLd = (body: string) =>
	new Response(body, { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });

export const image = (bytes: Uint8Array, format: 'png' | 'svg') =>
	new Response(bytes as BodyInit, { headers: { 'Content-Type': format === 'png' ? 'image/png' : 'image/svg+xml' } });

/**
 * Counts generated files for the build's progress line. Only `npm run build` has a reporter;
 * under `astro dev` this does nothing.
 */
export function progress(phase: string): void {
	getBuildHandoff()?.progress(phase);
}
