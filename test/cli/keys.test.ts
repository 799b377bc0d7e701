import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runKeys } from '../../src/lib/cli/keys-command.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { exportSecret, generateSigningKey, parseSecret, SECRET_PREFIX, type PublicKeyInfo } from '../../src/lib/signing/keys.ts';
import { captureIo, runScript, snapshotFiles, tempSite } from './temp-site.ts';

// Noon UTC: the same calendar day in every time zone the tests may run in.
const now = new Date('2026-11-23T12:00:00Z');

const HEADER = `# yaml-language-server: $schema=./schemas/keys.schema.json
# Public signing keys. The private parts are in the CI secret BLASON_SIGNING_KEY, never here.
# Written by \`npm run keys -- generate\`, which also sets \`retired\` when a newer key replaces one.
`;

const entry = (k: PublicKeyInfo, retired?: string) =>
	`  - id: ${k.id}
    created: ${k.created}
${retired ? `    retired: ${retired}\n` : ''}    rsa: { kty: RSA, n: "${k.rsa.n}", e: AQAB }
    ed25519: ${k.ed25519}
`;

/** The one line of the output that is the secret. */
const secretIn = (stdout: string) => {
	const lines = stdout.split('\n').filter((l) => l.includes(SECRET_PREFIX));
	expect(lines).toHaveLength(1);
	return lines[0]!;
};

