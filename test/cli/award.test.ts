import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runAward } from '../../src/lib/cli/award-command.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { EMAIL_PATTERN, hashEmail } from '../../src/lib/identity.ts';
import { projectRoot } from '../helpers.ts';
import { captureIo, runScript, snapshotFiles, tempSite } from './temp-site.ts';

// Noon UTC: the same calendar day in every time zone the tests may run in.
const now = new Date('2026-11-22T12:00:00Z');
const URL_OF = (id: string) => `https://fixture.example.org/badges/awards/${id}/`;
/** Public addresses, the only ones allowed: the association's contact (issuer.yaml) and the issuer schema's example. */
const PUBLIC_ADDRESSES = new Set(['contact@fixture.example.org', 'contact@association.example']);
const SCHEMA_LINE = '# yaml-language-server: $schema=../schemas/recipient.schema.json';
const COMMIT_LINES = [
	'',
	'Commitez les fichiers modifiés de recipients/ et faites relire la modification, puis relancez la publication : chaque badge sera publié à son adresse.',
	'Commit the changed files in recipients/ and have the change reviewed, then publish again: each award is published at its URL.',
];

/** A recipient file written by hand (comments, blank lines, a block scalar, a flow-style award). */
const SAM = `${SCHEMA_LINE}
# Consent recorded on paper, 2026-01-12.
identity:
  hash: ${hashEmail('sam.bernard@example.org', 'Salted123')}
  salt: Salted123
awards:
  # First workshop
  - id: m3n4p5q6r7s8   # printed on the certificate
    badge: atelier-numerique
    issuedOn: 2026-01-12
    narrative: |
      Sam a animé l'atelier.

      Deux séances.
    evidence:
      - url: https://fixture.example.org/galerie/sam
        name: Photos   # public gallery
      # more photos to come

  - {id: t9v8w7x6y5z4, badge: engagement-citoyen, issuedOn: 2026-02-01}
  - id: h2j3k4m5n6p7
    badge: atelier-numerique
    issuedOn: 2026-03-01
    narrative: |
      Texte.

# end of file`;

/** Every e-mail address in the files below `dir`, except the public ones. */
function addressesIn(dir: string): string[] {
	const found: string[] = [];
	const all = new RegExp(EMAIL_PATTERN.source, 'g');
	for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!e.isFile()) continue;
		const text = readFileSync(path.join(e.parentPath, e.name)).toString('latin1');
		for (const m of text.matchAll(all)) if (!PUBLIC_ADDRESSES.has(m[0].toLowerCase())) found.push(`${path.relative(dir, path.join(e.parentPath, e.name))}: ${m[0]}`);
	}
	return found;
}

