/**
 * npm run new-badge -- --name "…" --description "…" --type <type> [--slug SLUG] [--tags a,b]
 *                      [--validity P2Y] [--image FILE] [--image-alt "…"] [--root DIR]
 *
 * Scaffolds `badges/<slug>/`: a `badge.md` with the fields and a criteria placeholder, and the
 * artwork (the given PNG or SVG copied byte for byte, or a placeholder SVG to replace). When stdin
 * is a terminal, a missing required value is asked for; otherwise it is a usage error. Everything
 * is checked before anything is written, and an existing badge folder is never touched.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify } from 'yaml';
import { textOn } from '../colour.ts';
import { splitFrontMatter } from '../content/front-matter.ts';
import { checkImage } from '../content/images.ts';
import { BADGE_TYPES, type BadgeType } from '../content/model.ts';
import { SLUG } from '../content/read-context.ts';
import { parseYamlSource } from '../content/yaml-source.ts';
import { didYouMean } from '../suggest.ts';
import { contentRoot } from './args.ts';
import { CommandError, consoleIo, EXIT_USAGE, parseOptions, runCommand, type CommandIo } from './command.ts';
import { yamlScalar } from '../content/yaml-scalar.ts';

const USAGE =
	'usage: npm run new-badge -- --name "Badge name" --description "What it recognises" --type <type> [--slug SLUG] [--tags a,b] [--validity P2Y] [--image FILE] [--image-alt "…"] [--root DIR]';

/** Same pattern as `validity` in schemas/badge.schema.json. */
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;
const NEUTRAL_COLOUR = '#6b7280';
export const CRITERIA_PLACEHOLDER = "Décrivez ici les critères d'obtention du badge : ce qu'une personne doit avoir fait pour le recevoir.";

export interface NewBadgeOptions {
	io?: CommandIo;
	/** Whether missing values may be asked for; defaults to whether stdin is a terminal. */
	interactive?: boolean;
	/** Asks one question and returns the answer; defaults to node:readline on stdin/stdout. */
	ask?: (question: string) => Promise<string>;
}

type Required = 'name' | 'description' | 'type';

const QUESTIONS: Record<Required, string> = {
	name: 'Nom du badge (badge name) : ',
	description: 'Description en une ou deux phrases (one or two sentences on what it recognises) : ',
	type: `Type (${BADGE_TYPES.join(', ')}) : `,
};

const MISSING: Record<Required, string> = {
	name: "missing --name: give the badge's name",
	description: 'missing --description: say in one or two sentences what the badge recognises',
	type: `missing --type: one of ${BADGE_TYPES.join(', ')}`,
};

