import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runRevoke } from '../../src/lib/cli/revoke-command.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { captureIo, runScript, snapshotFiles, tempSite } from './temp-site.ts';

// Noon UTC: the same calendar day in every time zone the tests may run in.
const now = new Date('2026-11-22T12:00:00Z');

/** A recipient file written by hand: comments, blank lines, a block scalar, a flow-style award. */
const SAM = `# yaml-language-server: $schema=../schemas/recipient.schema.json
# Consent recorded on paper, 2026-01-12.
identity:
  hash: sha256$0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
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

describe('npm run revoke', () => {
	let site: ReturnType<typeof tempSite>;
	afterEach(() => site?.remove());

	const revoke = async (...args: string[]) => {
		const io = captureIo();
		const code = await runRevoke([...args, '--root', site.root], { io, now });
		return { code, stdout: io.stdout(), stderr: io.stderr() };
	};
	const samFile = () => readFileSync(path.join(site.root, 'recipients/sam-b.yaml'), 'utf8');

	it('writes the revocation into the award entry and keeps every other byte of the file', async () => {
		site = tempSite();
		writeFileSync(path.join(site.root, 'recipients/sam-b.yaml'), SAM);

		const first = await revoke('m3n4p5q6r7s8', '--reason', 'Attribué par erreur, voir PV du 3 mars', '--date', '2026-03-04');
		expect(first).toEqual({
			code: 0,
			stderr: '',
			stdout: [
				'✓ Badge révoqué / award revoked: m3n4p5q6r7s8',
				'  recipients/sam-b.yaml:19 awards.0.revoked: 2026-03-04 — Attribué par erreur, voir PV du 3 mars',
				'  https://fixture.example.org/badges/awards/m3n4p5q6r7s8/',
				'',
				'Commitez ce fichier et faites relire la modification, puis relancez la publication : le badge restera à son adresse, marqué révoqué, avec cette raison.',
				'Commit this file and have the change reviewed, then publish again: the award keeps its URL and is shown as revoked, with this reason.',
			].join('\n'),
		});
		expect((await revoke('t9v8w7x6y5z4', '--reason=#2: doublon')).code).toBe(0);
		expect((await revoke('h2j3k4m5n6p7', '--reason', 'Erreur de saisie')).code).toBe(0);

		expect(samFile()).toBe(`# yaml-language-server: $schema=../schemas/recipient.schema.json
# Consent recorded on paper, 2026-01-12.
identity:
  hash: sha256$0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
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
    revoked:
      date: 2026-03-04
      reason: Attribué par erreur, voir PV du 3 mars

  - {id: t9v8w7x6y5z4, badge: engagement-citoyen, issuedOn: 2026-02-01, revoked: { date: 2026-11-22, reason: "#2: doublon" }}
  - id: h2j3k4m5n6p7
    badge: atelier-numerique
    issuedOn: 2026-03-01
    narrative: |
      Texte.
    revoked:
      date: 2026-11-22
      reason: Erreur de saisie

