/**
 * npm run erase -- <recipient> [--date YYYY-MM-DD] [--dry-run] [--root DIR]
 *
 * Answers a request to erase a person's data (GDPR Art. 17, "RGPD" in French): their file in
 * recipients/ becomes a tombstone. What identifies them goes (identity hash and salt, name,
 * consent, every narrative and evidence, every comment); what keeps the award URLs answering
 * stays (each award's id, badge and date, and a revocation, whose reason is the association's
 * text). `erased: <date>` at the top tells the build to publish those URLs as withdrawn. The file
 * keeps its name: it never holds personal data (files are named at random or from a consented
 * name, and a consented name is public anyway).
 *
 * The Git history still holds the earlier content: the command says so, and how to purge it if
 * the request requires it, but never rewrites history itself. On any refusal no file changes.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify } from 'yaml';
import { findPlaintextEmails } from '../content/emails.ts';
import { listRepositoryFiles } from '../content/files.ts';
import { validateAgainstSchema } from '../content/schema-validation.ts';
import { parseYamlSource, type YamlSource } from '../content/yaml-source.ts';
import { isDateOrDateTime } from '../dates.ts';
import { EMAIL_PATTERN } from '../identity.ts';
import type { Problem } from '../problems.ts';
import { suggest } from '../suggest.ts';
import { siteUrls } from '../urls.ts';
import { contentRoot } from './args.ts';
import { CommandError, consoleIo, EXIT_USAGE, localDay, parseOptions, publishedSite, runCommand, writeFileAtomic, type CommandIo } from './command.ts';

const USAGE = 'usage: npm run erase -- <recipient> [--date YYYY-MM-DD] [--dry-run] [--root DIR], where <recipient> is the name of their file in recipients/ (without .yaml) or the id of one of their awards';

const SCHEMA_LINE = '# yaml-language-server: $schema=../schemas/recipient.schema.json';

/** The tombstone's comment: says what happened, and nothing about whom or why. */
const TOMBSTONE_COMMENT = [
	'# Données personnelles effacées à la demande de la personne (RGPD, article 17) : seuls restent',
	'# les badges décernés, pour que leurs adresses répondent « retiré ».',
	'# Personal data erased at the request of the person (GDPR, Article 17): only the awards remain,',
	'# so that their URLs answer "withdrawn".',
];

export interface EraseOptions {
	io?: CommandIo;
	/** Today, the default erasure date and the latest allowed; injected by tests. */
	now?: Date;
}

/** One award as the tombstone keeps it. */
interface KeptAward {
	id: string;
	badge: string;
	issuedOn: string;
	revoked?: { date: string; reason: string };
}

interface RecipientFile {
	/** Relative to the content root. */
	file: string;
	text: string;
	source: YamlSource;
	data: Record<string, unknown>;
}

