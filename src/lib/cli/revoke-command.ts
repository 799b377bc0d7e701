/**
 * npm run revoke -- <award-id> --reason "…" [--date YYYY-MM-DD] [--root DIR]
 *
 * Writes `revoked: {date, reason}` into the award's entry in recipients/<slug>.yaml. The award
 * keeps its URL and is shown as revoked. The rest of the file is kept byte for byte: the lines
 * are inserted as text, and the result is parsed back and compared with what was intended before
 * anything is written. On any refusal no file changes.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { listRepositoryFiles } from '../content/files.ts';
import { parseYamlSource } from '../content/yaml-source.ts';
import { isDateOrDateTime } from '../dates.ts';
import { EMAIL_PATTERN } from '../identity.ts';
import { suggest } from '../suggest.ts';
import { siteUrls } from '../urls.ts';
import { contentRoot } from './args.ts';
import { CommandError, consoleIo, EXIT_USAGE, localDay, parseOptions, publishedSite, runCommand, writeFileAtomic, type CommandIo } from './command.ts';
import { yamlScalar } from '../content/yaml-scalar.ts';

const USAGE = 'usage: npm run revoke -- <award-id> --reason "why it is revoked" [--date YYYY-MM-DD] [--root DIR]';

export interface RevokeOptions {
	io?: CommandIo;
	/** Today, the default revocation date; injected by tests. */
	now?: Date;
}

/** Where an award is written. */
interface Found {
	/** Relative to the content root. */
	file: string;
	text: string;
	doc: Document;
	index: number;
	item: YAMLMap;
}

export function runRevoke(args: readonly string[], options: RevokeOptions = {}): Promise<number> {
	const io = options.io ?? consoleIo;
	return runCommand(io, async () => {
		const { values, positionals } = parseOptions(args, ['root', 'reason', 'date'], USAGE);
		const [id, ...extra] = positionals;
		if (!id) throw usage('give the id of the award to revoke', USAGE);
		if (extra.length) {
			throw usage(`unexpected argument "${extra[0]}"`, values.reason !== undefined ? 'a reason of several words goes in quotes: --reason "Attribuée par erreur"' : USAGE);
		}
		const reason = checkReason(values.reason);
		const today = localDay(options.now ?? new Date());
		const date = checkDate(values.date ?? today, today);
		const root = contentRoot(values.root ? ['--root', values.root] : []);
		if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
			throw new CommandError('ERR_ROOT_MISSING', `the content folder ${root} does not exist`, {
				hint: 'run the command from your badges repository, or give its folder with --root',
			});
		}

		const award = await findAward(root, id);
		const revoked = award.item.get('revoked');
		if (revoked !== undefined) {
			const line = lineOf(award, ['awards', award.index, 'revoked']);
			const was = isMap(revoked) ? ` on ${String(revoked.get('date'))}: "${String(revoked.get('reason'))}"` : '';
			throw new CommandError('ERR_AWARD_ALREADY_REVOKED', `award "${id}" was already revoked${was} (${award.file}${line ? `:${line}` : ''})`, {
				hint: 'a revocation is not repeated; to correct its date or reason, edit those lines by hand and have the change reviewed',
			});
		}
		const issuedOn = award.item.get('issuedOn');
		if (typeof issuedOn === 'string' && isDateOrDateTime(issuedOn) && date < issuedOn.slice(0, 10)) {
			throw new CommandError('ERR_REVOKE_DATE', `the revocation date ${date} is before the award date ${issuedOn.slice(0, 10)}`, {
				hint: 'check --date: an award is revoked on or after the day it was issued',
			});
		}

		const { text, line } = withRevocation(award, date, reason);
		await writeFileAtomic(path.join(root, award.file), text);

		io.out(`✓ Badge révoqué / award revoked: ${id}`);
		io.out(`  ${award.file}:${line} awards.${award.index}.revoked: ${date} — ${reason}`);
		const url = await awardUrl(root, id);
		io.out(url ? `  ${url}` : '  (issuer.yaml has no valid `site`: the award URL cannot be shown)');
		io.out('');
		io.out("Commitez ce fichier et faites relire la modification, puis relancez la publication : le badge restera à son adresse, marqué révoqué, avec cette raison.");
		io.out('Commit this file and have the change reviewed, then publish again: the award keeps its URL and is shown as revoked, with this reason.');
		return 0;
	});
}

const usage = (message: string, hint: string) => new CommandError('ERR_USAGE', message, { hint, exitCode: EXIT_USAGE });

function checkReason(given: string | undefined): string {
	if (given === undefined) throw usage('missing --reason: say why the award is revoked', USAGE);
	const reason = given.trim();
	if (!reason) throw usage('the reason is empty', 'write why the award is revoked, e.g. --reason "Attribuée par erreur"');
	if (/[\r\n]/.test(reason)) throw usage('the reason spans several lines', 'write it on one line');
	// The reason is published with the award: never an address, and never repeated in a log.
	if (EMAIL_PATTERN.test(reason)) {
		throw usage('the reason contains an e-mail address (not repeated here)', 'the reason is published on the award page and in its documents: describe what happened without personal details');
	}
	return reason;
}

