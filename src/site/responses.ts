/** Response helpers shared by the static endpoints. */

export const jsonLd = (body: string) =>
	new Response(body, { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });

export const image = (bytes: Uint8Array, format: 'png' | 'svg') =>
	new Response(bytes as BodyInit, { headers: { 'Content-Type': format === 'png' ? 'image/png' : 'image/svg+xml' } });

/**
 * Counts generated files for the build's progress line. `npm run build` installs the reporter
 * on globalThis; under `astro dev` there is none and this does nothing.
 */
export function progress(phase: string): void {
	(globalThis as { __blasonProgress?: (phase: string) => void }).__blasonProgress?.(phase);
}
