/**
 * File names for new recipients. A consented name gives a readable one, first name and initial
 * (`lea-m`, then `lea-m-2`…); anyone else gets `r-` and six random letters or digits. A name is
 * never derived from the e-mail address: the file name is public in Git and on no page.
 */
import { randomInt } from 'node:crypto';
import { SLUG } from '../content/read-context.ts';

// Letters that Unicode decomposition does not reduce to ASCII.
const FOLD: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** `Léa Martin` → `lea-m`, `Jean-Pierre Dupont` → `jean-pierre-d`; undefined when nothing ASCII is left. */
export function nameSlug(name: string): string | undefined {
	const ascii = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[œæßøłđðþı]/g, (c) => FOLD[c]!);
	const words = ascii.split(/\s+/).map((w) => w.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean);
	const first = words[0]?.slice(0, 30).replace(/-+$/, '');
	if (!first) return undefined;
	const slug = words.length > 1 ? `${first}-${words.at(-1)![0]}` : first;
	return SLUG.test(slug) ? slug : undefined;
}

const RANDOM_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Hands out file slugs that no file in recipients/ has, nor any slug handed out before. */
export class SlugAllocator {
	readonly #taken: Set<string>;
	readonly #next = new Map<string, number>();

	/** @param taken slugs of the files already in recipients/, whatever their extension */
	constructor(taken: Iterable<string>) {
		this.#taken = new Set(taken);
	}

	/** A slug from the consented name, or a random `r-xxxxxx` one. */
	allocate(consentedName: string | undefined): string {
		const base = consentedName === undefined ? undefined : nameSlug(consentedName);
		if (base === undefined) {
			for (;;) {
				const slug = `r-${Array.from({ length: 6 }, () => RANDOM_ALPHABET[randomInt(RANDOM_ALPHABET.length)]).join('')}`;
				if (this.#take(slug)) return slug;
			}
		}
		if (this.#take(base)) return base;
		for (let n = this.#next.get(base) ?? 2; ; n++) {
			if (this.#take(`${base}-${n}`)) {
				this.#next.set(base, n + 1);
				return `${base}-${n}`;
			}
		}
	}

	#take(slug: string): boolean {
		if (this.#taken.has(slug)) return false;
		this.#taken.add(slug);
		return true;
	}
}
