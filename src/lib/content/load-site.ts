import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { addDuration, toDateTime } from '../dates.ts';
import type { Problem } from '../problems.ts';
import { didYouMean } from '../suggest.ts';
import { findPlaintextEmails } from './emails.ts';
import { listRepositoryFiles } from './files.ts';
import { splitFrontMatter } from './front-matter.ts';
import { checkImage } from './images.ts';
import type { Award, Badge, Issuer, Recipient, Site } from './model.ts';
import { validateAgainstSchema } from './schema-validation.ts';
import { findPrivateKeys } from './secrets.ts';
import { parseYamlSource } from './yaml-source.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TEXT_EXTENSIONS = /\.(ya?ml|md|markdown|json|jsonld|jwk|jwks|pem|key|txt|env|ts|js|mjs|cjs|astro|html|csv|toml|ini|cfg|conf|sh)$|(^|\/)[^./]+$/i;
/** Deliberately broken example sites for the test suite; they are never published. */
const FIXTURE_DIR = /(^|\/)test\/fixtures\//;

export interface LoadResult {
	/** Present when the content is good enough to build (no errors). */
	site?: Site;
	problems: Problem[];
	/** Number of files read, for the summary. */
	files: number;
}

interface RawFile {
	rel: string;
	text?: string;
	bytes?: Uint8Array;
}

/**
 * Reads and checks the whole content of an association repository: issuer.yaml, badges/, recipients/.
 * Never throws for a content mistake: every problem of every file is collected and returned.
 */
export async function loadSite(root: string, options: { now?: Date } = {}): Promise<LoadResult> {
	const problems: Problem[] = [];
	if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
		problems.push({
			code: 'ERR_ROOT_MISSING',
			severity: 'error',
			file: root,
			message: 'this content folder does not exist',
			hint: 'run the command from your badges repository, or give its folder with --root',
		});
		return { problems, files: 0 };
	}
	const all = await listRepositoryFiles(root);
	const read = async (rel: string): Promise<RawFile> => {
		try {
			const bytes = new Uint8Array(await readFile(path.join(root, rel)));
			return { rel, bytes };
		} catch (e) {
			problems.push({
				code: 'ERR_FILE_UNREADABLE',
				severity: 'error',
				file: rel,
				message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
				hint: 'check that it exists and that its permissions allow reading it',
			});
			return { rel };
		}
	};
	const asText = (f: RawFile) => (f.bytes ? decodeText(f.bytes) : undefined);

	// Private keys, anywhere in what would be committed.
	const textFiles = all.filter((f) => TEXT_EXTENSIONS.test(f) && !FIXTURE_DIR.test(f));
	const texts = await Promise.all(textFiles.map(read));
	for (const f of texts) {
		const t = asText(f);
		if (t !== undefined && t.length < 2_000_000) problems.push(...findPrivateKeys(t, f.rel));
	}
	const textByPath = new Map(texts.map((f) => [f.rel, asText(f)]));
	const getText = async (rel: string) => (textByPath.has(rel) ? textByPath.get(rel) : asText(await read(rel)));

	const issuer = await loadIssuer(all, getText, read, problems);
	const badges = await loadBadges(all, getText, read, problems);
	const { recipients, awards } = await loadRecipients(all, getText, badges, problems, options.now ?? new Date());

	const hasError = problems.some((p) => p.severity === 'error');
	return {
		...(hasError || !issuer ? {} : { site: { root, issuer, badges, recipients, awards } }),
		problems,
		files: all.length,
	};
}

function decodeText(bytes: Uint8Array): string | undefined {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return undefined;
	}
}

type GetText = (rel: string) => Promise<string | undefined>;
type Read = (rel: string) => Promise<RawFile>;

async function loadIssuer(all: string[], getText: GetText, read: Read, problems: Problem[]): Promise<Issuer | undefined> {
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
				...(line ? { line } : {}),
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
		primaryColor: data.primaryColor ?? '#1f5f8b',
		footerLinks: data.footerLinks ?? [],
	};
}

async function loadBadges(all: string[], getText: GetText, read: Read, problems: Problem[]): Promise<Map<string, Badge>> {
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
		const schemaProblems = source ? validateAgainstSchema('badge', source, file) : [];
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
		badges.set(slug, {
			slug,
			name: d.name,
			description: d.description,
			type: d.type,
			tags: d.tags ?? [],
			alignments: d.alignments ?? [],
			...(d.validity ? { validity: d.validity } : {}),
			imageAlt: d.imageAlt ?? `Badge « ${d.name} »`,
			criteria: split.body,
			image,
		});
	}
	return badges;
}

interface RawAward {
	id: string;
	badge: string;
	issuedOn: string;
	narrative?: string;
	evidence?: Award['evidence'];
}

