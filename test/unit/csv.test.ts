import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from '../../src/lib/csv.ts';
import { nameSlug, SlugAllocator } from '../../src/lib/awarding/file-slug.ts';

const bytes = (...parts: (string | number[])[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('decodeCsv', () => {
	it('reads UTF-8, without the byte order mark Excel puts in "CSV UTF-8"', () => {
		expect(decodeCsv(bytes('email,nom\n', 'a@b.fr,Léa\n'))).toEqual({ text: 'email,nom\na@b.fr,Léa\n', encoding: 'utf-8', bom: false });
		expect(decodeCsv(bytes([0xef, 0xbb, 0xbf], 'nom\nLéa'))).toEqual({ text: 'nom\nLéa', encoding: 'utf-8', bom: true });
	});

	it('reads bytes that are not UTF-8 as Windows-1252, the encoding of French Excel "CSV"', () => {
		// "Hélène;Œuvre;€" as Windows-1252: é = E9, è = E8, Œ = 8C, € = 80.
		expect(decodeCsv(bytes('H', [0xe9], 'l', [0xe8], 'ne;', [0x8c], 'uvre;', [0x80]))).toEqual({ text: 'Hélène;Œuvre;€', encoding: 'windows-1252', bom: false });
	});

	it('reads UTF-16 with its byte order mark (Excel "Unicode text")', () => {
		const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('nom\tLéa', 'utf16le')]);
		expect(decodeCsv(le)).toEqual({ text: 'nom\tLéa', encoding: 'utf-16le', bom: true });
	});

	it('refuses a workbook and a binary file', () => {
		expect(decodeCsv(bytes([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toEqual({
			problem: { line: 1, message: 'this is a spreadsheet workbook (.xlsx or .ods), not a CSV file', hint: 'in the spreadsheet, use File → Save As… and choose "CSV UTF-8"' },
		});
		expect(decodeCsv(bytes('a', [0], 'b'))).toHaveProperty('problem.message', 'this file is not text (it contains NUL bytes)');
	});
});

describe('parseCsv', () => {
	it('parses RFC 4180: quoted fields, doubled quotes, separators and line breaks inside quotes, CRLF', () => {
		const table = parseCsv('email,narrative,name\r\na@b.fr,"Un atelier, puis ""deux""",Léa\r\nc@d.fr,"Ligne 1\r\nLigne 2",\r\n');
		expect(table).toEqual({
			separator: ',',
			header: { line: 1, fields: ['email', 'narrative', 'name'] },
			records: [
				{ line: 2, fields: ['a@b.fr', 'Un atelier, puis "deux"', 'Léa'] },
				{ line: 3, fields: ['c@d.fr', 'Ligne 1\nLigne 2', ''] },
			],
			problems: [],
		});
	});

	it('takes the separator from the header line, and keeps each record on the line where it starts', () => {
		const table = parseCsv('\n;;\nCourriel;Badge;Récit\n\na@b.fr;x;"deux\nlignes, avec virgule"\n;;\nc@d.fr;y;z');
		expect(table.separator).toBe(';');
		expect(table.header).toEqual({ line: 3, fields: ['Courriel', 'Badge', 'Récit'] });
		expect(table.records).toEqual([
			{ line: 5, fields: ['a@b.fr', 'x', 'deux\nlignes, avec virgule'] },
			{ line: 8, fields: ['c@d.fr', 'y', 'z'] },
		]);
		expect(parseCsv('email\tbadge\na@b.fr\tx').separator).toBe('\t');
		expect(parseCsv('"a;b",c,d\n').separator).toBe(',');
		expect(parseCsv('email\na@b.fr\n').separator).toBe(',');
	});

	it('reads old Mac line ends (CR only) and a last line without a line end', () => {
		expect(parseCsv('a,b\rc,d\re,f').records).toEqual([
			{ line: 2, fields: ['c', 'd'] },
			{ line: 3, fields: ['e', 'f'] },
		]);
	});

	it('reports broken quoting by line without quoting the content, and marks the record', () => {
		const table = parseCsv('email,name\na@b.fr,"Léa "la" M"\nc@d.fr,"open\nstill open');
		expect(table.problems).toEqual([
			{ line: 2, message: 'text follows a closing quote in the same value', hint: 'a value that contains quotes is written between quotes, each inner quote doubled: "Le ""Local"" des jeunes"' },
			{ line: 3, message: 'a quoted value starts on this line and its closing quote is missing', hint: 'close the quote; a quote inside a value is written twice: "Le ""Local"" des jeunes"' },
		]);
		expect(table.records.map((r) => [r.line, r.malformed])).toEqual([
			[2, true],
			[3, true],
		]);
	});

	it('returns no header for an empty or blank file', () => {
		expect(parseCsv('')).toEqual({ separator: ',', records: [], problems: [] });
		expect(parseCsv('\r\n ; ;\r\n')).toEqual({ separator: ';', records: [], problems: [] });
	});

	it('parses 10,000 rows', () => {
		const text = ['email;badge;nom', ...Array.from({ length: 10_000 }, (_, i) => `p${i}@example.org;x;"Nom; ${i}"`)].join('\r\n');
		const table = parseCsv(text);
		expect(table.records).toHaveLength(10_000);
		expect(table.records.at(-1)).toEqual({ line: 10_001, fields: ['p9999@example.org', 'x', 'Nom; 9999'] });
	});
});

describe('recipient file slugs', () => {
	it('are the first name and the initial of the last, in ASCII', () => {
		expect(nameSlug('Léa Martin')).toBe('lea-m');
		expect(nameSlug('  Jean-Pierre  de la Fontaine ')).toBe('jean-pierre-f');
		expect(nameSlug('Zoé')).toBe('zoe');
		expect(nameSlug('Œdipe Æsir')).toBe('oedipe-a');
		expect(nameSlug("N'Golo Kanté")).toBe('n-golo-k');
		expect(nameSlug('李雷')).toBeUndefined();
	});

	it('never reuse a taken file name, and are random without a consented name', () => {
		const slugs = new SlugAllocator(['lea-m', 'lea-m-2', 'r-abcdef']);
		expect([slugs.allocate('Léa Moreau'), slugs.allocate('Léa Mercier'), slugs.allocate('Lea M.')]).toEqual(['lea-m-3', 'lea-m-4', 'lea-m-5']);
		expect(slugs.allocate('Zoé')).toBe('zoe');
		const random = [slugs.allocate(undefined), slugs.allocate('李雷')];
		for (const s of random) expect(s).toMatch(/^r-[a-z0-9]{6}$/);
		expect(new Set(random).size).toBe(2);
	});
});