describe('npm run keys', () => {
	let site: ReturnType<typeof tempSite>;
	afterEach(() => site?.remove());

	const keys = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
		const io = captureIo();
		const code = await runKeys([...args, '--root', site.root], { io, now, env });
		return { code, stdout: io.stdout(), stderr: io.stderr() };
	};
	const keysFile = () => readFileSync(path.join(site.root, 'keys.yaml'), 'utf8');

	it('generates a key, then a second one that retires the first; each secret matches its published key', async () => {
		site = tempSite();
		const first = await keys(['generate']);
		expect(first.code).toBe(0);
		expect(first.stderr).toBe('');
		const one = parseSecret(secretIn(first.stdout)).info;
		expect(one).toMatchObject({ id: '2026-11-23', created: '2026-11-23', development: false });
		expect(keysFile()).toBe(`${HEADER}keys:\n${entry(one)}`);

		const second = await keys(['generate']);
		expect(second.code).toBe(0);
		const two = parseSecret(secretIn(second.stdout)).info;
		expect(two.id).toBe('2026-11-23-2');
		expect(secretIn(second.stdout)).not.toBe(secretIn(first.stdout));
		expect(keysFile()).toBe(`${HEADER}keys:\n${entry(one, '2026-11-23')}${entry(two)}`);

		// What check loads is exactly the public half of each secret.
		const { site: loaded, problems } = await loadSite(site.root, { now });
		expect(problems).toEqual([]);
		expect(loaded!.keys).toEqual([{ ...one, retired: '2026-11-23' }, two]);

		// The secret is printed once and written nowhere.
		for (const [file, base64] of snapshotFiles(site.root)) {
			expect(Buffer.from(base64, 'base64').toString('latin1'), file).not.toContain(SECRET_PREFIX);
		}
	});

	it('prints the secret with instructions in French, then English', async () => {
		site = tempSite();
		writeFileSync(path.join(site.root, 'keys.yaml'), `${HEADER}keys:\n${entry(generateSigningKey('2026-01-05', '2026-01-05').info)}`);
		const { stdout } = await keys(['generate', '--id', 'printemps']);
		const lines = stdout.split('\n');
		const secret = secretIn(stdout);
		expect(lines.map((l) => (l === secret ? '<secret>' : l))).toEqual([
			'✓ Nouvelle clé de signature / new signing key: printemps',
			`  ${path.join(site.root, 'keys.yaml')}: clé publique ajoutée / public key added`,
			'  2026-01-05: retirée le / retired on 2026-11-23 (reste publiée / stays published)',
			'',
			'Secret BLASON_SIGNING_KEY — affiché une seule fois / shown only once:',
			'',
			'<secret>',
			'',
			'Et maintenant :',
			'  1. Enregistrez la ligne ci-dessus, entière, comme secret nommé BLASON_SIGNING_KEY :',
			'     - GitHub : Settings → Secrets and variables → Actions → New repository secret, nom BLASON_SIGNING_KEY ;',
			'     - GitLab : Settings → CI/CD → Variables → Add variable, clé BLASON_SIGNING_KEY, cochez « Masked » (masquée) et « Protected ».',
			"     Elle remplace l'ancienne valeur du secret. Les anciennes clés publiques restent publiées : les badges déjà signés restent vérifiables.",
			'     Ne la mettez jamais dans un fichier du dépôt, un ticket, un courriel ou une messagerie : qui la détient peut signer des badges en votre nom.',
			`  2. Commitez ${path.join(site.root, 'keys.yaml')} (il ne contient que les clés publiques), puis relancez la publication.`,
			'',
			'What to do now:',
			'  1. Store the whole line above as a secret named BLASON_SIGNING_KEY:',
			'     - GitHub: Settings → Secrets and variables → Actions → New repository secret, name BLASON_SIGNING_KEY;',
			'     - GitLab: Settings → CI/CD → Variables → Add variable, key BLASON_SIGNING_KEY, tick "Masked" and "Protected".',
			"     It replaces the secret's old value. The old public keys stay published, so badges already signed still verify.",
			'     Never commit it or paste it in an issue, an e-mail or a chat: whoever holds it can sign badges in your name.',
			`  2. Commit ${path.join(site.root, 'keys.yaml')} (it holds public keys only), then publish again.`,
		]);
	});

	it('keeps the comments and layout of an existing keys.yaml, and keys already retired', async () => {
		site = tempSite();
		const old = generateSigningKey('2025-01-10', '2025-01-10').info;
		const previous = generateSigningKey('2026-02-01', '2026-02-01').info;
		writeFileSync(
			path.join(site.root, 'keys.yaml'),
			`# yaml-language-server: $schema=./schemas/keys.schema.json
# Clés de l'association, relues par le bureau.
keys:
  # Première clé, remplacée au changement de trésorier.
  - id: ${old.id}
    created: ${old.created}
    retired: 2026-02-01
    rsa:
      kty: RSA
      n: "${old.rsa.n}"
      e: AQAB
    ed25519: ${old.ed25519}
  - id: ${previous.id} # clé actuelle
    created: ${previous.created}
    rsa: { kty: RSA, n: "${previous.rsa.n}", e: AQAB }
    ed25519: ${previous.ed25519}
`,
		);
		const { code, stdout } = await keys(['generate']);
		expect(code).toBe(0);
		const added = parseSecret(secretIn(stdout)).info;
		expect(keysFile()).toBe(`# yaml-language-server: $schema=./schemas/keys.schema.json
# Clés de l'association, relues par le bureau.
keys:
  # Première clé, remplacée au changement de trésorier.
  - id: ${old.id}
    created: ${old.created}
    retired: 2026-02-01
    rsa:
      kty: RSA
      n: "${old.rsa.n}"
      e: AQAB
    ed25519: ${old.ed25519}
  - id: ${previous.id} # clé actuelle
    created: ${previous.created}
    retired: 2026-11-23
    rsa: { kty: RSA, n: "${previous.rsa.n}", e: AQAB }
    ed25519: ${previous.ed25519}
${entry(added)}`);
	});

	it('lists the published keys, and which one BLASON_SIGNING_KEY holds without printing it', async () => {
		site = tempSite();
		expect(await keys(['list'])).toEqual({
			code: 0,
			stdout: 'Aucune clé publiée / no published key (keys.yaml): run `npm run keys -- generate` to create one.',
			stderr: '',
		});
		const first = secretIn((await keys(['generate'])).stdout);
		const second = secretIn((await keys(['generate'])).stdout);
		const [one, two] = [parseSecret(first).info, parseSecret(second).info];
		const listing = [
			'Clés publiées / published keys (keys.yaml):',
			`  2026-11-23    créée / created 2026-11-23  Ed25519 ${one.ed25519.slice(0, 12)}…  RSA 2048 bits  retirée le / retired on 2026-11-23`,
			`  2026-11-23-2  créée / created 2026-11-23  Ed25519 ${two.ed25519.slice(0, 12)}…  RSA 2048 bits  en service / active`,
		];
		expect(await keys(['list'])).toEqual({ code: 0, stdout: listing.join('\n'), stderr: '' });
		expect(await keys(['list'], { BLASON_SIGNING_KEY: second })).toEqual({
			code: 0,
			stdout: [...listing, 'BLASON_SIGNING_KEY: clé / key 2026-11-23-2'].join('\n'),
			stderr: '',
		});
		expect((await keys(['list'], { BLASON_SIGNING_KEY: first })).stdout).toContain(
			'BLASON_SIGNING_KEY: clé / key 2026-11-23 — retirée / retired: replace the secret with the newest key',
		);

		const stranger = await keys(['list'], { BLASON_SIGNING_KEY: exportSecret(generateSigningKey('x1', '2026-01-01')) });
		expect(stranger.code).toBe(1);
		expect(stranger.stderr).toBe(
			'✗ BLASON_SIGNING_KEY holds key "x1", which is not published in keys.yaml: nobody could verify its signatures — commit the keys.yaml written by the same `npm run keys -- generate` run, or generate a new key',
		);
		const damaged = await keys(['list'], { BLASON_SIGNING_KEY: second.slice(0, 200) });
		expect(damaged.code).toBe(1);
		expect(damaged.stderr).toMatch(/^✗ BLASON_SIGNING_KEY is set but not usable: /);
		expect(damaged.stderr).not.toContain(second.slice(20, 200));
	});

	it.each([
		{ name: 'a taken id', args: ['generate', '--id', '2026-11-23'], code: 1, message: '✗ keys.yaml already has a key "2026-11-23" — key ids are permanent: choose another one, or leave --id out to use today\'s date' },
		{ name: 'an id that cannot be part of a URL', args: ['generate', '--id', 'Clé 1'], code: 2, message: '✗ "Clé 1" cannot be a key id — use lowercase letters, digits and hyphens (at most 63), e.g. 2026-11-23; it becomes part of the key\'s permanent URL' },
		{ name: 'the development key id', args: ['generate', '--id', 'dev'], code: 2, message: '✗ "dev" is reserved for the development key of local builds — choose another id, or leave --id out to use today\'s date' },
		{ name: 'an unknown action', args: ['generer'], code: 2, message: '✗ unknown action "generer" — did you mean "generate"?' },
		{ name: 'no action', args: [], code: 2, message: '✗ say what to do: generate or list — usage: npm run keys -- generate [--id ID] [--root DIR] | npm run keys -- list [--root DIR]' },
		{ name: 'a misspelt option', args: ['generate', '--ids', 'x'], code: 2, message: '✗ unknown option --ids — did you mean "--id"?' },
	])('refuses $name and changes no file', async ({ args, code, message }) => {
		site = tempSite();
		expect((await keys(['generate'])).code).toBe(0);
		const before = snapshotFiles(site.root);
		expect(await keys(args)).toEqual({ code, stdout: '', stderr: message });
		expect(snapshotFiles(site.root)).toEqual(before);
	});

	it('refuses to run in GitHub Actions or GitLab CI, where the secret would land in the job log', async () => {
		site = tempSite();
		for (const env of [{ GITHUB_ACTIONS: 'true' }, { GITLAB_CI: 'true' }]) {
			expect(await keys(['generate'], env)).toEqual({
				code: 1,
				stdout: '',
				stderr: '✗ refusing to generate a key in CI: the secret would be printed in the job log — run `npm run keys -- generate` on your own computer, then store the line it prints in the CI secret',
			});
		}
		expect(snapshotFiles(site.root).has('keys.yaml')).toBe(false);
	});

	it('refuses to edit a keys.yaml that has errors, and lists them', async () => {
		site = tempSite();
		const broken = `keys:\n  - id: 2026-01-01\n    created: 2026-01-01\n    rsa: { kty: RSA, n: "AQAB", e: AQAB, d: secretvalue }\n    ed25519: z6MkNotAKey\n`;
		writeFileSync(path.join(site.root, 'keys.yaml'), broken);
		const before = snapshotFiles(site.root);
		expect(await keys(['generate'])).toEqual({
			code: 1,
			stdout: '',
			stderr: [
				'keys.yaml:4 keys.0.rsa.d: "d" is a private key member: keys.yaml is published and holds public keys only (key "2026-01-01") — treat this key as leaked: delete the line (and purge it from the Git history), remove this key from keys.yaml so that its signatures stop verifying, then run `npm run keys -- generate`, replace the CI secret BLASON_SIGNING_KEY and rebuild (README "Keys and signing")',
				'keys.yaml:5 keys.0.ed25519: is not an Ed25519 public key in Multikey form — it is truncated or altered: copy the whole z6Mk… value again from the keys.yaml that `npm run keys -- generate` wrote',
				'✗ keys.yaml has errors; nothing was changed — fix the lines above (npm run check lists them too), then run the command again',
			].join('\n'),
		});
		expect(snapshotFiles(site.root)).toEqual(before);
	});

	it('runs as a command; check then refuses the secret pasted into any file, without repeating it', async () => {
		site = tempSite();
		const generated = await runScript('keys', ['generate', '--root', site.root]);
		expect(generated.code).toBe(0);
		expect(generated.stderr).toBe('');
		const secret = secretIn(generated.stdout);
		expect(parseSecret(secret).info.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);

		expect((await runScript('check', ['--root', site.root])).code).toBe(0);
		writeFileSync(path.join(site.root, 'notes de passation.rtf'), `{\\rtf1 Clé de signature :\\par\n${secret}\\par}\n`);
		writeFileSync(path.join(site.root, '.env'), `BLASON_SIGNING_KEY=${secret}\n`);
		const check = await runScript('check', ['--root', site.root]);
		expect(check.code).toBe(1);
		expect(check.stderr).toContain('.env:1 this line contains a Blason signing key secret (not repeated here) — delete it from the repository');
		expect(check.stderr).toContain('notes de passation.rtf:2 this line contains a Blason signing key secret (not repeated here)');
		expect(check.stdout + check.stderr).not.toContain(secret.slice(SECRET_PREFIX.length, SECRET_PREFIX.length + 40));

		const cases: [string[], number][] = [
			[['rotate', '--root', site.root], 2],
			[['generate', '--id', '--root', site.root], 2],
			[['generate', '--root', path.join(site.root, 'absent')], 1],
			[['list', '--root', path.join(site.root, 'recipients')], 1],
		];
		for (const [args, code] of cases) {
			const result = await runScript('keys', args);
			expect(result.code, args.join(' ')).toBe(code);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/^✗ /);
			expect(result.stderr).not.toMatch(/^\s+at /m);
		}
	});
});