async function loadRecipients(
	all: string[],
	getText: GetText,
	badges: Map<string, Badge>,
	problems: Problem[],
	now: Date,
): Promise<{ recipients: Map<string, Recipient>; awards: Award[] }> {
	const recipients = new Map<string, Recipient>();
	const awards: Award[] = [];
	const firstSeen = new Map<string, { file: string; line?: number }>();
	const files = all.filter((f) => f.startsWith('recipients/')).sort();
	const badgeDirs = new Set(all.filter((f) => f.startsWith('badges/')).map((f) => f.split('/')[1]!));
	for (const file of files) {
		const text = await getText(file);
		if (text === undefined) {
			if (/\.ya?ml$/.test(file)) notUtf8(file, problems);
			continue;
		}
		const emailProblems = findPlaintextEmails(text, file);
		problems.push(...emailProblems);
		const name = file.slice('recipients/'.length);
		const m = /^([^/]+)\.ya?ml$/.exec(name);
		if (!m) {
			if (!/^README(\.md)?$/i.test(name)) {
				problems.push({
					code: 'ERR_RECIPIENT_FILE_NAME',
					severity: 'warning',
					file,
					message: 'this file is not read: recipients/ holds only <slug>.yaml files',
					hint: 'move it elsewhere, or rename it to end in .yaml',
				});
			}
			continue;
		}
		const slug = m[1]!;
		if (!SLUG.test(slug)) {
			problems.push({
				code: 'ERR_RECIPIENT_SLUG',
				severity: 'error',
				file,
				message: `"${slug}" cannot be a recipient file name`,
				hint: 'use lowercase letters, digits and single hyphens, without accents, e.g. "lea-m.yaml"',
			});
			continue;
		}
		if (emailProblems.length > 0) continue; // never parse (or echo) a file holding an address
		const { source, problems: syntax } = parseYamlSource(text, file);
		problems.push(...syntax);
		if (!source) continue;
		const schemaProblems = validateAgainstSchema('recipient', source, file);
		problems.push(...schemaProblems);
		const data = source.data as {
			identity?: Recipient['identity'];
			name?: string;
			consent?: { showName?: boolean };
			awards?: RawAward[];
		};
		// Cross-file checks run even when the schema failed elsewhere, so one run reports everything.
		const rawAwards = Array.isArray(data?.awards) ? data.awards : [];
		rawAwards.forEach((a, i) => {
			if (!a || typeof a !== 'object') return;
			if (typeof a.badge === 'string' && SLUG.test(a.badge) && !badgeDirs.has(a.badge)) {
				const line = source.lineOf(['awards', i, 'badge']);
				problems.push({
					code: 'ERR_AWARD_UNKNOWN_BADGE',
					severity: 'error',
					file,
					...(line ? { line } : {}),
					field: `awards.${i}.badge`,
					message: `unknown badge "${a.badge}"`,
					hint: didYouMean(a.badge, badgeDirs) ?? `existing badges: ${[...badgeDirs].join(', ') || 'none yet'}`,
				});
			}
			if (typeof a.id === 'string') {
				const line = source.lineOf(['awards', i, 'id']);
				const seen = firstSeen.get(a.id);
				if (seen) {
					problems.push({
						code: 'ERR_AWARD_DUPLICATE_ID',
						severity: 'error',
						file,
						...(line ? { line } : {}),
						field: `awards.${i}.id`,
						message: `award id "${a.id}" is already used in ${seen.file}${seen.line ? `:${seen.line}` : ''}`,
						hint: 'every award needs its own id: it is its permanent URL. Give this one a new id (npm run new-id), never reuse one',
					});
				} else firstSeen.set(a.id, { file, ...(line ? { line } : {}) });
			}
			if (typeof a.issuedOn === 'string' && /^\d{4}-\d{2}-\d{2}/.test(a.issuedOn) && new Date(a.issuedOn.length === 10 ? `${a.issuedOn}T00:00:00Z` : a.issuedOn) > now) {
				const line = source.lineOf(['awards', i, 'issuedOn']);
				problems.push({
					code: 'WARN_AWARD_FUTURE_DATE',
					severity: 'warning',
					file,
					...(line ? { line } : {}),
					field: `awards.${i}.issuedOn`,
					message: `the award date ${a.issuedOn} is in the future`,
					hint: 'check the year; the badge will show this date',
				});
			}
		});
		if (data?.name && !data.consent?.showName) {
			const line = source.lineOf(['name']);
			problems.push({
				code: 'WARN_NAME_WITHOUT_CONSENT',
				severity: 'warning',
				file,
				...(line ? { line } : {}),
				field: 'name',
				message: 'a name is written but consent.showName is not true, so the name is not published',
				hint: 'this file is public in Git all the same: remove the name, or record the consent with "consent: {showName: true}"',
			});
		}
		if (schemaProblems.length > 0 || !data.identity) continue;
		const ids: string[] = [];
		for (const a of rawAwards) {
			const badge = badges.get(a.badge);
			const issuedOn = toDateTime(a.issuedOn);
			ids.push(a.id);
			awards.push({
				id: a.id,
				badge: a.badge,
				recipient: slug,
				issuedOn,
				...(badge?.validity ? { expires: addDuration(issuedOn, badge.validity) } : {}),
				...(a.narrative ? { narrative: a.narrative } : {}),
				evidence: a.evidence ?? [],
				file,
			});
		}
		recipients.set(slug, {
			slug,
			identity: data.identity,
			...(data.name && data.consent?.showName ? { publicName: data.name } : {}),
			awardIds: ids,
		});
	}
	awards.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.id.localeCompare(b.id));
	return { recipients, awards };
}

function notUtf8(file: string, problems: Problem[]): undefined {
	problems.push({
		code: 'ERR_FILE_ENCODING',
		severity: 'error',
		file,
		message: 'the file is not valid UTF-8 text',
		hint: 'save it again as UTF-8 (most editors: "Save with encoding" → UTF-8)',
	});
	return undefined;
}