export function runNewBadge(args: readonly string[], options: NewBadgeOptions = {}): Promise<number> {
	const io = options.io ?? consoleIo;
	let close = () => {};
	return runCommand(io, async () => {
		const { values, positionals } = parseOptions(
			args,
			['name', 'slug', 'type', 'description', 'tags', 'validity', 'image', 'image-alt', 'root'],
			USAGE,
		);
		if (positionals.length) {
			throw usage(`unexpected argument "${positionals[0]}"`, 'a value of several words goes in quotes: --name "Engagement citoyen"');
		}
		const interactive = options.interactive ?? process.stdin.isTTY === true;
		let ask = options.ask;
		if (!ask && interactive) {
			// Lines are queued rather than read with rl.question(), so that pasted answers are not lost.
			const rl = createInterface({ input: process.stdin, output: process.stdout });
			const lines: string[] = [];
			const waiting: ((line: string | undefined) => void)[] = [];
			let closed = false;
			rl.on('line', (line) => (waiting.length ? waiting.shift()!(line) : lines.push(line)));
			rl.on('close', () => {
				closed = true;
				for (const w of waiting.splice(0)) w(undefined);
			});
			rl.on('SIGINT', () => { // Ctrl-C: stop asking; nothing has been written yet
				process.stdout.write('\n');
				rl.close();
			});
			close = () => rl.close();
			ask = (q) => {
				rl.setPrompt(q);
				rl.prompt();
				if (lines.length) return Promise.resolve(lines.shift()!);
				if (closed) return Promise.reject(new Error('stdin closed'));
				return new Promise((resolve, reject) => waiting.push((l) => (l === undefined ? reject(new Error('stdin closed')) : resolve(l))));
			};
		}
		const required = async (key: Required): Promise<string> => {
			if (values[key] !== undefined) return values[key];
			if (!interactive || !ask) throw usage(MISSING[key], USAGE);
			const answer = await ask(QUESTIONS[key]).catch(() => undefined);
			if (answer === undefined) throw usage(MISSING[key], USAGE);
			return answer;
		};

		const name = oneLine('--name', await required('name'), 'e.g. --name "Engagement citoyen"');
		if (name.length > 120) throw usage(`--name is ${name.length} characters long, more than 120`, 'give the badge a shorter name; say more in --description');
		const slug = checkSlug(values.slug, name);
		const type = checkType(await required('type'));
		const description = oneLine('--description', await required('description'), 'e.g. --description "Reconnaît un engagement durable dans un projet d\'intérêt général."');
		const tags = checkTags(values.tags);
		const validity = checkValidity(values.validity);
		const imageAlt = values['image-alt'] === undefined ? undefined : oneLine('--image-alt', values['image-alt'], 'describe the artwork for screen readers, e.g. --image-alt "Un bouclier bleu"');
		close();

		const root = contentRoot(values.root ? ['--root', values.root] : []);
		if (!(await isDirectory(root))) {
			throw new CommandError('ERR_ROOT_MISSING', `the content folder ${root} does not exist`, {
				hint: 'run the command from your badges repository, or give its folder with --root',
			});
		}
		const dir = `badges/${slug}`;
		if (await exists(path.join(root, dir))) {
			throw new CommandError('ERR_BADGE_EXISTS', `${dir}/ already exists`, {
				hint: 'choose another slug with --slug, or edit that badge\'s files by hand',
			});
		}

		const image = values.image === undefined ? await placeholder(root, name) : await readImage(values.image, dir);
		const text = badgeMarkdown({ name, description, type, tags, validity, imageAlt });

		// Written only once everything is checked; a failure part-way leaves no half-made badge.
		await mkdir(path.join(root, 'badges'), { recursive: true });
		try {
			await mkdir(path.join(root, dir));
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CommandError('ERR_BADGE_EXISTS', `${dir}/ already exists`, { hint: 'choose another slug with --slug' });
			throw e;
		}
		try {
			await writeFile(path.join(root, dir, 'badge.md'), text, { flag: 'wx' });
			await writeFile(path.join(root, dir, `image.${image.ext}`), image.bytes, { flag: 'wx' });
		} catch (e) {
			await rm(path.join(root, dir), { recursive: true, force: true });
			throw e;
		}

		io.out(`✓ Badge créé / badge created: ${dir}/`);
		io.out(`  ${dir}/badge.md`);
		io.out(`  ${dir}/image.${image.ext}${image.placeholder ? ' (provisoire / placeholder)' : ''}`);
		io.out('');
		if (image.placeholder) {
			io.out(`Remplacez ${dir}/image.svg par l'image du badge (PNG ou SVG, 512×512 pixels au plus) et écrivez ses critères dans badge.md, puis lancez npm run check.`);
			io.out(`Replace ${dir}/image.svg with the badge artwork (PNG or SVG, at most 512×512 pixels) and write its criteria in badge.md, then run npm run check.`);
		} else {
			io.out('Écrivez les critères du badge dans badge.md, puis lancez npm run check.');
			io.out("Write the badge's criteria in badge.md, then run npm run check.");
		}
		return 0;
	}).finally(() => close());
}

const usage = (message: string, hint: string) => new CommandError('ERR_USAGE', message, { hint, exitCode: EXIT_USAGE });

function oneLine(flag: string, given: string, example: string): string {
	const value = given.trim();
	if (!value) throw usage(`${flag} is empty`, example);
	if (/[\r\n]/.test(value)) throw usage(`${flag} spans several lines`, 'write it on one line');
	return value;
}

