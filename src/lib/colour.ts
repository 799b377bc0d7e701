/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
	const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export const textOn = (background: string) =>
	contrastRatio(background, '#ffffff') >= contrastRatio(background, '#111111') ? '#ffffff' : '#111111';

/** `colour`, darkened just enough to reach `ratio` against `background` (for links on white). */
export function ensureContrast(colour: string, background: string, ratio = 4.5): string {
	let c = colour;
	for (let step = 0; step < 20 && contrastRatio(c, background) < ratio; step++) {
		c = `#${[1, 3, 5].map((i) => Math.round(parseInt(c.slice(i, i + 2), 16) * 0.9).toString(16).padStart(2, '0')).join('')}`;
	}
	return c;
}
