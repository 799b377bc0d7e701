import path from 'node:path';
import type { Problem } from '../problems.ts';
import { didYouMean } from '../suggest.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { splitFrontMatter } from './front-matter.ts';
import { checkImage } from './images.ts';
import type { Badge } from './model.ts';
import { notUtf8, SLUG, type GetText, type Read } from './read-context.ts';
import { validateAgainstSchema } from './schema-validation.ts';
import { parseYamlSource } from './yaml-source.ts';

/** `translations.de`: a language the switcher does not have, said as such rather than as an unknown field. */
function languageProblem(p: Problem): Problem {
	const lang = /^translations\.([^.]+)$/.exec(p.field ?? '')?.[1];
	if (p.code !== 'ERR_SCHEMA_UNKNOWN_FIELD' || lang === undefined) return p;
	return {
		...p,
		code: 'ERR_BADGE_TRANSLATION_LANGUAGE',
		message: `"${lang}" is not a language of the site: translations can be in ${LANGUAGES.join(', ')}`,
		hint: didYouMean(lang, LANGUAGES) ?? `use a language code in lowercase: ${LANGUAGES.join(', ')} (the site's own language needs none: it is the badge's own fields)`,
	};
}

/** `language`: the site's (issuer.yaml), when known; a translation into it is ignored, with a warning. */
export async function loadBadges(all: string[], getText: GetText, read: Read, problems: Problem[], language?: string): Promise<Map<string, Badge>> {
	const badges = new Map<string, Badge>();
	const dirs = [...new Set(all.filter((f) => f.startsWith('badges/')).map((f) => f.split('/')[1]!))].sort();
	for (const slug of dirs) {
		const dir = `badges/${slug}`;
		const inDir = all.filter((f) => f.startsWith(`${dir}/`));
		const file = `${dir}/badge.md`;
		if (inDir.length === 0) continue; // a file directly in badges/
		if (!SLUG.test(slug)) {
			problems.push({
				code: 'ERR_BADGE_SLUG',
				severity: 'error',
				file: dir,
				message: `"${slug}" cannot be a badge folder name: it becomes part of permanent URLs`,
				hint: 'use lowercase letters, digits and single hyphens, without accents, e.g. "engagement-citoyen"',
			});
			continue;
		}
		if (!inDir.includes(file)) {
			problems.push({
				code: 'ERR_BADGE_FILE_MISSING',
				severity: 'error',
				file: dir,
				message: 'this badge folder has no badge.md',
				hint: didYouMean('badge.md', inDir.map((f) => f.slice(dir.length + 1))) ?? 'create badge.md with the badge fields and its criteria',
			});
			continue;
		}
		const text = await getText(file);
		if (text === undefined) {
			notUtf8(file, problems);
			continue;
		}
		const split = splitFrontMatter(text, file);
		if ('problem' in split) {
			problems.push(split.problem);
			continue;
		}
		const { source, problems: syntax } = parseYamlSource(split.yaml, file, split.yamlFirstLine - 1);
		problems.push(...syntax);
		const schemaProblems = source ? validateAgainstSchema('badge', source, file).map(languageProblem) : [];
		problems.push(...schemaProblems);
		if (!split.body) {
			problems.push({
				code: 'ERR_BADGE_CRITERIA_MISSING',
				severity: 'error',
				file,
				message: 'the badge has no criteria: the text below the front matter is empty',
				hint: 'describe, below the second "---" line, what someone must do to earn this badge',
			});
		}
		const images = inDir.filter((f) => /^image\.[^/]+$/.test(f.slice(dir.length + 1)));
		let image: Badge['image'] | undefined;
		if (images.length === 0) {
			problems.push({
				code: 'ERR_IMAGE_MISSING',
				severity: 'error',
				file: dir,
				message: 'this badge has no artwork',
				hint: `add ${dir}/image.png or ${dir}/image.svg`,
			});
		} else if (images.length > 1) {
			problems.push({
				code: 'ERR_IMAGE_AMBIGUOUS',
				severity: 'error',
				file: dir,
				message: `this badge has ${images.length} artwork files (${images.map((f) => path.basename(f)).join(', ')})`,
				hint: 'keep exactly one: image.png or image.svg',
			});
		} else {
			const f = await read(images[0]!);
			if (f.bytes) {
				const checked = checkImage(f.bytes, images[0]!);
				problems.push(...checked.problems);
				image = checked.image;
			}
		}
		if (!source || schemaProblems.length > 0 || !image || !split.body) continue;
		const d = source.data as Omit<Badge, 'slug' | 'criteria' | 'image' | 'imageAlt' | 'tags' | 'alignments'> &
			Partial<Pick<Badge, 'imageAlt' | 'tags' | 'alignments'>>;
		// A translation into the site's own language says nothing the badge's fields do not: the
		// pages never show two versions of a badge in one language.
		const translations = Object.entries(d.translations ?? {}).filter(([lang]) => {
			if (lang !== language) return true;
			problems.push({
				code: 'WARN_BADGE_TRANSLATION_SITE_LANGUAGE',
				severity: 'warning',
				file,
				line: source.lineOf(['translations', lang]),
				field: `translations.${lang}`,
				message: `this translation is in the site's own language (${lang}), which the badge's own fields already are: it is ignored`,
				hint: `delete translations.${lang}, and change the badge's own fields if you meant to`,
			});
			return false;
		});
		badges.set(slug, {
			slug,
			name: d.name,
			description: d.description,
			type: d.type,
			tags: d.tags ?? [],
			alignments: d.alignments ?? [],
			...(d.validity ? { validity: d.validity } : {}),
			...(d.claimCode ? { claimCode: d.claimCode } : {}),
			imageAlt: d.imageAlt ?? `Badge « ${d.name} »`,
			criteria: split.body,
			image,
			...(translations.length > 0 ? { translations: Object.fromEntries(translations) } : {}),
		});
	}
	return badges;
}