export function runErase(args: readonly string[], options: EraseOptions = {}): Promise<number> {
	const io = options.io ?? consoleIo;
	return runCommand(io, async () => {
		const { values, flags, positionals } = parseOptions(args, ['root', 'date'], USAGE, ['dry-run']);
		const [given, ...extra] = positionals;
		if (!given) throw usage('give the recipient whose data is to be erased', USAGE);
		if (extra.length) throw usage(`unexpected argument "${extra[0]}"`, USAGE);
		if (EMAIL_PATTERN.test(given)) {
			throw usage('this looks like an e-mail address (not repeated here): the command does not look people up by address', 'give the id of one of their awards, from an award URL they have (…/awards/<id>/), or the name of their file in recipients/');
		}
		const today = localDay(options.now ?? new Date());
		const date = checkDate(values.date ?? today, today);
		const root = contentRoot(values.root ? ['--root', values.root] : []);
		if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
			throw new CommandError('ERR_ROOT_MISSING', `the content folder ${root} does not exist`, {
				hint: 'run the command from your badges repository, or give its folder with --root',
			});
		}

		const recipient = await findRecipient(root, normalise(given));
		const { file, data } = recipient;
		if (data.erased !== undefined) {
			throw new CommandError('ERR_ALREADY_ERASED', `${file} was already erased on ${String(data.erased)}`, {
				hint: 'there is nothing left to erase in it; the Git history may still hold its earlier content (see "Erasure requests" in the README)',
			});
		}
		const { awards, dropped } = keptAwards(recipient);
		const latest = awards.map((a) => a.issuedOn.slice(0, 10)).sort().at(-1);
		if (latest && date < latest) {
			throw new CommandError('ERR_ERASE_DATE', `the erasure date ${date} is before the award date ${latest}`, {
				hint: 'check --date: data is erased on or after the day of the last award; without --date, today is used',
			});
		}
		const text = tombstoneText(recipient, date, awards);

		const site = await publishedSite(root);
		const removed = removedSummary(data, recipient.text);
		io.out(flags['dry-run'] ? `✓ Essai / dry run: ${file} would become a tombstone (erased: ${date}) — no file was changed` : `✓ Données personnelles effacées / personal data erased: ${file} (erased: ${date})`);
		io.out(`  ${flags['dry-run'] ? 'would remove' : 'removed'}: ${removed.join(', ') || 'nothing but comments'}`);
		for (const d of dropped) io.out(`  note: ${d}`);
		io.out(`  ${awards.length} award${awards.length === 1 ? '' : 's'} kept with their id, badge and date, published as withdrawn${awards.length ? ':' : ''}`);
		for (const a of awards) io.out(`    ${site ? siteUrls(site).awardPage(a.id) : a.id}`);
		if (!site && awards.length) io.out('    (issuer.yaml has no valid `site`: the award URLs cannot be shown)');
		if (flags['dry-run']) {
			io.out('');
			for (const l of text.replace(/\r?\n$/, '').split(/\r?\n/)) io.out(`  | ${l}`);
		} else {
			await writeFileAtomic(path.join(root, file), text);
		}
		io.out('');
		io.out("Commitez ce fichier et faites relire la modification, sans le nom de la personne dans le message ni dans la demande de fusion, puis relancez la publication : les adresses de ses badges répondront « retiré », sans aucune donnée personnelle.");
		io.out("Commit this file and have the change reviewed, without the person's name in the message or the pull request, then publish again: the URLs of their awards will answer \"withdrawn\", without any personal data.");
		io.out('');
		io.out("⚠ L'historique Git garde l'ancien contenu de ce fichier, comme chaque copie du dépôt (clones, forks). Si la demande l'exige, purgez-le en réécrivant l'historique avec `git filter-repo`, en accord avec qui héberge le dépôt (GitHub, GitLab…) : cette commande ne le fait pas.");
		io.out('⚠ The Git history still holds the earlier content of this file, as does every copy of the repository (clones, forks). If the request requires it, purge it by rewriting the history with `git filter-repo`, coordinated with whoever hosts the repository (GitHub, GitLab…): this command does not do it.');
		return 0;
	});
}

const usage = (message: string, hint: string) => new CommandError('ERR_USAGE', message, { hint, exitCode: EXIT_USAGE });

/** `recipients/lea-m.yaml`, `lea-m.yaml` or an award URL are understood too. */
function normalise(given: string): string {
	const fromUrl = /\/awards\/([0-9a-z]{8,32})(?:\/|$)/.exec(given)?.[1];
	if (fromUrl) return fromUrl;
	return given.replace(/^(?:\.\/)?recipients\//, '').replace(/\.ya?ml$/, '');
}

function checkDate(date: string, today: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isDateOrDateTime(date)) {
		throw usage(`--date "${date}" is not a date`, 'write it as YYYY-MM-DD, e.g. --date 2026-06-01; without --date, today is used');
	}
	if (date > today) throw usage(`--date ${date} is in the future`, 'data is erased on the day the request is carried out: leave --date out for today');
	return date;
}

