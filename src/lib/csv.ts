/**
 * CSV files as spreadsheets export them: decoded from bytes whatever the encoding Excel or
 * LibreOffice chose, then parsed as RFC 4180 (quoted fields, doubled quotes, CRLF, line breaks
 * inside quotes), with the separator read from the header line. Every record keeps the 1-based
 * line it starts on, so that a message can send a person to the right row of their file.
 *
 * Nothing here ever repeats the content of a field: a CSV of recipients holds e-mail addresses.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedCsv {
	text: string;
	encoding: CsvEncoding;
	/** The file started with a byte order mark, which is not part of the text. */
	bom: boolean;
}

/** A problem with the file as a whole or with one line of it; never quotes the file's content. */
export interface CsvProblem {
	/** 1-based line; 1 for a problem with the whole file. */
	line: number;
	message: string;
	hint?: string;
}

export type Separator = ',' | ';' | '\t';

export interface CsvRecord {
	/** 1-based line of the file where the record starts (a quoted field may span several lines). */
	line: number;
	fields: string[];
	/** Its quoting is broken (reported in `problems`): its fields cannot be trusted. */
	malformed?: boolean;
}

export interface CsvTable {
	separator: Separator;
	/** The first record that is not blank; absent for a file with no content. */
	header?: CsvRecord;
	/** Every later record that is not blank (blank lines, and lines of separators only, are skipped). */
	records: CsvRecord[];
	problems: CsvProblem[];
}

/**
 * The text of a CSV file. A UTF-8 byte order mark is removed; UTF-16 (Excel's "Unicode text") is
 * recognised by its byte order mark; bytes that are not valid UTF-8 are read as Windows-1252, the
 * encoding of Excel's plain "CSV" in Western Europe. Returns a problem for what is no CSV at all.
 *
 * @example decodeCsv(new Uint8Array([0x4c, 0xe9, 0x61])) // { text: 'Léa', encoding: 'windows-1252', bom: false }
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv | { problem: CsvProblem } {
	const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
	if (starts(0x50, 0x4b, 0x03, 0x04)) {
		return { problem: { line: 1, message: 'this is a spreadsheet workbook (.xlsx or .ods), not a CSV file', hint: 'in the spreadsheet, use File → Save As… and choose "CSV UTF-8"' } };
	}
	let decoded: DecodedCsv;
	if (starts(0xef, 0xbb, 0xbf)) decoded = { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
	else if (starts(0xff, 0xfe)) decoded = { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', bom: true };
	else if (starts(0xfe, 0xff)) decoded = { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', bom: true };
	else {
		try {
			decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
		} catch {
			decoded = { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false };
		}
	}
	if (decoded.text.includes('\0')) {
		return { problem: { line: 1, message: 'this file is not text (it contains NUL bytes)', hint: 'export the table as CSV: File → Save As… and choose "CSV UTF-8"' } };
	}
	return decoded;
}

// Not fatal: a broken sequence after a byte order mark becomes U+FFFD, and the fields that hold it
// fail their own checks (an e-mail with U+FFFD is not an address).
const decode = (encoding: string, bytes: Uint8Array) => new TextDecoder(encoding).decode(bytes);

/**
 * Splits CSV text into records. The separator is `,`, `;` or a tab, whichever the header line
 * (the first line that is not blank) uses most outside quotes; `,` when it has none.
 * Line breaks inside quoted fields become `\n`. Malformed quoting is reported by line, and the
 * table is still returned so that the caller can report every other problem too.
 */
export function parseCsv(text: string): CsvTable {
	const separator = detectSeparator(text);
	const problems: CsvProblem[] = [];
	const records: CsvRecord[] = [];
	const n = text.length;
	let i = 0;
	let line = 1;
	while (i < n) {
		const start = line;
		const fields: string[] = [];
		const reported = problems.length;
		// One record: fields until an unquoted line break or the end of the text.
		for (;;) {
			let field = '';
			let j = i;
			while (j < n && (text[j] === ' ' || (text[j] === '\t' && separator !== '\t'))) j++;
			if (text[j] === '"') {
				const opened = line;
				j++;
				let closed = false;
				while (j < n) {
					const c = text[j]!;
					if (c === '"') {
						if (text[j + 1] === '"') {
							field += '"';
							j += 2;
							continue;
						}
						closed = true;
						j++;
						break;
					}
					if (c === '\r' || c === '\n') {
						field += '\n';
						j += c === '\r' && text[j + 1] === '\n' ? 2 : 1;
						line++;
						continue;
					}
					field += c;
					j++;
				}
				if (!closed) {
					problems.push({
						line: opened,
						message: 'a quoted value starts on this line and its closing quote is missing',
						hint: 'close the quote; a quote inside a value is written twice: "Le ""Local"" des jeunes"',
					});
				}
				while (j < n && (text[j] === ' ' || (text[j] === '\t' && separator !== '\t'))) j++;
				if (j < n && text[j] !== separator && text[j] !== '\r' && text[j] !== '\n') {
					problems.push({
						line,
						message: 'text follows a closing quote in the same value',
						hint: 'a value that contains quotes is written between quotes, each inner quote doubled: "Le ""Local"" des jeunes"',
					});
					// Keep reading the rest of the value as plain text, to find the next problems.
					while (j < n && text[j] !== separator && text[j] !== '\r' && text[j] !== '\n') field += text[j++];
				}
			} else {
				j = i;
				while (j < n && text[j] !== separator && text[j] !== '\r' && text[j] !== '\n') j++;
				field = text.slice(i, j);
			}
			fields.push(field);
			if (j < n && text[j] === separator) {
				i = j + 1;
				continue;
			}
			// End of the record: a line break (CRLF, LF, or the CR of old Mac exports) or the end.
			if (j < n) {
				j += text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1;
				line++;
			}
			i = j;
			break;
		}
		if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields, ...(problems.length > reported ? { malformed: true } : {}) });
	}
	const [header, ...rest] = records;
	return { separator, ...(header ? { header } : {}), records: rest, problems };
}

function detectSeparator(text: string): Separator {
	const counts = { ',': 0, ';': 0, '\t': 0 };
	// Lines of separators only are no header, but in a file of nothing else they still tell.
	const blank = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	let seen = false;
	for (const c of text) {
		if (c === '"') quoted = !quoted;
		else if (!quoted && (c === '\n' || c === '\r')) {
			if (seen) break;
			for (const k of [',', ';', '\t'] as const) [blank[k], counts[k]] = [blank[k] + counts[k], 0];
		} else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
		else if (!quoted && c.trim()) seen = true;
	}
	const best = (Object.entries(seen ? counts : { ',': blank[','] + counts[','], ';': blank[';'] + counts[';'], '\t': blank['\t'] + counts['\t'] }) as [Separator, number][]).sort((a, b) => b[1] - a[1])[0]!;
	return best[1] > 0 ? best[0] : ',';
}