# end of file`);

		const { site: loaded, problems } = await loadSite(site.root, { now });
		expect(problems).toEqual([]);
		expect(loaded!.awards.filter((a) => a.revoked).map((a) => [a.id, a.revoked])).toEqual([
			['m3n4p5q6r7s8', { date: '2026-03-04T00:00:00Z', reason: 'Attribué par erreur, voir PV du 3 mars' }],
			['t9v8w7x6y5z4', { date: '2026-11-22T00:00:00Z', reason: '#2: doublon' }],
			['h2j3k4m5n6p7', { date: '2026-11-22T00:00:00Z', reason: 'Erreur de saisie' }],
		]);
	});

	it('adds the lines at the end of a file without a final newline, and keeps CRLF line ends', async () => {
		site = tempSite();
		const anonyme = path.join(site.root, 'recipients/anonyme.yaml');
		expect(readFileSync(anonyme, 'utf8').endsWith('issuedOn: 2022-05-01\n')).toBe(true);
		writeFileSync(anonyme, readFileSync(anonyme, 'utf8').replace(/\n$/, ''));
		expect((await revoke('zz9yy8xx7ww6', '--reason', 'Test')).stdout).toContain('recipients/anonyme.yaml:8 awards.0.revoked');
		expect(readFileSync(anonyme, 'utf8').split('\n').slice(-5)).toEqual([
			'    issuedOn: 2022-05-01',
			'    revoked:',
			'      date: 2026-11-22',
			'      reason: Test',
			'',
		]);

		const lea = path.join(site.root, 'recipients/lea-m.yaml');
		const crlf = readFileSync(lea, 'utf8').replace(/\n/g, '\r\n');
		writeFileSync(lea, crlf);
		expect((await revoke('a1b2c3d4e5f6', '--reason', 'Test')).code).toBe(0);
		expect(readFileSync(lea, 'utf8')).toBe(`${crlf}    revoked:\r\n      date: 2026-11-22\r\n      reason: Test\r\n`);
	});

	it('quotes a reason that YAML would otherwise read as something else', async () => {
		site = tempSite();
		expect((await revoke('zz9yy8xx7ww6', '--reason', 'true')).code).toBe(0);
		expect(readFileSync(path.join(site.root, 'recipients/anonyme.yaml'), 'utf8')).toContain('      reason: "true"\n');
		expect((await loadSite(site.root, { now })).site!.awards.find((a) => a.id === 'zz9yy8xx7ww6')!.revoked!.reason).toBe('true');
	});

	it.each([
		{
			name: 'an unknown id, with the nearest one',
			args: ['k7m2x9qd4p1', '--reason', 'Erreur'],
			code: 1,
			message: '✗ no award "k7m2x9qd4p1" in recipients/ — did you mean "k7m2x9qd4p1h"?',
		},
		{
			name: 'a missing reason',
			args: ['k7m2x9qd4p1h'],
			code: 2,
			message: '✗ missing --reason: say why the award is revoked — usage: npm run revoke -- <award-id> --reason "why it is revoked" [--date YYYY-MM-DD] [--root DIR]',
		},
		{
			name: 'an empty reason',
			args: ['k7m2x9qd4p1h', '--reason', '  '],
			code: 2,
			message: '✗ the reason is empty — write why the award is revoked, e.g. --reason "Attribuée par erreur"',
		},
		{
			name: 'a reason with an e-mail address, without repeating it',
			args: ['k7m2x9qd4p1h', '--reason', 'demandé par lea.martin@example.org'],
			code: 2,
			message: '✗ the reason contains an e-mail address (not repeated here) — the reason is published on the award page and in its documents: describe what happened without personal details',
		},
		{
			name: 'an unquoted reason of several words',
			args: ['k7m2x9qd4p1h', '--reason', 'Attribuée', 'par', 'erreur'],
			code: 2,
			message: '✗ unexpected argument "par" — a reason of several words goes in quotes: --reason "Attribuée par erreur"',
		},
		{
			name: 'a misspelt option',
			args: ['k7m2x9qd4p1h', '--raison', 'Erreur'],
			code: 2,
			message: '✗ unknown option --raison — did you mean "--reason"?',
		},
		{
			name: 'an impossible date',
			args: ['k7m2x9qd4p1h', '--reason', 'Erreur', '--date', '2026-02-30'],
			code: 2,
			message: '✗ --date "2026-02-30" is not a date — write it as YYYY-MM-DD, e.g. --date 2026-06-01; without --date, today is used',
		},
		{
			name: 'a date in the future',
			args: ['k7m2x9qd4p1h', '--reason', 'Erreur', '--date', '2026-11-23'],
			code: 2,
			message: '✗ --date 2026-11-23 is in the future — an award is revoked on the day the revocation is decided: leave --date out for today',
		},
		{
			name: 'a date before the award',
			args: ['k7m2x9qd4p1h', '--reason', 'Erreur', '--date', '2026-03-13'],
			code: 1,
			message: '✗ the revocation date 2026-03-13 is before the award date 2026-03-14 — check --date: an award is revoked on or after the day it was issued',
		},
	])('refuses $name and changes no file', async ({ args, code, message }) => {
		site = tempSite();
		const before = snapshotFiles(site.root);
		const result = await revoke(...args);
		expect(result).toEqual({ code, stdout: '', stderr: message });
		expect(snapshotFiles(site.root)).toEqual(before);
	});

	it('refuses an award already revoked, saying when and why, and changes no file', async () => {
		site = tempSite();
		expect((await revoke('k7m2x9qd4p1h', '--reason', 'Doublon', '--date', '2026-06-01')).code).toBe(0);
		const before = snapshotFiles(site.root);
		expect(await revoke('k7m2x9qd4p1h', '--reason', 'Autre raison')).toEqual({
			code: 1,
			stdout: '',
			stderr: '✗ award "k7m2x9qd4p1h" was already revoked on 2026-06-01: "Doublon" (recipients/lea-m.yaml:16) — a revocation is not repeated; to correct its date or reason, edit those lines by hand and have the change reviewed',
		});
		expect(snapshotFiles(site.root)).toEqual(before);
	});

	it('refuses an id written in two files', async () => {
		site = tempSite();
		const copy = readFileSync(path.join(site.root, 'recipients/anonyme.yaml'), 'utf8');
		writeFileSync(path.join(site.root, 'recipients/copie.yaml'), copy);
		const before = snapshotFiles(site.root);
		const result = await revoke('zz9yy8xx7ww6', '--reason', 'Erreur');
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			'✗ award id "zz9yy8xx7ww6" is used in recipients/anonyme.yaml and recipients/copie.yaml — npm run check explains how to fix it; revoke the award once the id is used only once',
		);
		expect(snapshotFiles(site.root)).toEqual(before);
	});

	it('runs as a command: exit codes, messages on stderr, never a stack trace', async () => {
		site = tempSite();
		const ok = await runScript('revoke', ['a1b2c3d4e5f6', '--reason', 'Erreur de badge', '--root', site.root]);
		expect(ok.code).toBe(0);
		expect(ok.stdout).toMatch(/^✓ Badge révoqué \/ award revoked: a1b2c3d4e5f6\n {2}recipients\/lea-m\.yaml:19 awards\.1\.revoked: \d{4}-\d{2}-\d{2} — Erreur de badge\n {2}https:\/\/fixture\.example\.org\/badges\/awards\/a1b2c3d4e5f6\/\n/);

		for (const [args, code] of [
			[['a1b2c3d4e5f6', '--reason', 'Encore'], 1],
			[['nope12345', '--reason', 'Erreur'], 1],
			[['a1b2c3d4e5f6'], 2],
			[[], 2],
			[['a1b2c3d4e5f6', '--reason'], 2],
			[['a1b2c3d4e5f6', '--reason', 'voir sam@example.org'], 2],
		] as const) {
			const result = await runScript('revoke', [...args, '--root', site.root]);
			expect(result.code, args.join(' ')).toBe(code);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/^✗ /);
			expect(result.stderr).not.toMatch(/^\s+at /m);
			expect(result.stderr).not.toContain('@example.org');
		}
		const missing = await runScript('revoke', ['a1b2c3d4e5f6', '--reason', 'Erreur', '--root', path.join(site.root, 'absent')]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('does not exist — run the command from your badges repository, or give its folder with --root');
	});
});