/** The recipient file named `given`, or the one holding the award `given`; a refusal names the nearest. */
async function findRecipient(root: string, given: string): Promise<RecipientFile> {
	const files = (await listRepositoryFiles(root)).filter((f) => /^recipients\/[^/]+\.ya?ml$/.test(f)).sort();
	const slugOf = (f: string) => f.slice('recipients/'.length).replace(/\.ya?ml$/, '');
	const named = files.find((f) => slugOf(f) === given);
	if (named) return (await read(root, named, true))!;

	const holding: RecipientFile[] = [];
	const ids: string[] = [];
	const unreadable: string[] = [];
	for (const file of files) {
		const recipient = await read(root, file, false);
		if (!recipient) {
			unreadable.push(file);
			continue;
		}
		for (const a of Array.isArray(recipient.data.awards) ? (recipient.data.awards as unknown[]) : []) {
			const id = a && typeof a === 'object' ? (a as { id?: unknown }).id : undefined;
			if (typeof id !== 'string') continue;
			ids.push(id);
			if (id === given && !holding.includes(recipient)) holding.push(recipient);
		}
	}
	if (holding.length === 1) return holding[0]!;
	if (holding.length > 1) {
		throw new CommandError('ERR_AWARD_DUPLICATE_ID', `award id "${given}" is used in ${holding.map((f) => f.file).join(' and ')}`, {
			hint: 'npm run check explains how to fix it; or give the name of the file to erase',
		});
	}
	const near = suggest(given, [...files.map(slugOf), ...ids]);
	const skipped = unreadable.length ? ` (not read, YAML errors: ${unreadable.join(', ')} — run npm run check)` : '';
	throw new CommandError('ERR_RECIPIENT_UNKNOWN', `no recipient file "recipients/${given}.yaml" and no award "${given}"${skipped}`, {
		hint: near ? `did you mean "${near}"?` : 'give the name of a file in recipients/ (without .yaml), or the id of one of the person\'s awards (…/awards/<id>/)',
	});
}

/** A recipient file, parsed. A named file that does not parse is refused; while searching, it is skipped. */
async function read(root: string, file: string, named: boolean): Promise<RecipientFile | undefined> {
	const text = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
	if (text === undefined) {
		if (!named) return undefined;
		throw new CommandError('ERR_FILE_UNREADABLE', `cannot read ${file}`, { hint: 'check that it exists and that its permissions allow reading it' });
	}
	const { source, problems } = parseYamlSource(text, file);
	const data = source?.data;
	if (!source || !data || typeof data !== 'object' || Array.isArray(data)) {
		if (!named) return undefined;
		throw new CommandError('ERR_RECIPIENT_UNREADABLE', `${file} could not be read as a recipient file: nothing was erased`, {
			hint: 'fix its YAML first (npm run check shows where), then run the command again',
			problems,
		});
	}
	return { file, text, source, data: data as Record<string, unknown> };
}

/**
 * What the tombstone keeps of each award: id, badge, date and a revocation. An entry without a
 * readable id, badge or date is refused (its URL could not be kept); a revocation without a
 * reason is left out, since the erasure revokes the award anyway.
 */
function keptAwards({ file, source, data }: RecipientFile): { awards: KeptAward[]; dropped: string[] } {
	const list = data.awards ?? [];
	const problems: Problem[] = [];
	const dropped: string[] = [];
	if (!Array.isArray(list)) {
		problems.push({ code: 'ERR_SCHEMA_TYPE', severity: 'error', file, line: source.lineOf(['awards']), field: 'awards', message: 'must be a list' });
	}
	const awards: KeptAward[] = [];
	(Array.isArray(list) ? (list as unknown[]) : []).forEach((entry, i) => {
		const a = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
		const missing = (['id', 'badge', 'issuedOn'] as const).filter((k) => typeof a[k] !== 'string' || a[k] === '');
		for (const k of missing) {
			problems.push({ code: 'ERR_SCHEMA_MISSING_FIELD', severity: 'error', file, line: source.lineOf(['awards', i, k]), field: `awards.${i}.${k}`, message: `missing or not text: "${k}"` });
		}
		if (missing.length) return;
		const kept: KeptAward = { id: a.id as string, badge: a.badge as string, issuedOn: a.issuedOn as string };
		const r = a.revoked as { date?: unknown; reason?: unknown } | undefined;
		if (r && typeof r === 'object' && typeof r.date === 'string' && typeof r.reason === 'string' && r.reason.trim()) {
			kept.revoked = { date: r.date, reason: r.reason };
		} else if (a.revoked !== undefined) {
			dropped.push(`awards.${i}.revoked has no reason: left out, the erasure revokes award ${kept.id} anyway`);
		}
		awards.push(kept);
	});
	if (problems.length) {
		throw new CommandError('ERR_RECIPIENT_AWARDS', `the awards of ${file} cannot all be kept: nothing was erased`, {
			hint: 'every award needs its id, badge and issuedOn so that its URL keeps answering; fix them (npm run check lists them), then run the command again',
			problems,
		});
	}
	return { awards, dropped };
}