function checkDate(date: string, today: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isDateOrDateTime(date)) {
		throw usage(`--date "${date}" is not a date`, 'write it as YYYY-MM-DD, e.g. --date 2026-06-01; without --date, today is used');
	}
	if (date > today) throw usage(`--date ${date} is in the future`, 'an award is revoked on the day the revocation is decided: leave --date out for today');
	return date;
}

/** The one entry in recipients/*.yaml with this award id, or a refusal naming the nearest ids. */
async function findAward(root: string, id: string): Promise<Found> {
	const files = (await listRepositoryFiles(root)).filter((f) => /^recipients\/[^/]+\.ya?ml$/.test(f)).sort();
	const found: Found[] = [];
	const ids: string[] = [];
	const unreadable: string[] = [];
	for (const file of files) {
		const text = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
		const doc = text === undefined ? undefined : parseDocument(text, { schema: 'core', uniqueKeys: true });
		if (text === undefined || !doc || doc.errors.length) {
			unreadable.push(file);
			continue;
		}
		const awards = doc.get('awards', true);
		if (!isSeq(awards)) continue;
		awards.items.forEach((item, index) => {
			if (!isMap(item)) return;
			const itemId = item.get('id');
			if (typeof itemId !== 'string') return;
			ids.push(itemId);
			if (itemId === id) found.push({ file, text, doc, index, item });
		});
	}
	if (found.length === 1) return found[0]!;
	if (found.length > 1) {
		throw new CommandError('ERR_AWARD_DUPLICATE_ID', `award id "${id}" is used in ${found.map((f) => f.file).join(' and ')}`, {
			hint: 'npm run check explains how to fix it; revoke the award once the id is used only once',
		});
	}
	const near = suggest(id, ids);
	const skipped = unreadable.length ? ` (not read, YAML errors: ${unreadable.join(', ')} — run npm run check)` : '';
	throw new CommandError('ERR_AWARD_UNKNOWN', `no award "${id}" in recipients/${skipped}`, {
		hint: near ? `did you mean "${near}"?` : 'copy the id from the award URL (…/awards/<id>/) or from the recipient file',
	});
}

/**
 * The file's text with the revocation added to the award, and the line of `revoked`. It is
 * inserted as text, so that every other byte stays: after the award's last line, indented like its
 * other fields, or before the closing brace of an award written as `- { id: …, … }`. Should the
 * result not read back as intended (an unusual layout), the YAML Document API rewrites the file.
 */
function withRevocation(award: Found, date: string, reason: string): { text: string; line: number } {
	const expected = award.doc.toJS() as { awards: Record<string, unknown>[] };
	expected.awards[award.index]!.revoked = { date, reason };
	const readsAsIntended = (text: string) => {
		const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
		return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), expected);
	};

	const inserted = insertAsText(award, date, reason);
	if (inserted && readsAsIntended(inserted.text)) return inserted;

	const doc = award.doc.clone();
	doc.setIn(['awards', award.index, 'revoked'], doc.createNode({ date, reason }));
	const text = doc.toString({ lineWidth: 0 });
	if (!readsAsIntended(text)) {
		throw new Error(`revoke could not write the revocation into ${award.file} as intended`);
	}
	const { source } = parseYamlSource(text, award.file);
	return { text, line: source?.lineOf(['awards', award.index, 'revoked']) ?? 1 };
}

function insertAsText(award: Found, date: string, reason: string): { text: string; line: number } | undefined {
	const { text, item } = award;
	const first = item.items[0];
	const last = item.items.at(-1);
	const end = ((last?.value as Node | null)?.range ?? (last?.key as Node | null)?.range)?.[1];
	if (!first || !isScalar(first.key) || !first.key.range || end === undefined) return undefined;
	const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
	if (item.flow) {
		// JSON strings are YAML double-quoted scalars, safe among the commas and braces of a flow map.
		const inline = `, revoked: { date: ${date}, reason: ${JSON.stringify(reason)} }`;
		return { text: text.slice(0, end) + inline + text.slice(end), line: lineAt(end) };
	}
	const keyStart = first.key.range[0];
	const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const pad = ' '.repeat(indent);
	const block = [`${pad}revoked:`, `${pad}  date: ${scalar(date)}`, `${pad}  reason: ${scalar(reason)}`].join(eol) + eol;
	// After the line where the award's last value ends (its trailing comment included)…
	let at = text[end - 1] === '\n' ? end : text.indexOf('\n', end) + 1;
	if (at === 0) return { text: text + eol + block, line: lineAt(text.length) + 1 };
	// …and after the comment lines indented deeper than the award's fields, which belong to that value.
	const commentLine = /( *)#[^\n]*\n/y;
	for (;;) {
		commentLine.lastIndex = at;
		const comment = commentLine.exec(text);
		if (!comment || comment[1]!.length <= indent) break;
		at += comment[0].length;
	}
	return { text: text.slice(0, at) + block + text.slice(at), line: lineAt(at) };
}

/** A YAML scalar as it would be written in a block mapping: plain when it can be, quoted otherwise. */
const scalar = yamlScalar;

function lineOf(award: Found, pathTo: (string | number)[]): number | undefined {
	return parseYamlSource(award.text, award.file).source?.lineOf(pathTo);
}

async function awardUrl(root: string, id: string): Promise<string | undefined> {
	const site = await publishedSite(root);
	return site && siteUrls(site).awardPage(id);
}
