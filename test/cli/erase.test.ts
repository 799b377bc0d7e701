import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAward } from '../../src/lib/cli/award-command.ts';
import { runErase } from '../../src/lib/cli/erase-command.ts';
import { runVerify } from '../../src/lib/cli/verify-command.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import type { VerifyResult } from '../../src/lib/verify/index.ts';
import { buildSite, copyFixture } from '../helpers.ts';
import { captureIo, runScript, snapshotFiles, tempSite } from './temp-site.ts';

// Noon UTC: the same calendar day in every time zone the tests may run in.
const now = new Date('2026-11-22T12:00:00Z');
const URL_OF = (id: string) => `https://fixture.example.org/badges/awards/${id}/`;
const SCHEMA_LINE = '# yaml-language-server: $schema=../schemas/recipient.schema.json';
const TOMBSTONE_COMMENT = [
	'# Données personnelles effacées à la demande de la personne (RGPD, article 17) : seuls restent',
	'# les badges décernés, pour que leurs adresses répondent « retiré ».',
	'# Personal data erased at the request of the person (GDPR, Article 17): only the awards remain,',
	'# so that their URLs answer "withdrawn".',
];
const CLOSING_LINES = [
	'',
	"Commitez ce fichier et faites relire la modification, sans le nom de la personne dans le message ni dans la demande de fusion, puis relancez la publication : les adresses de ses badges répondront « retiré », sans aucune donnée personnelle.",
	"Commit this file and have the change reviewed, without the person's name in the message or the pull request, then publish again: the URLs of their awards will answer \"withdrawn\", without any personal data.",
	'',
	"⚠ L'historique Git garde l'ancien contenu de ce fichier, comme chaque copie du dépôt (clones, forks). Si la demande l'exige, purgez-le en réécrivant l'historique avec `git filter-repo`, en accord avec qui héberge le dépôt (GitHub, GitLab…) : cette commande ne le fait pas.",
	'⚠ The Git history still holds the earlier content of this file, as does every copy of the repository (clones, forks). If the request requires it, purge it by rewriting the history with `git filter-repo`, coordinated with whoever hosts the repository (GitHub, GitLab…): this command does not do it.',
];

/** A recipient file written by hand: comments about the person, a name, narratives, evidence, revocations. */
const SAM = `${SCHEMA_LINE}
# Sam's mother signed the consent form on 2026-01-12.
identity:
  hash: sha256$0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
  salt: Salted123
name: Sam Bernard
consent:
  showName: true
awards:
  # First workshop
  - id: m3n4p5q6r7s8   # printed on Sam's certificate
    badge: atelier-numerique
    issuedOn: 2026-01-12
    narrative: |
      Sam a animé l'atelier.

      Deux séances.
    evidence:
      - url: https://fixture.example.org/galerie/sam
        name: Photos de Sam
  - {id: t9v8w7x6y5z4, badge: engagement-citoyen, issuedOn: 2026-02-01T10:00:00+01:00, revoked: {date: 2026-03-01, reason: "Attribué par erreur : doublon"}}
  - id: h2j3k4m5n6p7
    badge: atelier-numerique
    issuedOn: 2026-03-01
    narrative: Texte.
`;