/**
 * The tombstone's text: the editor's schema line, the comment, `erased` and the awards, each
 * checked against what was intended, the recipient schema and the e-mail scan before anything is
 * written. Line endings follow the file's.
 */
function tombstoneText({ file, text: before }: RecipientFile, date: string, awards: KeptAward[]): string {
	const schemaLine = /^(# yaml-language-server: \$schema=\S+)\r?$/m.exec(before.split('\n')[0] ?? '')?.[1] ?? SCHEMA_LINE;
	const lines = [schemaLine, ...TOMBSTONE_COMMENT, `erased: ${date}`];
	if (awards.length === 0) lines.push('awards: []');
	else {
		lines.push('awards:');
		// Lines left empty inside a block scalar stay empty: spaces there would become text.
		for (const a of awards) lines.push(...stringify([a], { lineWidth: 0 }).replace(/\n$/, '').split('\n').map((l) => (l ? `  ${l}` : l)));
	}
	const eol = before.includes('\r\n') ? '\r\n' : '\n';
	const text = lines.join(eol) + eol;

	const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
	if (doc.errors.length || !isDeepStrictEqual(doc.toJS(), { erased: date, awards })) throw new Error(`erase could not write ${file} as intended`);
	const inTombstone = (p: Problem): Problem => ({ ...p, line: undefined, message: `${p.message} (in the tombstone)` });
	const emails = findPlaintextEmails(text, file);
	if (emails.length) {
		throw new CommandError('ERR_ERASE_EMAIL', `what ${file} keeps contains an e-mail address (not repeated here): nothing was erased`, {
			hint: 'a revocation reason holds it: remove the address from that reason, then run the command again',
			problems: emails.map(inTombstone),
		});
	}
	const { source } = parseYamlSource(text, file);
	const problems = source ? validateAgainstSchema('recipient', source, file) : [];
	if (problems.length) {
		throw new CommandError('ERR_RECIPIENT_AWARDS', `the awards of ${file} have errors: nothing was erased`, {
			hint: 'fix them (npm run check lists them), then run the command again',
			problems: problems.map(inTombstone),
		});
	}
	return text;
}

/** What the erasure takes out, for the report: field names and counts, never their values. */
function removedSummary(data: Record<string, unknown>, text: string): string[] {
	const awards = (Array.isArray(data.awards) ? data.awards : []) as Record<string, unknown>[];
	const count = (key: string, one: string, many: string) => {
		const n = awards.filter((a) => a && typeof a === 'object' && a[key] !== undefined).length;
		return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
	};
	const others = Object.keys(data).filter((k) => !['identity', 'name', 'consent', 'awards', 'erased'].includes(k));
	const comments = text.split('\n').filter((l, i) => /^\s*#/.test(l) && !(i === 0 && /yaml-language-server/.test(l))).length;
	return [
		...['identity', 'name', 'consent'].filter((k) => data[k] !== undefined),
		...others,
		...count('narrative', 'narrative', 'narratives'),
		...count('evidence', 'evidence list', 'evidence lists'),
		...(comments ? [`${comments} comment line${comments === 1 ? '' : 's'}`] : []),
	];
}
