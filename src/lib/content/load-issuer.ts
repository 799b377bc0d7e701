import type { Problem } from '../problems.ts';
import { didYouMean } from '../suggest.ts';
import { checkImage } from './images.ts';
import type { Issuer } from './model.ts';
import { notUtf8, type GetText, type Read } from './read-context.ts';
import { validateAgainstSchema } from './schema-validation.ts';
import { parseYamlSource } from './yaml-source.ts';

export async function loadIssuer(all: string[], getText: GetText, read: Read, problems: Problem[]): Promise<Issuer | undefined> {
	const file = 'issuer.yaml';
	if (!all.includes(file)) {
		problems.push({
			code: 'ERR_ISSUER_MISSING',
			severity: 'error',
			file,
			message: "there is no issuer.yaml at the root of the content folder",
			hint: 'create issuer.yaml at the root of the repository (see README "Content model")',
		});
		return undefined;
	}
	const text = await getText(file);
	if (text === undefined) return notUtf8(file, problems);
	const { source, problems: syntax } = parseYamlSource(text, file);
	problems.push(...syntax);
	if (!source) return undefined;
	const schemaProblems = validateAgainstSchema('issuer', source, file);
	problems.push(...schemaProblems);
	if (schemaProblems.length > 0) return undefined;
	const data = source.data as Omit<Issuer, 'logo' | 'language' | 'primaryColor' | 'footerLinks'> & {
		logo?: string;
		language?: Issuer['language'];
		primaryColor?: string;
		footerLinks?: Issuer['footerLinks'];
	};
	let logo: Issuer['logo'];
	if (data.logo) {
		const line = source.lineOf(['logo']);
		if (!all.includes(data.logo)) {
			problems.push({
				code: 'ERR_IMAGE_MISSING',
				severity: 'error',
				file,
				line,
				field: 'logo',
				message: `the logo file "${data.logo}" does not exist`,
				hint: didYouMean(data.logo, all.filter((f) => /\.(png|svg)$/.test(f))) ?? 'give the path of a .png or .svg file relative to the repository root',
			});
		} else {
			const f = await read(data.logo);
			if (f.bytes) {
				const checked = checkImage(f.bytes, data.logo);
				problems.push(...checked.problems);
				logo = checked.image;
			}
		}
	}
	return {
		name: data.name,
		url: data.url,
		email: data.email,
		...(data.description ? { description: data.description } : {}),
		...(logo ? { logo } : {}),
		language: data.language ?? 'fr',
		site: data.site,
		...(data.linkedinOrganizationId ? { linkedinOrganizationId: data.linkedinOrganizationId } : {}),
		primaryColor: data.primaryColor ?? '#1f5f8b',
		footerLinks: data.footerLinks ?? [],
	};
}