describe('npm run erase', () => {
	let site: ReturnType<typeof tempSite>;
	afterEach(() => site?.remove());

	const erase = async (...args: string[]) => {
		const io = captureIo();
		const code = await runErase([...args, '--root', site.root], { io, now });
		return { code, stdout: io.stdout(), stderr: io.stderr() };
	};
	const read = (slug: string) => readFileSync(path.join(site.root, `recipients/${slug}.yaml`), 'utf8');

	it('rewrites the file to a tombstone: erased, and for each award its id, badge, date and revocation only', async () => {
		site = tempSite();
		writeFileSync(path.join(site.root, 'recipients/sam-b.yaml'), SAM);

		expect(await erase('sam-b')).toEqual({
			code: 0,
			stderr: '',
			stdout: [
				'✓ Données personnelles effacées / personal data erased: recipients/sam-b.yaml (erased: 2026-11-22)',
				'  removed: identity, name, consent, 2 narratives, 1 evidence list, 2 comment lines',
				'  3 awards kept with their id, badge and date, published as withdrawn:',
				`    ${URL_OF('m3n4p5q6r7s8')}`,
				`    ${URL_OF('t9v8w7x6y5z4')}`,
				`    ${URL_OF('h2j3k4m5n6p7')}`,
				...CLOSING_LINES,
			].join('\n'),
		});
		expect(read('sam-b')).toBe(
			[
				SCHEMA_LINE,
				...TOMBSTONE_COMMENT,
				'erased: 2026-11-22',
				'awards:',
				'  - id: m3n4p5q6r7s8',
				'    badge: atelier-numerique',
				'    issuedOn: 2026-01-12',
				'  - id: t9v8w7x6y5z4',
				'    badge: engagement-citoyen',
				'    issuedOn: 2026-02-01T10:00:00+01:00',
				'    revoked:',
				'      date: 2026-03-01',
				'      reason: "Attribué par erreur : doublon"',
				'  - id: h2j3k4m5n6p7',
				'    badge: atelier-numerique',
				'    issuedOn: 2026-03-01',
				'',
			].join('\n'),
		);
		for (const gone of ['Sam', 'sha256$', 'Salted123', 'galerie', 'mother', 'certificate', 'séances', 'Texte']) expect(read('sam-b')).not.toContain(gone);

		// The content still checks, with the awards marked erased and the person without identity.
		const { site: loaded, problems } = await loadSite(site.root, { now });
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(loaded!.recipients.get('sam-b')).toEqual({ slug: 'sam-b', erased: '2026-11-22T00:00:00Z', awardIds: ['m3n4p5q6r7s8', 't9v8w7x6y5z4', 'h2j3k4m5n6p7'] });
		const sam = loaded!.awards.filter((a) => a.recipient === 'sam-b');
		expect(sam.map((a) => [a.id, a.erased, a.narrative, a.evidence, a.revoked?.reason])).toEqual([
			['m3n4p5q6r7s8', '2026-11-22T00:00:00Z', undefined, [], undefined],
			['t9v8w7x6y5z4', '2026-11-22T00:00:00Z', undefined, [], 'Attribué par erreur : doublon'],
			['h2j3k4m5n6p7', '2026-11-22T00:00:00Z', undefined, [], undefined],
		]);
		// Lea's file is untouched.
		expect(read('lea-m')).toContain('name: Léa Martin');
	});

	it('finds the person from an award id, an award URL or the file path; --date sets the erasure date', async () => {
		site = tempSite();
		const first = await erase('a1b2c3d4e5f6', '--date', '2026-11-01');
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('personal data erased: recipients/lea-m.yaml (erased: 2026-11-01)');
		expect(read('lea-m')).toContain('\nerased: 2026-11-01\n');
		// The fixture's own schema line (relative to its folder) is kept.
		expect(read('lea-m').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../schemas/recipient.schema.json');
		expect((await erase(`${URL_OF('zz9yy8xx7ww6')}`)).stdout).toContain('recipients/anonyme.yaml');
		site.remove();
		site = tempSite();
		expect((await erase('recipients/anonyme.yaml')).stdout).toContain('recipients/anonyme.yaml');
	});

	it('erases a file without awards, and leaves out a revocation without a reason (the erasure revokes the award)', async () => {
		site = tempSite();
		writeFileSync(path.join(site.root, 'recipients/r-empty1.yaml'), `identity:\n  hash: sha256$${'a'.repeat(64)}\n  salt: Salted123\nawards: []\n`);
		writeFileSync(
			path.join(site.root, 'recipients/r-noreason.yaml'),
			`identity:\n  hash: sha256$${'b'.repeat(64)}\n  salt: Salted123\nawards:\n  - id: n0r34s0n0001\n    badge: atelier-numerique\n    issuedOn: 2026-01-05\n    revoked:\n      date: 2026-02-01\n      reason: ""\n`,
		);
		const empty = await erase('r-empty1');
		expect(empty.code).toBe(0);
		expect(empty.stdout).toContain('  0 awards kept with their id, badge and date, published as withdrawn\n\n');
		expect(read('r-empty1')).toBe([SCHEMA_LINE, ...TOMBSTONE_COMMENT, 'erased: 2026-11-22', 'awards: []', ''].join('\n'));

		const noReason = await erase('n0r34s0n0001');
		expect(noReason.code).toBe(0);
		expect(noReason.stdout).toContain('  note: awards.0.revoked has no reason: left out, the erasure revokes award n0r34s0n0001 anyway');
		expect(read('r-noreason')).toMatch(/ {4}issuedOn: 2026-01-05\n$/);
		const { site: loaded, problems } = await loadSite(site.root, { now });
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(loaded!.recipients.get('r-empty1')).toMatchObject({ erased: '2026-11-22T00:00:00Z', awardIds: [] });
	});

	it('--dry-run shows the tombstone and writes nothing', async () => {
		site = tempSite();
		const before = snapshotFiles(site.root);
		const { code, stdout, stderr } = await erase('lea-m', '--dry-run');
		expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
		expect(stdout.split('\n').slice(0, 6)).toEqual([
			'✓ Essai / dry run: recipients/lea-m.yaml would become a tombstone (erased: 2026-11-22) — no file was changed',
			'  would remove: identity, name, consent, 1 narrative, 1 evidence list',
			'  2 awards kept with their id, badge and date, published as withdrawn:',
			`    ${URL_OF('k7m2x9qd4p1h')}`,
			`    ${URL_OF('a1b2c3d4e5f6')}`,
			'',
		]);
		expect(stdout).toContain('\n  | erased: 2026-11-22\n  | awards:\n  |   - id: k7m2x9qd4p1h\n');
		expect(stdout).toContain('git filter-repo');
		expect(stdout).not.toMatch(/Léa|deadseasalt|f8e80452/);
		expect(snapshotFiles(site.root)).toEqual(before);
	});

	it('refuses, changing nothing: erasing twice (saying when), an unknown name or id (with the nearest), an address, bad dates', async () => {
		site = tempSite();
		expect((await erase('lea-m', '--date', '2026-11-20')).code).toBe(0);
		const before = snapshotFiles(site.root);
		const refusals: [string[], number, string][] = [
			[['lea-m'], 1, '✗ recipients/lea-m.yaml was already erased on 2026-11-20 — there is nothing left to erase in it; the Git history may still hold its earlier content (see "Erasure requests" in the README)'],
			[['k7m2x9qd4p1h'], 1, '✗ recipients/lea-m.yaml was already erased on 2026-11-20'],
			[['anonym'], 1, '✗ no recipient file "recipients/anonym.yaml" and no award "anonym" — did you mean "anonyme"?'],
			[['zz9yy8xx7ww7'], 1, '✗ no recipient file "recipients/zz9yy8xx7ww7.yaml" and no award "zz9yy8xx7ww7" — did you mean "zz9yy8xx7ww6"?'],
			[['nobody-at-all'], 1, "✗ no recipient file \"recipients/nobody-at-all.yaml\" and no award \"nobody-at-all\" — give the name of a file in recipients/ (without .yaml), or the id of one of the person's awards (…/awards/<id>/)"],
			[['lea.martin@example.org'], 2, '✗ this looks like an e-mail address (not repeated here): the command does not look people up by address'],
			[['anonyme', '--date', '2026-11-23'], 2, '✗ --date 2026-11-23 is in the future'],
			[['anonyme', '--date', '2026-02-30'], 2, '✗ --date "2026-02-30" is not a date'],
			[['anonyme', '--date', '2022-04-30'], 1, '✗ the erasure date 2022-04-30 is before the award date 2022-05-01'],
			[[], 2, '✗ give the recipient whose data is to be erased'],
			[['anonyme', 'lea-m'], 2, '✗ unexpected argument "lea-m"'],
			[['anonyme', '--reason', 'x'], 2, '✗ unknown option --reason'],
		];
		for (const [args, code, message] of refusals) {
			const result = await erase(...args);
			expect(result.code, args.join(' ')).toBe(code);
			expect(result.stdout, args.join(' ')).toBe('');
			expect(result.stderr, args.join(' ')).toContain(message);
			expect(result.stderr).not.toContain('lea.martin@example.org');
		}
		expect(snapshotFiles(site.root)).toEqual(before);
	});

	it('refuses a file whose YAML or awards cannot be kept as they are, changing nothing', async () => {
		site = tempSite();
		writeFileSync(path.join(site.root, 'recipients/r-broken.yaml'), 'identity: : :\nawards:\n  - id: br0k3nf1l3xx\n');
		writeFileSync(path.join(site.root, 'recipients/r-noid.yaml'), `identity:\n  hash: sha256$${'c'.repeat(64)}\n  salt: Salted123\nawards:\n  - badge: atelier-numerique\n    issuedOn: 2026-01-05\n`);
		const before = snapshotFiles(site.root);
		const broken = await erase('r-broken');
		expect(broken.code).toBe(1);
		expect(broken.stderr).toMatch(/^recipients\/r-broken\.yaml:1 YAML syntax error: .*\n✗ recipients\/r-broken\.yaml could not be read as a recipient file: nothing was erased — fix its YAML first/);
		const noId = await erase('r-noid');
		expect(noId.code).toBe(1);
		expect(noId.stderr).toBe(
			'recipients/r-noid.yaml:5 awards.0.id: missing or not text: "id"\n' +
				'✗ the awards of recipients/r-noid.yaml cannot all be kept: nothing was erased — every award needs its id, badge and issuedOn so that its URL keeps answering; fix them (npm run check lists them), then run the command again',
		);
		expect(snapshotFiles(site.root)).toEqual(before);
	});

	it('npm run check locates personal data put back into an erased file', async () => {
		site = tempSite();
		await erase('lea-m');
		const file = path.join(site.root, 'recipients/lea-m.yaml');
		writeFileSync(
			file,
			read('lea-m')
				.replace('erased: 2026-11-22\n', 'erased: 2026-11-22\nname: Léa Martin\nidentity:\n  hash: sha256$f8e80452b4395c12a01b5ebbfe10b57255ac67eb2060d93527f6b6a34438b2dc\n  salt: deadseasalt\n')
				.replace('issuedOn: 2026-03-14\n', 'issuedOn: 2026-03-14\n    narrative: Léa a animé la séance.\n'),
		);
		const { site: loaded, problems } = await loadSite(site.root, { now });
		expect(loaded).toBeUndefined();
		expect(problems.map((p) => `${p.code} ${p.file}:${p.line} ${p.field}: ${p.message}`)).toEqual([
			'ERR_ERASED_PERSONAL_DATA recipients/lea-m.yaml:8 identity: "identity" must not be in a recipient file that is erased (erased: 2026-11-22)',
			'ERR_ERASED_PERSONAL_DATA recipients/lea-m.yaml:7 name: "name" must not be in a recipient file that is erased (erased: 2026-11-22)',
			'ERR_ERASED_PERSONAL_DATA recipients/lea-m.yaml:15 awards.0.narrative: "narrative" must not be in a recipient file that is erased (erased: 2026-11-22)',
		]);
		expect(problems[0]!.hint).toBe("the person asked for their data to be erased: delete this field. An erased file keeps only its awards' id, badge, issuedOn and revoked");
	});

	it('a person who was erased and is awarded again gets a new file: the tombstone matches no one', async () => {
		site = tempSite();
		await erase('lea-m');
		const io = captureIo();
		expect(await runAward(['--badge', 'engagement-citoyen', '--email', 'lea.martin@example.org', '--root', site.root], { io, now })).toBe(0);
		expect(io.stdout()).toMatch(/→ recipients\/r-[a-z0-9]+\.yaml:\d+ \(new file\)/);
		expect(read('lea-m')).not.toContain('engagement-citoyen\n    issuedOn: 2026-11-22');
	});

	it('the npm script runs', async () => {
		site = tempSite();
		const result = await runScript('erase', ['anonyme', '--dry-run', '--root', site.root]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('would become a tombstone');
		const usage = await runScript('erase', ['--root', site.root]);
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain('usage: npm run erase -- <recipient>');
	});
});

/**
 * The site built from erased content, checked from the outside: nothing of the person in any file,
 * every URL the award had still answering, as withdrawn; copies signed before the erasure revoked.
 */
describe('the site after an erasure', () => {
	const require = createRequire(import.meta.url);
	const { decodeList } = require('@digitalbazaar/vc-bitstring-status-list');
	const tmp = mkdtempSync(path.join(tmpdir(), 'blason-erase-site-'));
	const content = path.join(tmp, 'content');
	const before = path.join(tmp, 'before');
	const after = path.join(tmp, 'after');
	const LEA = ['k7m2x9qd4p1h', 'a1b2c3d4e5f6'];
	const build = (out: string) => buildSite(content, out);
	const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));

	beforeAll(async () => {
		copyFixture(content);
		await build(before);
		expect(await runErase(['lea-m', '--root', content], { io: captureIo(), now })).toBe(0);
		await build(after);
	}, 180_000);
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	it('has nothing of the person in any file: identity hash, salt, name, narrative, evidence', () => {
		const secrets = ['f8e80452b4395c12a01b5ebbfe10b57255ac67eb2060d93527f6b6a34438b2dc', 'deadseasalt', 'Léa', 'Martin', 'mots de passe', 'galerie/atelier', "Photos de l'atelier"];
		// The build before the erasure did publish them, so the search below can find them.
		expect(secrets.filter((s) => files(before).some((f) => readFileSync(path.join(before, f)).includes(s)))).toEqual(secrets);
		const found = files(after).flatMap((f) => secrets.filter((s) => readFileSync(path.join(after, f)).includes(s)).map((s) => `${f}: ${s}`));
		expect(found).toEqual([]);
	});

	it('keeps every URL the awards had', () => {
		const now = new Set(files(after));
		for (const id of LEA) {
			const had = files(before).filter((f) => f.startsWith(`awards/${id}/`));
			expect(had.length, id).toBe(6);
			expect(had.filter((f) => !now.has(f)), id).toEqual([]);
		}
	});

	it('publishes tombstones: the OB 2.0 assertion revoked, no credential, no signature, the artwork unbaked', () => {
		const at = (id: string, file: string) => readFileSync(path.join(after, 'awards', id, file));
		expect(JSON.parse(at('k7m2x9qd4p1h', 'assertion.json').toString())).toEqual({
			'@context': 'https://w3id.org/openbadges/v2',
			type: 'Assertion',
			id: `${URL_OF('k7m2x9qd4p1h')}assertion.json`,
			revoked: true,
			revocationReason: "Retiré à la demande de la personne titulaire / withdrawn at the holder's request",
		});
		expect(JSON.parse(at('k7m2x9qd4p1h', 'credential.json').toString())).toEqual({
			id: `${URL_OF('k7m2x9qd4p1h')}credential.json`,
			withdrawn: true,
			message: expect.stringContaining("This badge was withdrawn at the holder's request"),
		});
		for (const f of ['credential.jwt', 'assertion.jws']) expect(at('k7m2x9qd4p1h', f).toString()).toMatch(/^Badge retiré à la demande de la personne titulaire : [^\n]+\n$/);
		expect(at('k7m2x9qd4p1h', 'badge.png').equals(readFileSync(path.join(content, 'badges/atelier-numerique/image.png')))).toBe(true);
		expect(at('a1b2c3d4e5f6', 'badge.svg').equals(readFileSync(path.join(content, 'badges/engagement-citoyen/image.svg')))).toBe(true);
	});

	it('revokes the awards for every verifier: RevocationList (both ids) and status-list bit', async () => {
		const list = JSON.parse(readFileSync(path.join(after, 'issuer/revocations.json'), 'utf8'));
		const revoked = list.revokedAssertions.map((r: { id: string }) => r.id);
		const status = JSON.parse(readFileSync(path.join(after, 'status/revocation.json'), 'utf8'));
		const bits = await decodeList({ encodedList: status.credentialSubject.encodedList });
		for (const id of LEA) {
			const old = JSON.parse(readFileSync(path.join(before, 'awards', id, 'credential.json'), 'utf8'));
			const [, payload] = readFileSync(path.join(before, 'awards', id, 'assertion.jws'), 'utf8').split('.');
			expect(revoked).toEqual(expect.arrayContaining([`${URL_OF(id)}assertion.json`, JSON.parse(Buffer.from(payload!, 'base64url').toString()).id]));
			expect(bits.getStatus(Number(old.credentialStatus.statusListIndex)), id).toBe(true);
		}
		const other = JSON.parse(readFileSync(path.join(after, 'awards/zz9yy8xx7ww6/credential.json'), 'utf8'));
		expect(bits.getStatus(Number(other.credentialStatus.statusListIndex))).toBe(false);
	});

	it('says withdrawn on the award page, with no recipient, no check and no download but the artwork; counts it', () => {
		const html = readFileSync(path.join(after, 'awards/k7m2x9qd4p1h/index.html'), 'utf8');
		const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
		expect(text).toContain('Badge retiré à la demande de la personne titulaire');
		expect(text).toContain('a retiré ce badge le 22 novembre 2026 et effacé ses données personnelles');
		expect(text).toContain('Retiré le 22 novembre 2026');
		expect(html).toContain('class="status status-withdrawn"');
		expect(html).toMatch(/<svg class="status-icon icon-withdrawn"/);
		expect(text).toContain('Traçabilité');
		for (const absent of ['Décerné à', 'Vérifier ce badge', 'identité est protégée', 'data-verify']) expect(html).not.toContain(absent);
		const downloads = /<section[^>]*class="downloads"[\s\S]*?<\/section>/.exec(html)![0];
		expect([...downloads.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/badges/awards/k7m2x9qd4p1h/badge.png']);
		expect(readFileSync(path.join(after, 'issuer/index.html'), 'utf8').replace(/<[^>]+>/g, '')).toContain('3 badges décernés (dont 2 retirés)');
		expect(readFileSync(path.join(after, 'badges/atelier-numerique/index.html'), 'utf8')).toContain('Décerné 2 fois, dont 1 retiré');
	});

	it('npm run verify says not valid for every file of the award, and revoked for copies signed before the erasure', async () => {
		const verify = async (input: string) => {
			const io = captureIo();
			const code = await runVerify([input, '--site', after, '--offline', '--json'], io, new Date('2026-12-01T00:00:00Z'));
			return { code, result: JSON.parse(io.stdout()) as VerifyResult };
		};
		for (const file of ['badge.png', 'assertion.json', 'assertion.jws', 'credential.json', 'credential.jwt']) {
			const { code, result } = await verify(path.join(after, 'awards/k7m2x9qd4p1h', file));
			expect(code, file).toBe(1);
			expect(['revoked', 'invalid'], file).toContain(result.status);
			expect(JSON.stringify(result), file).not.toMatch(/\n\s+at /);
		}
		expect((await verify(path.join(after, 'awards/k7m2x9qd4p1h/assertion.json'))).result.status).toBe('revoked');
		expect((await verify(path.join(after, 'awards/k7m2x9qd4p1h/credential.json'))).result.status).toBe('revoked');
		expect((await verify('k7m2x9qd4p1h')).result.status).toBe('revoked');
		for (const file of ['badge.png', 'assertion.json', 'assertion.jws', 'credential.json', 'credential.jwt']) {
			const { code, result } = await verify(path.join(before, 'awards/k7m2x9qd4p1h', file));
			expect(code, file).toBe(1);
			for (const r of [result, ...(result.alsoBaked ?? [])]) expect(r.status, `${file} ${r.format}`).toBe('revoked');
		}
		expect(existsSync(path.join(after, 'awards/k7m2x9qd4p1h/index.html'))).toBe(true);
	});
});
