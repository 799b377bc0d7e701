/** Levenshtein distance, small inputs only (field names, slugs). */
export function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const cur = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = cur;
		}
	}
	return row[b.length]!;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const c of candidates) {
		const d = editDistance(input.toLowerCase(), c.toLowerCase());
		if (d < bestDistance) [best, bestDistance] = [c, d];
	}
	return best !== undefined && bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

export const didYouMean = (input: string, candidates: Iterable<string>) => {
	const s = suggest(input, candidates);
	return s ? `did you mean "${s}"?` : undefined;
};
