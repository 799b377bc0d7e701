/**
 * The text of recipient files: a new file for a new person, or new awards added to a person's
 * file as inserted text, so that every other byte (comments, blank lines, quoting) is kept. Every
 * text is read back and compared with what was intended, checked against the recipient schema
 * and searched for e-mail addresses before the command writes it.
 */
import { isDeepStrictEqual } from 'node:util';
import { isSeq, parseDocument, stringify, type Node } from 'yaml';
import { findPlaintextEmails } from '../content/emails.ts';
import { validateAgainstSchema } from '../content/schema-validation.ts';
import { parseYamlSource } from '../content/yaml-source.ts';
import { yamlScalar } from '../content/yaml-scalar.ts';

/** One award entry as written in recipients/<slug>.yaml, keys in this order. */
export interface AwardEntry {
	id: string;
	badge: string;
	issuedOn: string;
	narrative?: string;
	evidence?: { url: string; name?: string }[];
}

export interface NewRecipient {
	hash: string;
	salt: string;
	/** Written only with consent: the caller passes a name only for a person who agreed. */
	consentedName?: string;
	awards: AwardEntry[];
}

/** A file's new text and the line where each added award starts. */
export interface RecipientText {
	text: string;
	lines: number[];
}

const SCHEMA_LINE = '# yaml-language-server: $schema=../schemas/recipient.schema.json';

/** The text of a new recipients/<slug>.yaml. */
export function newRecipientText(recipient: NewRecipient, file: string): RecipientText {
	const head = [
		SCHEMA_LINE,
		'identity:',
		`  hash: ${scalar(recipient.hash)}`,
		`  salt: ${scalar(recipient.salt)}`,
		...(recipient.consentedName === undefined ? [] : [`name: ${scalar(recipient.consentedName)}`, 'consent:', '  showName: true']),
		'awards:',
	];
	const { lines: block, starts } = awardLines(recipient.awards, '  ');
	const text = [...head, ...block].join('\n') + '\n';
	const expected = {
		identity: { hash: recipient.hash, salt: recipient.salt },
		...(recipient.consentedName === undefined ? {} : { name: recipient.consentedName, consent: { showName: true } }),
		awards: recipient.awards,
	};
	assertWritable(text, file, expected);
	return { text, lines: starts.map((s) => head.length + 1 + s) };
}

/**
 * The file's text with `awards` added after its last award, indented like the others. Should the
 * inserted text not read back as intended (an unusual layout, such as `awards: [ … ]`), the YAML
 * Document API adds them instead, which keeps comments but may re-indent.
 */
export function withAddedAwards(text: string, file: string, awards: readonly AwardEntry[]): RecipientText {
	const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
	if (doc.errors.length) throw new Error(`${file} is not valid YAML`);
	const expected = doc.toJS() as { awards: unknown[] };
	expected.awards.push(...awards);

	const inserted = insertAsText(text, doc.get('awards', true) as Node | undefined, awards);
	if (inserted && readsAs(inserted.text, expected)) {
		assertWritable(inserted.text, file, expected);
		return inserted;
	}

	const edited = doc.clone();
	const seq = edited.get('awards', true);
	if (!isSeq(seq)) throw new Error(`${file} has no list of awards`);
	const first = seq.items.length;
	for (const award of awards) seq.items.push(edited.createNode(award));
	const rewritten = edited.toString({ lineWidth: 0 });
	assertWritable(rewritten, file, expected);
	const { source } = parseYamlSource(rewritten, file);
	return { text: rewritten, lines: awards.map((_, i) => source?.lineOf(['awards', first + i]) ?? 1) };
}

function insertAsText(text: string, awardsNode: Node | undefined, awards: readonly AwardEntry[]): RecipientText | undefined {
	if (!isSeq(awardsNode) || awardsNode.flow || !awardsNode.range || awardsNode.items.length === 0) return undefined;
	const dash = awardsNode.range[0];
	if (text[dash] !== '-') return undefined;
	const indent = dash - (text.lastIndexOf('\n', dash - 1) + 1);
	const end = (awardsNode.items.at(-1) as Node | null)?.range?.[1];
	if (end === undefined) return undefined;
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const { lines: block, starts } = awardLines(awards, ' '.repeat(indent));
	const inserted = block.join(eol) + eol;
	const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;

	// After the line where the last award ends (its trailing comment included)…
	let at = text[end - 1] === '\n' ? end : text.indexOf('\n', end) + 1;
	if (at === 0) {
		const first = lineAt(text.length) + 1;
		return { text: text + eol + inserted, lines: starts.map((s) => first + s) };
	}
	// …and after the comment lines indented deeper than its dash, which belong to that award.
	const commentLine = /( *)#[^\n]*\n/y;
	for (;;) {
		commentLine.lastIndex = at;
		const comment = commentLine.exec(text);
		if (!comment || comment[1]!.length <= indent) break;
		at += comment[0].length;
	}
	const first = lineAt(at);
	return { text: text.slice(0, at) + inserted + text.slice(at), lines: starts.map((s) => first + s) };
}

/** The awards as block-sequence lines with `indent` before each dash, and where each award starts. */
function awardLines(awards: readonly AwardEntry[], indent: string): { lines: string[]; starts: number[] } {
	const lines: string[] = [];
	const starts: number[] = [];
	for (const award of awards) {
		starts.push(lines.length);
		// Lines left empty inside a block scalar stay empty: spaces there would become text.
		lines.push(...stringify([award], { lineWidth: 0 }).replace(/\n$/, '').split('\n').map((l) => (l ? indent + l : l)));
	}
	return { lines, starts };
}

/** A YAML scalar as written in a block mapping: plain when it can be, quoted otherwise. */
const scalar = yamlScalar;

function readsAs(text: string, expected: unknown): boolean {
	const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
	return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), expected);
}

/**
 * Refuses (as a bug: the inputs were checked before) a text that does not read back as intended,
 * breaks the recipient schema or holds an e-mail address. Messages name the file only.
 */
function assertWritable(text: string, file: string, expected: unknown): void {
	if (!readsAs(text, expected)) throw new Error(`award could not write ${file} as intended`);
	if (findPlaintextEmails(text, file).length) throw new Error(`award refused to write ${file}: it would contain an e-mail address`);
	const { source } = parseYamlSource(text, file);
	const problems = source ? validateAgainstSchema('recipient', source, file) : [];
	if (!source || problems.length) throw new Error(`award would write ${file} against the recipient schema: ${problems.map((p) => p.message).join('; ')}`);
}
