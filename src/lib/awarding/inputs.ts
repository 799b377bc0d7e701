/**
 * What a person asks to award, as typed: the options of `npm run award`, or the rows of a CSV
 * file whose columns are named in its header (English or French names, any case or accents).
 */
import type { CsvTable } from '../csv.ts';
import { EMAIL_PATTERN } from '../identity.ts';
import { suggest } from '../suggest.ts';

export const FIELDS = ['email', 'badge', 'name', 'firstName', 'consent', 'date', 'narrative', 'evidenceUrl', 'evidenceName'] as const;
export type Field = (typeof FIELDS)[number];

/** One award asked for, with its values as typed (trimmed) and where each came from. */
export interface AwardInput {
	/** Line of the CSV row; absent on the command line. */
	line?: number;
	values: Partial<Record<Field, string>>;
	/** How each field is named to the person: the column as written in the header, or the option. */
	labels: Record<Field, string>;
}

/** A mistake in what was typed, by line (CSV) and column or option. Never quotes an e-mail address. */
export interface InputProblem {
	code: string;
	line?: number | undefined;
	/** The column as written in the header, or the option. */
	field: string;
	message: string;
	hint?: string | undefined;
}

/** The option that gives each field on the command line. */
export const OPTION_OF: Record<Field, string> = {
	email: '--email',
	badge: '--badge',
	name: '--name',
	firstName: '--name',
	consent: '--consent',
	date: '--date',
	narrative: '--narrative',
	evidenceUrl: '--evidence-url',
	evidenceName: '--evidence-name',
};

/**
 * Column names, after `columnKey` (lower case, no accents, `_` for spaces and hyphens). The first
 * name of each field is the one suggested for a typo; `prenom` with `nom` makes the name
 * "Prénom Nom", as French membership exports have it.
 */
const COLUMNS: Record<Field, string[]> = {
	email: ['email', 'courriel', 'e_mail', 'mail'],
	badge: ['badge'],
	name: ['name', 'nom'],
	firstName: ['first_name', 'prenom'],
	consent: ['consent', 'consentement'],
	date: ['date'],
	narrative: ['narrative', 'recit'],
	evidenceUrl: ['evidence_url', 'preuve'],
	evidenceName: ['evidence_name', 'titre_preuve'],
};
const FIELD_OF_COLUMN = new Map(FIELDS.flatMap((f) => COLUMNS[f].map((c) => [c, f] as const)));

export const columnKey = (header: string) =>
	header.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/[\s\-.'’]+/g, '_').replace(/^_+|_+$/g, '');

/** The award asked for on the command line, each value named by its option. */
export function inputFromOptions(values: Partial<Record<Field, string | undefined>>): AwardInput {
	const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v!.trim()]));
	return { values: given, labels: { ...OPTION_OF } };
}

/**
 * The rows of a CSV file as award inputs. Unknown, repeated or missing columns are problems of the
 * header line (line 1 or wherever the header is). A value from `defaults` (an option) fills a
 * column the file lacks, or a cell left empty.
 */