describe('npm run award', () => {
	let site: ReturnType<typeof tempSite>;
	let csvDir: string | undefined;
	afterEach(() => {
		site?.remove();
		if (csvDir) rmSync(csvDir, { recursive: true, force: true });
		csvDir = undefined;
	});

	/** Runs the command on the temporary site; no output may ever hold an e-mail address. */
	const award = async (...args: string[]) => {
		const io = captureIo();
		const code = await runAward([...args, '--root', site.root], { io, now });
		const result = { code, stdout: io.stdout(), stderr: io.stderr() };
		expect(`${result.stdout}\n${result.stderr}`).not.toMatch(EMAIL_PATTERN);
		return result;
	};
	/** A CSV file outside the content folder, as a person keeps it. */
	const csvFile = (name: string, content: string | Uint8Array) => {
		csvDir ??= mkdtempSync(path.join(tmpdir(), 'blason-csv-'));
		const file = path.join(csvDir, name);
		writeFileSync(file, content);
		return file;
	};
	const read = (file: string) => readFileSync(path.join(site.root, file), 'utf8');
	const recipientFiles = () => readdirSync(path.join(site.root, 'recipients')).sort();
	const expectValidContent = async () => {
		const { site: loaded, problems } = await loadSite(site.root, { now });
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(addressesIn(site.root)).toEqual([]);
		return loaded!;
	};

	describe('one award', () => {
		it('to a new person: a new file with a fresh salt, no name, the award URL', async () => {
			site = tempSite();
			const result = await award('--badge', 'atelier-numerique', '--email', ' Noe.Dupont@Example.org', '--date', '2026-11-02');
			const m = /^ {2}\+ atelier-numerique 2026-11-02 → recipients\/(r-[a-z0-9]{6})\.yaml:6 \(new file\) (\S+)$/.exec(result.stdout.split('\n')[0]!);
			expect(m).not.toBeNull();
			const [, slug, url] = m!;
			const text = read(`recipients/${slug}.yaml`);
			const salt = /salt: (\S+)/.exec(text)![1]!;
			const id = /- id: (\S+)/.exec(text)![1]!;
			expect(salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
			expect(url).toBe(URL_OF(id));
			expect(text).toBe(`${SCHEMA_LINE}
identity:
  hash: ${hashEmail('noe.dupont@example.org', salt)}
  salt: ${salt}
awards:
  - id: ${id}
    badge: atelier-numerique
    issuedOn: 2026-11-02
`);
			expect(result).toEqual({ code: 0, stderr: '', stdout: [result.stdout.split('\n')[0], '✓ 1 award written, 0 already awarded', ...COMMIT_LINES].join('\n') });

			// Another person gets another salt; the date defaults to today.
			await award('--badge', 'atelier-numerique', '--email', 'ines.k@example.org');
			const other = recipientFiles().filter((f) => f.startsWith('r-') && f !== `${slug}.yaml`);
			expect(other).toHaveLength(1);
			const otherText = read(`recipients/${other[0]}`);
			expect(otherText).toContain('issuedOn: 2026-11-22\n');
			expect(/salt: (\S+)/.exec(otherText)![1]).not.toBe(salt);
			const loaded = await expectValidContent();
			expect(loaded.awards.find((a) => a.id === id)).toMatchObject({ badge: 'atelier-numerique', recipient: slug, issuedOn: '2026-11-02T00:00:00Z' });
		});

		it('to a person who already has a file: the award is added after the others, every other byte kept', async () => {
			site = tempSite();
			writeFileSync(path.join(site.root, 'recipients/sam-b.yaml'), SAM);
			const result = await award(
				'--badge', 'engagement-citoyen', '--email', 'SAM.Bernard@example.org ', '--date', '2026-11-20',
				'--narrative', 'Bilan : deux séances', '--evidence-url', 'https://fixture.example.org/galerie/sam-2', '--evidence-name', 'Photos, série 2',
			);
			const id = /awards\/([0-9a-z]{12})\//.exec(result.stdout)![1]!;
			expect(result).toEqual({
				code: 0,
				stderr: '',
				stdout: [`  + engagement-citoyen 2026-11-20 → recipients/sam-b.yaml:26 ${URL_OF(id)}`, '✓ 1 award written, 0 already awarded', ...COMMIT_LINES].join('\n'),
			});
			expect(read('recipients/sam-b.yaml')).toBe(SAM.replace('      Texte.\n', `      Texte.
  - id: ${id}
    badge: engagement-citoyen
    issuedOn: 2026-11-20
    narrative: "Bilan : deux séances"
    evidence:
      - url: https://fixture.example.org/galerie/sam-2
        name: Photos, série 2
`));
			expect(recipientFiles()).toEqual(['anonyme.yaml', 'lea-m.yaml', 'sam-b.yaml']);
			await expectValidContent();
		});

		it('keeps CRLF line ends and a file without a final line end', async () => {
			site = tempSite();
			const lea = readFileSync(path.join(site.root, 'recipients/lea-m.yaml'), 'utf8').replace(/\n$/, '').replace(/\n/g, '\r\n');
			writeFileSync(path.join(site.root, 'recipients/lea-m.yaml'), lea);
			const result = await award('--badge', 'atelier-numerique', '--email', 'lea.martin@example.org');
			const id = /awards\/([0-9a-z]{12})\//.exec(result.stdout)![1]!;
			expect(result.stdout.split('\n')[0]).toBe(`  + atelier-numerique 2026-11-22 → recipients/lea-m.yaml:19 ${URL_OF(id)}`);
			expect(read('recipients/lea-m.yaml')).toBe(`${lea}\r\n  - id: ${id}\r\n    badge: atelier-numerique\r\n    issuedOn: 2026-11-22\r\n`);
			await expectValidContent();
		});

		it('falls back to the YAML Document API for an award list written inline', async () => {
			site = tempSite();
			writeFileSync(path.join(site.root, 'recipients/sam-b.yaml'), `${SCHEMA_LINE}
identity: {hash: "${hashEmail('sam.bernard@example.org', 'Salted123')}", salt: Salted123}
# awards, inline
awards: [{id: m3n4p5q6r7s8, badge: atelier-numerique, issuedOn: 2026-01-12}]
`);
			const result = await award('--badge', 'engagement-citoyen', '--email', 'sam.bernard@example.org');
			expect(result.code).toBe(0);
			expect(result.stdout.split('\n')[0]).toMatch(/^ {2}\+ engagement-citoyen 2026-11-22 → recipients\/sam-b\.yaml:4 /);
			const text = read('recipients/sam-b.yaml');
			expect(text).toContain('# awards, inline');
			const loaded = await expectValidContent();
			expect(loaded.awards.filter((a) => a.recipient === 'sam-b').map((a) => a.badge)).toEqual(['atelier-numerique', 'engagement-citoyen']);
		});

		it('skips an award the person already has on that day', async () => {
			site = tempSite();
			const before = snapshotFiles(site.root);
			// 2023-01-10T10:00:00+01:00 in the file: the day it names is 2023-01-10.
			expect(await award('--badge', 'engagement-citoyen', '--email', 'lea.martin@example.org', '--date', '2023-01-10')).toEqual({
				code: 0,
				stderr: '',
				stdout: ['  = engagement-citoyen 2023-01-10 already awarded (recipients/lea-m.yaml:16, a1b2c3d4e5f6)', '✓ 0 awards written, 1 already awarded'].join('\n'),
			});
			expect(snapshotFiles(site.root)).toEqual(before);
		});
	});

	describe('names and consent', () => {
		it('writes a name only with consent, and names the file after it', async () => {
			site = tempSite();
			const result = await award('--badge', 'engagement-citoyen', '--email', 'lea.moreau@example.org', '--name', 'Léa Moreau', '--consent', '--date', '2026-10-01');
			const id = /awards\/([0-9a-z]{12})\//.exec(result.stdout)![1]!;
			// lea-m.yaml is taken by Léa Martin.
			expect(result.stdout.split('\n')[0]).toBe(`  + engagement-citoyen 2026-10-01 → recipients/lea-m-2.yaml:9 (new file) ${URL_OF(id)}`);
			const text = read('recipients/lea-m-2.yaml');
			const salt = /salt: (\S+)/.exec(text)![1]!;
			expect(text).toBe(`${SCHEMA_LINE}
identity:
  hash: ${hashEmail('lea.moreau@example.org', salt)}
  salt: ${salt}
name: Léa Moreau
consent:
  showName: true
awards:
  - id: ${id}
    badge: engagement-citoyen
    issuedOn: 2026-10-01
`);
			const loaded = await expectValidContent();
			expect(loaded.recipients.get('lea-m-2')?.publicName).toBe('Léa Moreau');
		});

		it('refuses a name without consent, and writes nothing', async () => {
			site = tempSite();
			const before = snapshotFiles(site.root);
			expect(await award('--badge', 'engagement-citoyen', '--email', 'lea.moreau@example.org', '--name', 'Léa Moreau')).toEqual({
				code: 1,
				stdout: '',
				stderr: '✗ --name: a name is given without consent to show it, and it would be written to a public Git repository — add --consent if the person (or a parent) agreed that their name is shown; otherwise leave out --name',
			});
			expect(snapshotFiles(site.root)).toEqual(before);
		});

		it('writes no name and no consent when there is no name to show', async () => {
			site = tempSite();
			await award('--badge', 'engagement-citoyen', '--email', 'anon@example.org', '--consent');
			const [file] = recipientFiles().filter((f) => f.startsWith('r-'));
			expect(read(`recipients/${file}`)).not.toMatch(/name|consent/);
		});

		it('never changes the name or consent of an existing person, and says so', async () => {
			site = tempSite();
			const result = await award('--badge', 'atelier-numerique', '--email', 'lea.martin@example.org', '--name', 'Léa Martin-Durand', '--consent', '--date', '2026-11-01');
			expect(result.stdout.split('\n').slice(0, 2)).toEqual([
				expect.stringMatching(/^ {2}\+ atelier-numerique 2026-11-01 → recipients\/lea-m\.yaml:19 /),
				'  note: recipients/lea-m.yaml keeps the name and consent it has: this command adds awards, it never changes them — edit the file by hand if they changed',
			]);
			expect(read('recipients/lea-m.yaml')).toContain('name: Léa Martin\n');
		});
	});

	describe('refusals on the command line', () => {
		it.each([
			{ name: 'no --email', args: ['--badge', 'atelier-numerique'], code: 2, message: "✗ missing --email: the recipient's address (it is hashed, never written) — usage: npm run award -- --badge <slug> --email <address> [--name \"Prénom Nom\" --consent] [--narrative \"…\"] [--evidence-url URL] [--evidence-name \"…\"] [--date YYYY-MM-DD] [--dry-run] [--notify] [--root DIR], or npm run award -- --csv FILE [--badge <slug>] [--date YYYY-MM-DD] [--dry-run] [--notify] [--root DIR]" },
			{ name: 'an address without --email', args: ['--badge', 'atelier-numerique', 'lea@example.org'], code: 2, message: '✗ an e-mail address was given without --email (not repeated here) — write --email before the address' },
			{ name: 'a misspelt option with an address', args: ['--badge', 'atelier-numerique', '--emial=lea@example.org'], code: 2, message: '✗ unknown option --emial — did you mean "--email"?' },
			{ name: 'a value for --consent', args: ['--badge', 'atelier-numerique', '--email', 'lea@example.org', '--consent=oui'], code: 2, message: '✗ --consent takes no value — write --consent on its own' },
			{ name: 'an unquoted name', args: ['--badge', 'atelier-numerique', '--email', 'lea@example.org', '--name', 'Léa', 'Moreau'], code: 2, message: '✗ unexpected argument "Moreau" — a value of several words goes in quotes: --name "Léa Martin"' },
			{ name: 'a date in the future', args: ['--badge', 'atelier-numerique', '--email', 'lea@example.org', '--date', '2026-11-23'], code: 2, message: '✗ --date 2026-11-23 is in the future — an award is dated the day it is given: leave --date out for today' },
			{ name: 'an impossible date', args: ['--badge', 'atelier-numerique', '--email', 'lea@example.org', '--date', '2026-02-30'], code: 2, message: '✗ --date "2026-02-30" is not a date — write it as YYYY-MM-DD, e.g. --date 2026-06-01; without --date, a single award is dated today' },
			{ name: '--email with --csv', args: ['--csv', 'x.csv', '--email', 'lea@example.org'], code: 2, message: '✗ --email goes with a single award, not with --csv — in a CSV file, each row gives its own e-mail in its own column' },
			{
				name: 'every wrong value at once, the address never repeated',
				args: ['--badge', 'atelier-numeriqe', '--email', 'lea.martin@example', '--narrative', ' ', '--evidence-url', 'ftp://fixture.example.org/x', '--evidence-name', 'Photos'],
				code: 1,
				message: [
					'✗ --email: the e-mail is not a valid address (not repeated here) — write one address of the form name@domain, and nothing else',
					'✗ --badge: unknown badge "atelier-numeriqe" — did you mean "atelier-numerique"?',
					'✗ --narrative: the narrative is empty — say what the person did, or leave the narrative out',
					'✗ --evidence-url: "ftp://fixture.example.org/x" is not a web address — give the full address of a public page, starting with https:// (or http://)',
				].join('\n'),
			},
			{
				name: 'an address in another field',
				args: ['--badge', 'atelier-numerique', '--email', 'lea@example.org', '--narrative', 'Contact : lea@example.org'],
				code: 1,
				message: '✗ --narrative: this value contains an e-mail address (not repeated here) — an address is never written to the recipient files: keep it in the e-mail column only (check that no column is shifted)',
			},
			{ name: 'an evidence name alone', args: ['--badge', 'atelier-numerique', '--email', 'lea@example.org', '--evidence-name', 'Photos'], code: 1, message: '✗ --evidence-name: an evidence name without an evidence URL — the evidence name is the title of the page at the evidence URL: add the URL, or leave the name out' },
		])('refuses $name and changes no file', async ({ args, code, message }) => {
			site = tempSite();
			const before = snapshotFiles(site.root);
			expect(await award(...args)).toEqual({ code, stdout: '', stderr: message });
			expect(snapshotFiles(site.root)).toEqual(before);
		});

		it('refuses content with errors, listing them', async () => {
			site = tempSite();
			writeFileSync(path.join(site.root, 'recipients/anonyme.yaml'), read('recipients/anonyme.yaml').replace('badge: atelier-numerique', 'badge: atelier'));
			const before = snapshotFiles(site.root);
			expect(await award('--badge', 'atelier-numerique', '--email', 'lea@example.org')).toEqual({
				code: 1,
				stdout: '',
				stderr: [
					'recipients/anonyme.yaml:6 awards.0.badge: unknown badge "atelier" — existing badges: atelier-numerique, engagement-citoyen',
					'✗ the content has errors: nothing was awarded — fix them first (npm run check lists them all), then run the command again',
				].join('\n'),
			});
			expect(snapshotFiles(site.root)).toEqual(before);
		});

		it('--dry-run prints what would be written and writes nothing', async () => {
			site = tempSite();
			const before = snapshotFiles(site.root);
			const result = await award('--badge', 'engagement-citoyen', '--email', 'lea.martin@example.org', '--dry-run');
			expect(result.code).toBe(0);
			expect(result.stdout).toBe(['  + engagement-citoyen 2026-11-22 → recipients/lea-m.yaml:19', '✓ Dry run: 1 award would be written, 0 already awarded — no file was changed'].join('\n'));
			expect(snapshotFiles(site.root)).toEqual(before);
		});
	});

	describe('--csv', () => {
		/** A French Excel "CSV UTF-8" export: BOM, semicolons, CRLF, French column names. */
		const FRENCH_EXPORT = [
			'Courriel;Badge;Prénom;Nom;Consentement;Date;Récit',
			'lea.martin@example.org;atelier-numerique;;;;2026-03-14;',
			'',
			';;;;;;',
			'Tom.Petit@example.org;engagement-citoyen;Tom;Petit;oui;2026-10-03;"Deux ateliers; puis',
			'un ""grand"" projet"',
			'tom.petit@example.org;atelier-numerique;Tom;Petit;Oui;2026-10-04;',
			'zoe@example.org;atelier-numerique;;;non;2026-10-04;',
			'lea.martin@example.org;engagement-citoyen;;;;2026-10-04;Aide au forum',
			'',
		].join('\r\n');

		it('imports a French Excel export: BOM, semicolons, quoted fields with separators and line breaks, blank lines', async () => {
			site = tempSite();
			const csv = csvFile('trimestre.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH_EXPORT)]));
			const result = await award('--csv', csv);
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			const lines = result.stdout.split('\n');
			const ids = lines.map((l) => /awards\/([0-9a-z]{12})\//.exec(l)?.[1]);
			const zoe = /recipients\/(r-[a-z0-9]{6})\.yaml/.exec(lines[3]!)?.[1];
			expect(lines).toEqual([
				'  = line 2: atelier-numerique 2026-03-14 already awarded (recipients/lea-m.yaml:9, k7m2x9qd4p1h)',
				`  + line 5: engagement-citoyen 2026-10-03 → recipients/tom-p.yaml:9 (new file) ${URL_OF(ids[1]!)}`,
				`  + line 7: atelier-numerique 2026-10-04 → recipients/tom-p.yaml:15 (new file) ${URL_OF(ids[2]!)}`,
				`  + line 8: atelier-numerique 2026-10-04 → recipients/${zoe}.yaml:6 (new file) ${URL_OF(ids[3]!)}`,
				`  + line 9: engagement-citoyen 2026-10-04 → recipients/lea-m.yaml:19 ${URL_OF(ids[4]!)}`,
				'✓ 4 awards written, 1 already awarded',
				...COMMIT_LINES,
				`${csv} contient des adresses e-mail : ne le commitez jamais. / ${csv} holds e-mail addresses: never commit it.`,
			]);
			const tom = read('recipients/tom-p.yaml');
			const salt = /salt: (\S+)/.exec(tom)![1]!;
			expect(tom).toBe(`${SCHEMA_LINE}
identity:
  hash: ${hashEmail('tom.petit@example.org', salt)}
  salt: ${salt}
name: Tom Petit
consent:
  showName: true
awards:
  - id: ${ids[1]}
    badge: engagement-citoyen
    issuedOn: 2026-10-03
    narrative: |-
      Deux ateliers; puis
      un "grand" projet
  - id: ${ids[2]}
    badge: atelier-numerique
    issuedOn: 2026-10-04
`);
			expect(read(`recipients/${zoe}.yaml`)).not.toMatch(/name|consent/);
			expect(read('recipients/lea-m.yaml').endsWith(`  - id: ${ids[4]}\n    badge: engagement-citoyen\n    issuedOn: 2026-10-04\n    narrative: Aide au forum\n`)).toBe(true);
			const loaded = await expectValidContent();
			expect(loaded.awards.find((a) => a.id === ids[1])?.narrative).toBe('Deux ateliers; puis\nun "grand" projet');

			// The same file again: every award is already there, and no byte changes.
			const before = snapshotFiles(site.root);
			const again = await award('--csv', csv);
			expect(again.code).toBe(0);
			expect(again.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
				'  = line 2: atelier-numerique 2026-03-14 already awarded (recipients/lea-m.yaml:9, k7m2x9qd4p1h)',
				`  = line 5: engagement-citoyen 2026-10-03 already awarded (recipients/tom-p.yaml:9, ${ids[1]})`,
				`  = line 7: atelier-numerique 2026-10-04 already awarded (recipients/tom-p.yaml:15, ${ids[2]})`,
				`  = line 8: atelier-numerique 2026-10-04 already awarded (recipients/${zoe}.yaml:6, ${ids[3]})`,
				`  = line 9: engagement-citoyen 2026-10-04 already awarded (recipients/lea-m.yaml:19, ${ids[4]})`,
			]);
			expect(again.stdout).toContain('✓ 0 awards written, 5 already awarded');
			expect(snapshotFiles(site.root)).toEqual(before);
		});

		it('reads a Windows-1252 export (French Excel "CSV") and says so', async () => {
			site = tempSite();
			const csv = csvFile('ancien.csv', Buffer.from('email,badge,nom,consentement,date\r\nhelene@example.org,atelier-numerique,Hélène Dubois,oui,2026-09-01\r\n', 'latin1'));
			const result = await award('--csv', csv);
			expect(result.stdout.split('\n').slice(0, 2)).toEqual([
				`note: ${csv} is not UTF-8: it was read as Windows-1252, the encoding of Excel's "CSV" — check the accents below; "CSV UTF-8" avoids the guess`,
				expect.stringMatching(/^ {2}\+ line 2: atelier-numerique 2026-09-01 → recipients\/helene-d\.yaml:9 \(new file\) /),
			]);
			expect(read('recipients/helene-d.yaml')).toContain('\nname: Hélène Dubois\n');
			await expectValidContent();
		});

		it('checks every row first: reports each bad one by line and column, never the address, and writes nothing', async () => {
			site = tempSite();
			const csv = csvFile('erreurs.csv', [
				'email,badge,name,consent,date,narrative,evidence_url',
				'ok.one@example.org,atelier-numerique,,,2026-11-01,,',
				'',
				'not-an-address@example,atelier-numerique,,,2026-11-01,,',
				'ok.two@example.org,atelier-numerqiue,,,01/11/2026,,',
				'ok.three@example.org,atelier-numerique,Sam B,,2027-01-01,,',
				'Ok.One@example.org,atelier-numerique,,,2026-11-01,,',
				'ok.four@example.org,engagement-citoyen,ok.four@example.org,oui,2026-11-01,,',
				'ok.five@example.org,engagement-citoyen,,,2026-11-01,Un atelier, puis deux,https://fixture.example.org/x',
				'ok.six@example.org,engagement-citoyen,,peut-être,2026-11-01,,www.example.org',
				',engagement-citoyen,,,,,',
				'ok.eight@example.org,engagement-citoyen,,,2026-11-01 00:00:00,,',
				'ok.seven@example.org,engagement-citoyen,,,2026-11-01,"pas fermé',
			].join('\n'));
			const before = snapshotFiles(site.root);
			const result = await award('--csv', csv);
			expect(result).toEqual({
				code: 1,
				stdout: '',
				stderr: [
					`${csv}:4 email: the e-mail on line 4 is not a valid address (not repeated here) — write one address of the form name@domain, and nothing else`,
					`${csv}:5 badge: unknown badge "atelier-numerqiue" — did you mean "atelier-numerique"?`,
					`${csv}:5 date: "01/11/2026" is not a date — write it as YYYY-MM-DD, e.g. 2026-11-01`,
					`${csv}:6 date: 2027-01-01 is in the future — an award is dated the day it is given: check the year, or leave the date for today`,
					`${csv}:6 name: a name is given without consent to show it, and it would be written to a public Git repository — write oui in a "consent" column if the person (or a parent) agreed that their name is shown; otherwise empty the name`,
					`${csv}:7 email: the e-mail on line 7, badge "atelier-numerique" and date 2026-11-01 are the same as on line 2 — one award per person, badge and day: delete one of the two rows`,
					`${csv}:8 name: this value contains an e-mail address (not repeated here) — an address is never written to the recipient files: keep it in the e-mail column only (check that no column is shifted)`,
					`${csv}:9 column 8: this row has more values than the header has columns (7) — a value that contains "," must be written between double quotes`,
					`${csv}:10 consent: "peut-être" is neither yes nor no — write oui/yes/1 if the person agreed to show their name; non/no/0 or nothing otherwise`,
					`${csv}:10 evidence_url: "www.example.org" is not a web address — give the full address of a public page, starting with https:// (or http://)`,
					`${csv}:11 email: no e-mail on line 11 — every award needs the recipient's address; it is hashed, never written`,
					`${csv}:11 date: no date on line 11 — add a date column (YYYY-MM-DD) or give --date for the whole file: without dates, running the same file again on another day would award every badge again`,
					`${csv}:12 date: "2026-11-01 00:00:00" is not a date — write it as YYYY-MM-DD, e.g. 2026-11-01`,
					`${csv}:13 a quoted value starts on this line and its closing quote is missing — close the quote; a quote inside a value is written twice: "Le ""Local"" des jeunes"`,
					`✗ 14 problems on 10 lines of ${csv} — nothing was written. Fix them and run the command again.`,
				].join('\n'),
			});
			expect(snapshotFiles(site.root)).toEqual(before);
		});

		it('refuses text that could not be decoded rather than write it garbled', async () => {
			site = tempSite();
			// A "CSV UTF-8" file (byte order mark) with a name pasted in from a Windows-1252 file.
			const csv = csvFile('mixte.csv', Buffer.concat([Buffer.from('\uFEFFemail,badge,nom,consent,date\nh@example.org,atelier-numerique,H'), Buffer.from([0xe9]), Buffer.from('l\u00e8ne,oui,2026-11-01\n')]));
			expect(await award('--csv', csv)).toEqual({
				code: 1,
				stdout: '',
				stderr: [
					`${csv}:2 nom: this value has characters that could not be read — the file mixes encodings: save it again as "CSV UTF-8"`,
					`✗ 1 problem on 1 line of ${csv} — nothing was written. Fix it and run the command again.`,
				].join('\n'),
			});
		});

		it('names an unknown column, with the nearest known one', async () => {
			site = tempSite();
			const csv = csvFile('colonnes.csv', 'Courriel;Bagde;Commentaire;Date\nlea@example.org;atelier-numerique;x;2026-11-01\n');
			expect(await award('--csv', csv)).toEqual({
				code: 1,
				stdout: '',
				stderr: [
					`${csv}:1 Bagde: unknown column "Bagde" — did you mean "badge"?`,
					`${csv}:1 Commentaire: unknown column "Commentaire" — the columns are email, badge, name, first_name, consent, date, narrative, evidence_url, evidence_name (or their French names)`,
					`✗ 2 problems on 1 line of ${csv} — nothing was written. Fix them and run the command again.`,
				].join('\n'),
			});
		});

		it('refuses a file without a header line, without repeating the address in it', async () => {
			site = tempSite();
			const csv = csvFile('sans-entete.csv', 'lea@example.org,atelier-numerique,2026-11-01\n');
			expect((await award('--csv', csv)).stderr).toBe([
				`${csv}:1 header: the first line holds an e-mail address (not repeated here), not column names — add a header line above the rows that names the columns, e.g. email,badge,date`,
				`✗ 1 problem on 1 line of ${csv} — nothing was written. Fix it and run the command again.`,
			].join('\n'));
		});

		it('takes --badge and --date for rows that do not give them, and asks for a date when there is none', async () => {
			site = tempSite();
			const csv = csvFile('liste.csv', 'email\na@example.org\nb@example.org\n');
			expect((await award('--csv', csv, '--badge', 'engagement-citoyen')).stderr).toMatch(/^.*:2 date: no date on line 2 — .*\n.*:3 date: no date on line 3 — /);
			const result = await award('--csv', csv, '--badge', 'engagement-citoyen', '--date', '2026-11-11');
			expect(result.stdout).toContain('✓ 2 awards written, 0 already awarded');
			expect((await expectValidContent()).awards.filter((a) => a.issuedOn === '2026-11-11T00:00:00Z')).toHaveLength(2);
		});

		it('refuses a CSV file inside the content folder: it would be committed with its addresses', async () => {
			site = tempSite();
			const inside = path.join(site.root, 'awards.csv');
			writeFileSync(inside, 'email,badge,date\nlea@example.org,atelier-numerique,2026-11-01\n');
			expect(await award('--csv', inside)).toEqual({
				code: 1,
				stdout: '',
				stderr: `✗ ${inside} is inside the repository, where it could be committed, and it holds e-mail addresses — move it out of the repository (for instance to your Documents folder) and give its new path to --csv: e-mail addresses must never reach Git`,
			});
		});

		it('refuses a workbook saved as .xlsx', async () => {
			site = tempSite();
			const csv = csvFile('awards.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
			expect((await award('--csv', csv)).stderr).toBe(`✗ ${csv}: this is a spreadsheet workbook (.xlsx or .ods), not a CSV file — in the spreadsheet, use File → Save As… and choose "CSV UTF-8"`);
		});

		it('imports 10,000 rows at once', async () => {
			site = tempSite();
			const rows = Array.from({ length: 10_000 }, (_, i) =>
				i % 2 ? `personne.${i}@exemple.fr;atelier-numerique;;;2026-09-15` : `Personne.${i}@Exemple.fr;engagement-citoyen;Léa Martin;oui;2026-09-16`,
			);
			const csv = csvFile('10000.csv', ['courriel;badge;nom;consentement;date', ...rows].join('\r\n'));
			const started = performance.now();
			const result = await award('--csv', csv);
			const seconds = (performance.now() - started) / 1000;
			expect(result.stderr).toBe('');
			expect(result.stdout).toContain('✓ 10000 awards written, 0 already awarded');
			const files = recipientFiles();
			expect(files).toHaveLength(10_002);
			// Léa Martin 5,000 times: lea-m is the fixture's, then lea-m-2 … lea-m-5001.
			expect(files.filter((f) => /^lea-m-\d+\.yaml$/.test(f))).toHaveLength(5_000);
			expect(files).toContain('lea-m-5001.yaml');
			expect(files.filter((f) => /^r-[a-z0-9]{6}\.yaml$/.test(f))).toHaveLength(5_000);
			const loaded = await expectValidContent();
			expect(loaded.awards).toHaveLength(10_003);
			console.info(`award: 10,000 CSV rows imported in ${seconds.toFixed(1)} s`);
		});
	});

	it('after a CSV import the site builds, and no address from any input is in the built site or the content', async () => {
		site = tempSite();
		writeFileSync(path.join(site.root, 'recipients/sam-b.yaml'), SAM);
		const csv = csvFile('trimestre.csv', [
			'email,badge,name,consent,date,narrative,evidence_url,evidence_name',
			'sam.bernard@example.org,engagement-citoyen,,,2026-11-02,"Animation, bilan",https://fixture.example.org/galerie/sam-3,Photos',
			'Lea.Martin@Example.org,engagement-citoyen,,,2026-11-02,,,',
			'mia.roux@example.org,atelier-numerique,Mia Roux,oui,2026-11-03,,,',
			'noah.blanc@example.org,atelier-numerique,,,2026-11-03,,,',
		].join('\n'));
		expect((await award('--csv', csv)).stdout).toContain('✓ 4 awards written, 0 already awarded');
		await award('--badge', 'atelier-numerique', '--email', 'jade.faure@example.org', '--name', 'Jade Faure', '--consent', '--date', '2026-11-04');
		await expectValidContent();

		const out = path.join(site.root, 'site');
		await promisify(execFile)(process.execPath, ['scripts/build.ts', '--root', site.root, '--out', out], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
		// 3 awards in the fixture, 3 in Sam's file, 4 from the CSV file, 1 on the command line.
		expect(readdirSync(path.join(out, 'awards'))).toHaveLength(11);
		// The consented name is published on the award page.
		const pages = readdirSync(path.join(out, 'awards')).map((id) => readFileSync(path.join(out, 'awards', id, 'index.html'), 'utf8'));
		expect(pages.filter((html) => html.includes('Mia Roux'))).toHaveLength(1);
		// Any address at all, in any case: the inputs' and every other one, except the public ones.
		expect(addressesIn(out)).toEqual([]);
		expect(addressesIn(site.root)).toEqual([]);
		const inputs = ['sam.bernard', 'lea.martin', 'mia.roux', 'noah.blanc', 'jade.faure'];
		for (const f of readdirSync(site.root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
			const text = readFileSync(path.join(f.parentPath, f.name)).toString('latin1').toLowerCase();
			for (const local of inputs) expect(text.includes(`${local}@example.org`), `${f.name} holds an input address`).toBe(false);
		}
	});

	it('runs as a command: exit codes, messages on stderr, never a stack trace or an address', async () => {
		site = tempSite();
		const ok = await runScript('award', ['--badge', 'atelier-numerique', '--email', 'lea.martin@example.org', '--root', site.root]);
		expect(ok.code).toBe(0);
		expect(ok.stdout).toMatch(/^ {2}\+ atelier-numerique \d{4}-\d{2}-\d{2} → recipients\/lea-m\.yaml:19 https:\/\/fixture\.example\.org\/badges\/awards\/[0-9a-z]{12}\/\n✓ 1 award written, 0 already awarded\n/);
		const csv = csvFile('a.csv', 'email,badge\nlea.martin@example.org,nope\n');
		for (const [args, code] of [
			[['--badge', 'nope', '--email', 'lea.martin@example.org'], 1],
			[['--badge', 'atelier-numerique', '--email', 'lea.martin@example'], 1],
			[['--badge', 'atelier-numerique', 'lea.martin@example.org'], 2],
			[['--email', 'lea.martin@example.org'], 2],
			[['--csv', csv], 1],
			[['--csv', path.join(csvDir!, 'absent.csv')], 1],
		] as const) {
			const result = await runScript('award', [...args, '--root', site.root]);
			expect(result.code, args.join(' ')).toBe(code);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/✗ /);
			expect(result.stderr).not.toMatch(/^\s+at /m);
			expect(result.stderr).not.toMatch(EMAIL_PATTERN);
		}
	});
});