/** A slug from a name: ASCII letters and digits, lower-case, words joined by single hyphens. */
export function slugify(name: string): string {
	return name
		.replace(/[œŒ]/g, 'oe')
		.replace(/[æÆ]/g, 'ae')
		.replace(/ß/g, 'ss')
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

function checkSlug(given: string | undefined, name: string): string {
	if (given !== undefined) {
		if (!SLUG.test(given)) {
			const fixed = slugify(given);
			throw usage(`--slug "${given}" cannot be a badge folder name`, `use lowercase letters, digits and single hyphens, without accents${fixed ? `, e.g. --slug ${fixed}` : ''}`);
		}
		return given;
	}
	const slug = slugify(name);
	if (!SLUG.test(slug)) throw usage(`no folder name can be made from the name "${name}"`, 'give one with --slug, e.g. --slug engagement-citoyen');
	return slug;
}

function checkType(given: string): BadgeType {
	const type = given.trim().toLowerCase();
	if ((BADGE_TYPES as readonly string[]).includes(type)) return type as BadgeType;
	throw usage(`--type "${given.trim()}" is not a badge type`, didYouMean(type, BADGE_TYPES) ?? `use one of ${BADGE_TYPES.join(', ')}`);
}

function checkTags(given: string | undefined): string[] {
	if (given === undefined) return [];
	if (/[\r\n]/.test(given)) throw usage('--tags spans several lines', 'separate the tags with commas: --tags numérique,citoyenneté');
	return [...new Set(given.split(',').map((t) => t.trim()).filter(Boolean))];
}

function checkValidity(given: string | undefined): string | undefined {
	if (given === undefined) return undefined;
	const validity = given.trim().toUpperCase();
	if (!DURATION.test(validity)) {
		throw usage(`--validity "${given}" is not a duration`, 'write an ISO 8601 duration in years, months, weeks or days, e.g. P2Y (two years), P6M, P90D; leave it out for a badge that never expires');
	}
	return validity;
}

interface Fields {
	name: string;
	description: string;
	type: BadgeType;
	tags: string[];
	validity: string | undefined;
	imageAlt: string | undefined;
}

/** The badge.md text; checked to read back as exactly these fields. */
export function badgeMarkdown(f: Fields): string {
	const scalar = yamlScalar;
	const data: Record<string, unknown> = {
		name: f.name,
		description: f.description,
		type: f.type,
		...(f.tags.length ? { tags: f.tags } : {}),
		...(f.validity ? { validity: f.validity } : {}),
		...(f.imageAlt ? { imageAlt: f.imageAlt } : {}),
	};
	const lines = Object.entries(data).map(([k, v]) =>
		`${k}: ${Array.isArray(v) ? stringify(v, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd() : scalar(v as string)}`,
	);
	const text = ['---', '# yaml-language-server: $schema=../../schemas/badge.schema.json', ...lines, '---', CRITERIA_PLACEHOLDER, ''].join('\n');
	const split = splitFrontMatter(text, 'badge.md');
	const back = 'problem' in split ? undefined : parseDocument(split.yaml, { schema: 'core' }).toJS();
	if (!isDeepStrictEqual(back, data)) throw new Error(`new-badge: the front matter does not read back as written:\n${text}`);
	return text;
}

interface ImageOut {
	ext: 'png' | 'svg';
	bytes: Uint8Array;
	placeholder: boolean;
}

async function readImage(file: string, dir: string): Promise<ImageOut> {
	const ext = path.extname(file).toLowerCase();
	if (ext !== '.png' && ext !== '.svg') {
		throw usage(`--image ${file} is not a .png or .svg file`, 'Open Badges allows only PNG and SVG artwork: convert the image first');
	}
	const bytes = await readFile(file).then(
		(b) => new Uint8Array(b),
		() => undefined,
	);
	if (!bytes) throw usage(`cannot read --image ${file}`, 'check the path of the image file');
	const checked = checkImage(bytes, `${dir}/image${ext}`);
	const problem = checked.problems[0];
	if (problem) throw new CommandError(problem.code, `--image ${file}: ${problem.message}`, { hint: problem.hint });
	return { ext: ext === '.png' ? 'png' : 'svg', bytes, placeholder: false };
}

/** A circle in the issuer's primary colour (or a neutral grey) with the badge's initials. */
async function placeholder(root: string, name: string): Promise<ImageOut> {
	const colour = await primaryColour(root);
	return { ext: 'svg', bytes: new TextEncoder().encode(placeholderSvg(name, colour)), placeholder: true };
}

export function placeholderSvg(name: string, colour: string): string {
	const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
	// The first word, then the next one that is not a short word such as "de" or "l'".
	const second = words.slice(1).find((w) => w.length > 2);
	const initials = [words[0], second].filter((w) => w !== undefined).map((w) => [...w][0]!.toUpperCase()).join('') || '?';
	const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	return [
		'<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">',
		`  <title>${esc(name)}</title>`,
		`  <circle cx="256" cy="256" r="240" fill="${colour}"/>`,
		`  <text x="256" y="256" dy="0.35em" text-anchor="middle" font-family="sans-serif" font-size="180" font-weight="bold" fill="${textOn(colour)}">${esc(initials)}</text>`,
		'</svg>',
		'',
	].join('\n');
}

async function primaryColour(root: string): Promise<string> {
	const text = await readFile(path.join(root, 'issuer.yaml'), 'utf8').catch(() => undefined);
	if (text === undefined) return NEUTRAL_COLOUR;
	const colour = (parseYamlSource(text, 'issuer.yaml').source?.data as { primaryColor?: unknown } | undefined)?.primaryColor;
	return typeof colour === 'string' && /^#[0-9a-fA-F]{6}$/.test(colour) ? colour.toLowerCase() : NEUTRAL_COLOUR;
}

const isDirectory = (p: string) => stat(p).then((s) => s.isDirectory(), () => false);
const exists = (p: string) => stat(p).then(() => true, () => false);