export function inputsFromCsv(table: CsvTable, defaults: Partial<Record<Field, string | undefined>>): { inputs: AwardInput[]; problems: InputProblem[] } {
	const problems: InputProblem[] = [];
	const header = table.header;
	if (!header) {
		problems.push({ code: 'ERR_CSV_EMPTY', line: 1, field: 'header', message: 'the file has no header line and no rows', hint: 'the first line names the columns, e.g. email,badge,date; then one line per award' });
		return { inputs: [], problems };
	}
	const fieldAt: (Field | undefined)[] = [];
	const labels = Object.fromEntries(FIELDS.map((f) => [f, COLUMNS[f][0]!])) as Record<Field, string>;
	const columnOf = new Map<Field, string>();
	const misspelt = new Set<Field>();
	const candidates = FIELDS.flatMap((f) => COLUMNS[f]);
	if (header.fields.some((f) => EMAIL_PATTERN.test(f))) {
		problems.push({
			code: 'ERR_CSV_NO_HEADER',
			line: header.line,
			field: 'header',
			message: 'the first line holds an e-mail address (not repeated here), not column names',
			hint: `add a header line above the rows that names the columns, e.g. email${table.separator}badge${table.separator}date`,
		});
		return { inputs: [], problems };
	}
	header.fields.forEach((raw, index) => {
		const name = raw.trim();
		const key = columnKey(name);
		if (!key) return; // an unnamed column: allowed while its cells are empty (checked below)
		const field = FIELD_OF_COLUMN.get(key);
		if (!field) {
			const near = suggest(key, candidates);
			if (near) misspelt.add(FIELD_OF_COLUMN.get(near)!);
			problems.push({
				code: 'ERR_CSV_UNKNOWN_COLUMN',
				line: header.line,
				field: name,
				message: `unknown column "${name}"`,
				hint: near ? `did you mean "${near}"?` : `the columns are ${FIELDS.map((f) => COLUMNS[f][0]).join(', ')} (or their French names)`,
			});
			return;
		}
		const twice = columnOf.get(field);
		if (twice !== undefined) {
			problems.push({
				code: 'ERR_CSV_DUPLICATE_COLUMN',
				line: header.line,
				field: name,
				message: `columns "${twice}" and "${name}" give the same information`,
				hint: 'keep one of the two columns',
			});
			return;
		}
		columnOf.set(field, name);
		labels[field] = name;
		fieldAt[index] = field;
	});
	// A misspelt column is reported as such, not once more as a missing one.
	if (!columnOf.has('email') && !misspelt.has('email')) {
		problems.push({ code: 'ERR_CSV_MISSING_COLUMN', line: header.line, field: 'email', message: 'no e-mail column', hint: 'add a column "email" (or "courriel") with each recipient\'s address' });
	}
	if (!columnOf.has('badge') && !defaults.badge && !misspelt.has('badge')) {
		problems.push({ code: 'ERR_CSV_MISSING_COLUMN', line: header.line, field: 'badge', message: 'no badge column', hint: 'add a column "badge" with the badge of each row, or give --badge for the whole file' });
	}
	if (problems.length) return { inputs: [], problems };

	const width = header.fields.length;
	const inputs: AwardInput[] = [];
	for (const record of table.records) {
		if (record.malformed) continue; // its quoting problem is reported; its values would only mislead
		const values: Partial<Record<Field, string>> = {};
		const rowLabels = { ...labels };
		const reported = problems.length;
		record.fields.forEach((raw, index) => {
			const value = raw.trim();
			const field = fieldAt[index];
			if (field) {
				if (value) values[field] = value;
			} else if (value) {
				problems.push(
					index >= width
						? {
								code: 'ERR_CSV_EXTRA_VALUE',
								line: record.line,
								field: `column ${index + 1}`,
								message: `this row has more values than the header has columns (${width})`,
								hint: `a value that contains "${table.separator === '\t' ? 'a tab' : table.separator}" must be written between double quotes`,
							}
						: {
								code: 'ERR_CSV_UNNAMED_COLUMN',
								line: record.line,
								field: `column ${index + 1}`,
								message: 'this row has a value in a column that has no name in the header',
								hint: 'name the column in the header line, or empty it',
							},
				);
			}
		});
		for (const [field, value] of Object.entries(defaults) as [Field, string | undefined][]) {
			if (value !== undefined && values[field] === undefined) {
				values[field] = value.trim();
				rowLabels[field] = OPTION_OF[field];
			}
		}
		// Values beyond the header mean shifted columns: the row's other checks would only mislead.
		if (problems.slice(reported).some((p) => p.code === 'ERR_CSV_EXTRA_VALUE')) continue;
		inputs.push({ line: record.line, values, labels: rowLabels });
	}
	return { inputs, problems: dedupeExtraValues(problems) };
}

/** One message per row for values beyond the header, however many there are. */
function dedupeExtraValues(problems: InputProblem[]): InputProblem[] {
	const seen = new Set<string>();
	return problems.filter((p) => {
		const key = `${p.code}:${p.line}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
