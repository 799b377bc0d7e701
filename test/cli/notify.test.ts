/**
 * `npm run award -- … --notify` and `npm run notify`, against a real SMTP server (smtp-server) on
 * 127.0.0.1: plain SMTP with AUTH PLAIN/LOGIN, STARTTLS and implicit TLS with a self-signed
 * certificate made for the test, a refused connection, and a server that rejects a recipient.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAward } from '../../src/lib/cli/award-command.ts';
import { runNotify } from '../../src/lib/cli/notify-command.ts';
import { runRevoke } from '../../src/lib/cli/revoke-command.ts';
import { EMAIL_PATTERN } from '../../src/lib/identity.ts';
import { captureIo, runScript, snapshotFiles, tempSite } from './temp-site.ts';

// Noon UTC: the same calendar day in every time zone the tests may run in.
const now = new Date('2026-11-22T12:00:00Z');
const URL_OF = (id: string) => `https://fixture.example.org/badges/awards/${id}/`;
const USER = 'badges@fixture.example.org';
/** Characters a URL must percent-encode: the configuration decodes them. */
const PASS = 'p@ss:w/rd S3cret%';
const FROM = '"Association Fixture" <badges@fixture.example.org>';
/** Public addresses, the only ones allowed in the content: the association's contact, the schema's example. */
const PUBLIC_ADDRESSES = new Set(['contact@fixture.example.org', 'contact@association.example']);

interface Received {
	from: string;
	to: string[];
	user: unknown;
	secure: boolean;
	raw: string;
	mail: ParsedMail;
}

interface TestServer {
	port: number;
	received: Received[];
	close: () => Promise<void>;
}

let certDir: string;
let tls: { key: string; cert: string };

/** A self-signed certificate for 127.0.0.1 and localhost, made once for this file. */
beforeAll(() => {
	certDir = mkdtempSync(path.join(tmpdir(), 'blason-smtp-cert-'));
	execFileSync('openssl', [
		'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
		'-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
		'-keyout', path.join(certDir, 'key.pem'), '-out', path.join(certDir, 'cert.pem'),
	], { stdio: 'ignore' });
	tls = { key: readFileSync(path.join(certDir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(certDir, 'cert.pem'), 'utf8') };
});
afterAll(() => rmSync(certDir, { recursive: true, force: true }));

/**
 * An SMTP server on 127.0.0.1 and a random port that requires a login (USER, PASS) and keeps what
 * it receives. `reject` makes it answer 550 to RCPT TO for some addresses, quoting the address as
 * real servers do.
 */
async function smtpServer(mode: 'plain' | 'starttls' | 'implicit', reject: (address: string) => boolean = () => false): Promise<TestServer> {
	const received: Received[] = [];
	const pending: Promise<void>[] = [];
	const server = new SMTPServer({
		secure: mode === 'implicit',
		...(mode === 'plain' ? { disabledCommands: ['STARTTLS'], allowInsecureAuth: true } : tls),
		authMethods: ['PLAIN', 'LOGIN'],
		authOptional: false,
		logger: false,
		onAuth(auth, _session, callback) {
			if (auth.username === USER && auth.password === PASS) callback(null, { user: auth.username });
			else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
		},
		onRcptTo(address: SMTPServerAddress, _session, callback) {
			if (reject(address.address)) callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected: mailbox unavailable`), { responseCode: 550 }));
			else callback();
		},
		onData(stream, session, callback) {
			const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				pending.push(simpleParser(raw).then((mail) => {
					received.push({
						...envelope,
						user: session.user,
						secure: session.secure,
						raw,
						mail,
					});
				}));
				callback();
			});
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as { port: number };
	let closed: Promise<void> | undefined;
	return {
		port,
		received,
		// Waits for the messages being parsed; safe to call twice.
		close: () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve())).then(() => Promise.all(pending)).then(() => undefined)),
	};
}

/** A port on 127.0.0.1 where nothing listens: the connection is refused. */
async function closedPort(): Promise<number> {
	const s = createServer();
	await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
	const { port } = s.address() as { port: number };
	await new Promise<void>((resolve) => s.close(() => resolve()));
	return port;
}

const smtpEnv = (port: number, scheme: 'smtp' | 'smtps' = 'smtp', host = '127.0.0.1', extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
	BLASON_SMTP_URL: `${scheme}://${encodeURIComponent(USER)}:${encodeURIComponent(PASS)}@${host}:${port}`,
	BLASON_MAIL_FROM: FROM,
	...extra,
});

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

const idsIn = (stdout: string) => [...stdout.matchAll(/awards\/([0-9a-z]{12})\//g)].map((m) => m[1]!);

describe('npm run award -- --notify', () => {
	let site: ReturnType<typeof tempSite>;
	let server: TestServer | undefined;
	let csvDir: string | undefined;
	afterEach(async () => {
		site?.remove();
		await server?.close();
		server = undefined;
		if (csvDir) rmSync(csvDir, { recursive: true, force: true });
		csvDir = undefined;
	});

	/**
	 * Runs a command on the temporary site. No output line may hold an address (the association's
	 * own sender aside, which is not printed either), the password, or a stack trace, and no file
	 * of the content folder may hold an address.
	 */
	const run = async (command: typeof runAward, env: NodeJS.ProcessEnv, ...args: string[]) => {
		const io = captureIo();
		const code = await command([...args, '--root', site.root], { io, now, env });
		const result = { code, stdout: io.stdout(), stderr: io.stderr() };
		const output = `${result.stdout}\n${result.stderr}`;
		expect(output).not.toMatch(EMAIL_PATTERN);
		expect(output).not.toContain(PASS);
		expect(output).not.toContain(encodeURIComponent(PASS));
		expect(output).not.toMatch(/^\s+at /m);
		expect(addressesIn(site.root)).toEqual([]);
		return result;
	};
	const award = (env: NodeJS.ProcessEnv, ...args: string[]) => run(runAward, env, ...args);
	const notify = (env: NodeJS.ProcessEnv, ...args: string[]) => run(runNotify, env, ...args);
	const csvFile = (content: string) => {
		csvDir ??= mkdtempSync(path.join(tmpdir(), 'blason-csv-'));
		const file = path.join(csvDir, 'awards.csv');
		writeFileSync(file, content);
		return file;
	};
	const read = (file: string) => readFileSync(path.join(site.root, file), 'utf8');
	const awardIdsInContent = () => readdirSync(path.join(site.root, 'recipients')).flatMap((f) => [...read(`recipients/${f}`).matchAll(/id: ([0-9a-z]{12})/g)].map((m) => m[1]!));

	it('sends one message to the new recipient, signed in with AUTH, in French then English, with the award page', async () => {
		site = tempSite();
		server = await smtpServer('plain');
		const result = await award(smtpEnv(server.port), '--badge', 'atelier-numerique', '--email', ' Noe.Dupont@Example.org', '--date', '2026-11-02', '--notify');
		const [id] = idsIn(result.stdout);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n').slice(1)).toEqual([
			'✓ 1 award written, 0 already awarded',
			'',
			'Commitez les fichiers modifiés de recipients/ et faites relire la modification, puis relancez la publication : chaque badge sera publié à son adresse.',
			'Commit the changed files in recipients/ and have the change reviewed, then publish again: each award is published at its URL.',
			'',
			'Envoi des e-mails / Sending the e-mails (1)…',
			`  ✉ sent to the recipient of award ${id}`,
			'✓ 1 e-mail sent. The links work once the site is published again.',
		]);
		await server.close();

		expect(server.received).toHaveLength(1);
		const [message] = server.received;
		expect(message).toMatchObject({ from: 'badges@fixture.example.org', to: ['noe.dupont@example.org'], user: USER, secure: false });
		const { mail } = message!;
		expect(mail.from?.value).toEqual([{ address: 'badges@fixture.example.org', name: 'Association Fixture' }]);
		expect(mail.to).toMatchObject({ value: [{ address: 'noe.dupont@example.org' }] });
		expect(mail.cc).toBeUndefined();
		expect(mail.bcc).toBeUndefined();
		expect(mail.subject).toBe('Votre badge « Atelier numérique » / Your badge “Atelier numérique”');
		expect(mail.headers.get('content-language')).toBe('fr, en');

		const text = mail.text!;
		expect(text).toContain('Bonjour,\n');
		expect(text).toContain('Félicitations ! Association Fixture vous a décerné le badge « Atelier numérique » le 2 novembre 2026.');
		expect(text).toContain('Ce que ce badge certifie : A participé à un atelier de découverte du numérique. Il est valable jusqu’au 2 novembre 2028.');
		expect(text).toContain('Congratulations! Association Fixture awarded you the badge “Atelier numérique” on 2 November 2026.');
		expect(text).toContain('What it certifies: A participé à un atelier de découverte du numérique. It is valid until 2 November 2028.');
		// French first, then English.
		expect(text.indexOf('Félicitations')).toBeLessThan(text.indexOf('Congratulations'));
		// The award page, in both languages.
		expect(text.split(URL_OF(id!))).toHaveLength(3);
		for (const words of ['Open Badge Passport', 'Canvas Credentials', 'credential.json', 'DCC Learner Credential Wallet', 'LinkedIn', 'empreinte salée', 'salted fingerprint', 'reste en ligne', 'stays online']) {
			expect(text).toContain(words);
		}
		const html = mail.html as string;
		expect(html).toContain(`<a href="${URL_OF(id!)}">${URL_OF(id!)}</a>`);
		expect(html).toContain('<div lang="fr">');
		expect(html).toContain('<div lang="en">');
		// No other address than the recipient's and the sender's in the whole message (the Message-ID is not one).
		const headersAndBody = message!.raw.replace(/^Message-ID: .*$/im, '');
		expect([...new Set(headersAndBody.match(new RegExp(EMAIL_PATTERN.source, 'g')))].sort()).toEqual(['badges@fixture.example.org', 'noe.dupont@example.org']);
	});

	it('escapes the badge name and a consented name in the HTML part, and greets by name only with consent', async () => {
		site = tempSite();
		const badgeFile = path.join(site.root, 'badges/atelier-numerique/badge.md');
		writeFileSync(badgeFile, readFileSync(badgeFile, 'utf8').replace('name: Atelier numérique', `name: 'Atelier <numérique> & "co"'`));
		server = await smtpServer('plain');
		const result = await award(smtpEnv(server.port), '--badge', 'atelier-numerique', '--email', 'zoe.oneil@example.org', '--name', "Zoé <b>O'Neil</b>", '--consent', '--notify');
		expect(result.code).toBe(0);
		await server.close();
		const { mail } = server.received[0]!;
		expect(mail.subject).toBe('Votre badge « Atelier <numérique> & "co" » / Your badge “Atelier <numérique> & "co"”');
		expect(mail.text).toContain("Bonjour Zoé <b>O'Neil</b>,\n");
		expect(mail.text).toContain("Hello Zoé <b>O'Neil</b>,\n");
		const html = mail.html as string;
		expect(html).toContain('<title>Votre badge « Atelier &lt;numérique&gt; &amp; &quot;co&quot; » / Your badge “Atelier &lt;numérique&gt; &amp; &quot;co&quot;”</title>');
		expect(html).toContain('<p>Bonjour Zoé &lt;b&gt;O&#39;Neil&lt;/b&gt;,</p>');
		expect(html).toContain('le badge « <strong>Atelier &lt;numérique&gt; &amp; &quot;co&quot;</strong> »');
		expect(html).not.toContain('<numérique>');
		expect(html).not.toContain('<b>');
	});

	it('from a CSV file: one message per new award, each to its own recipient; an award already there gets none', async () => {
		site = tempSite();
		server = await smtpServer('plain');
		const csv = csvFile([
			'courriel;badge;prénom;nom;consentement;date',
			'lea.martin@example.org;atelier-numerique;;;;2026-03-14',
			'Tom.Petit@example.org;engagement-citoyen;Tom;Petit;oui;2026-10-03',
			'zoe@example.org;atelier-numerique;;;non;2026-10-04',
			'lea.martin@example.org;engagement-citoyen;;;;2026-10-04',
		].join('\r\n'));
		const result = await award(smtpEnv(server.port), '--csv', csv, '--notify');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const [tom, zoe, lea] = idsIn(result.stdout);
		expect(result.stdout).toContain('  = line 2: atelier-numerique 2026-03-14 already awarded (recipients/lea-m.yaml:9, k7m2x9qd4p1h)');
		expect(result.stdout.split('\n').slice(-5)).toEqual([
			'Envoi des e-mails / Sending the e-mails (3)…',
			`  ✉ sent to the recipient of award ${tom}`,
			`  ✉ sent to the recipient of award ${zoe}`,
			`  ✉ sent to the recipient of award ${lea}`,
			'✓ 3 e-mails sent. The links work once the site is published again.',
		]);
		await server.close();

		const byRecipient = new Map(server.received.map((r) => [r.to.join(','), r]));
		expect([...byRecipient.keys()].sort()).toEqual(['lea.martin@example.org', 'tom.petit@example.org', 'zoe@example.org']);
		const expected = { 'tom.petit@example.org': { id: tom!, greeting: 'Bonjour Tom Petit,' }, 'zoe@example.org': { id: zoe!, greeting: 'Bonjour,' }, 'lea.martin@example.org': { id: lea!, greeting: 'Bonjour Léa Martin,' } };
		for (const [address, { id, greeting }] of Object.entries(expected)) {
			const r = byRecipient.get(address)!;
			expect(r.mail.text).toContain(`${greeting}\n`);
			expect(r.mail.text).toContain(URL_OF(id));
			// Nobody else's address or award.
			for (const [other, o] of Object.entries(expected)) {
				if (other === address) continue;
				expect(r.raw.toLowerCase()).not.toContain(other);
				expect(r.raw).not.toContain(o.id);
			}
		}
		expect(byRecipient.get('lea.martin@example.org')!.mail.subject).toBe('Votre badge « Engagement citoyen » / Your badge “Engagement citoyen”');
		expect(server.received.some((r) => r.raw.includes('k7m2x9qd4p1h'))).toBe(false);
	});

	it('over STARTTLS with a self-signed certificate: refused unless BLASON_SMTP_TLS_REJECT_UNAUTHORIZED=false', async () => {
		site = tempSite();
		server = await smtpServer('starttls');
		const checked = await award(smtpEnv(server.port, 'smtp', 'localhost'), '--badge', 'atelier-numerique', '--email', 'noe@example.org', '--notify');
		const [first] = idsIn(checked.stdout);
		expect(checked.code).toBe(1);
		expect(checked.stderr).toMatch(new RegExp(`^ {2}✗ not sent to the recipient of award ${first}: .*self-signed certificate`));
		expect(awardIdsInContent()).toContain(first);

		const trusting = await award(smtpEnv(server.port, 'smtp', 'localhost', { BLASON_SMTP_TLS_REJECT_UNAUTHORIZED: 'false' }), '--badge', 'engagement-citoyen', '--email', 'noe@example.org', '--notify');
		expect(trusting.stderr).toBe('');
		expect(trusting.code).toBe(0);
		expect(trusting.stdout.split('\n')[0]).toBe("note: BLASON_SMTP_TLS_REJECT_UNAUTHORIZED=false: the SMTP server's certificate is not checked — only for tests and self-signed servers");
		await server.close();
		expect(server.received).toHaveLength(1);
		expect(server.received[0]).toMatchObject({ to: ['noe@example.org'], user: USER, secure: true });
		expect(server.received[0]!.mail.subject).toBe('Votre badge « Engagement citoyen » / Your badge “Engagement citoyen”');
	});

	it('over implicit TLS (smtps://)', async () => {
		site = tempSite();
		server = await smtpServer('implicit');
		const result = await award(smtpEnv(server.port, 'smtps', '127.0.0.1', { BLASON_SMTP_TLS_REJECT_UNAUTHORIZED: 'false' }), '--badge', 'atelier-numerique', '--email', 'noe@example.org', '--notify');
		expect(result.code).toBe(0);
		await server.close();
		expect(server.received).toHaveLength(1);
		expect(server.received[0]).toMatchObject({ to: ['noe@example.org'], user: USER, secure: true });
	});

	describe('when sending fails, the awards stay written and the command fails, naming them', () => {
		it('connection refused: every award of the run is named, the later ones not even tried', async () => {
			site = tempSite();
			const port = await closedPort();
			const csv = csvFile('email,badge,date\na.one@example.org,atelier-numerique,2026-11-01\nb.two@example.org,engagement-citoyen,2026-11-01\n');
			const result = await award(smtpEnv(port), '--csv', csv, '--notify');
			const [a, b] = idsIn(result.stdout);
			expect(result.code).toBe(1);
			expect(result.stdout).toContain('✓ 2 awards written, 0 already awarded');
			expect(awardIdsInContent()).toEqual(expect.arrayContaining([a, b]));
			expect(result.stderr.split('\n')).toEqual([
				expect.stringMatching(new RegExp(`^ {2}✗ not sent to the recipient of award ${a}: .*ECONNREFUSED 127\\.0\\.0\\.1:${port}`)),
				`  ✗ not sent to the recipient of award ${b}: not tried after the server failed`,
				`✗ 2 of 2 e-mails were not sent, for awards ${a}, ${b}; every award is written and valid — fix the cause (the server, its address or the login in BLASON_SMTP_URL), then send each again with npm run notify -- <award-id> --email <address>, e.g. npm run notify -- ${a} --email <address>: do not award again`,
			]);
		});

		it('a recipient refused with 550: the others are sent, the refused one is named without its address', async () => {
			site = tempSite();
			server = await smtpServer('plain', (address) => address.startsWith('b.two@'));
			const csv = csvFile('email,badge,date\na.one@example.org,atelier-numerique,2026-11-01\nb.two@example.org,atelier-numerique,2026-11-01\nc.three@example.org,atelier-numerique,2026-11-01\n');
			const result = await award(smtpEnv(server.port), '--csv', csv, '--notify');
			const [a, b, c] = idsIn(result.stdout);
			expect(result.code).toBe(1);
			expect(result.stdout).toContain(`  ✉ sent to the recipient of award ${a}`);
			expect(result.stdout).toContain(`  ✉ sent to the recipient of award ${c}`);
			expect(result.stderr.split('\n')).toEqual([
				`  ✗ not sent to the recipient of award ${b}: 550 <[address]>: Recipient address rejected: mailbox unavailable`,
				`✗ 1 of 3 e-mails were not sent, for award ${b}; 2 were sent, and every award is written and valid — fix the cause (the address, which the server refused), then send each again with npm run notify -- <award-id> --email <address>, e.g. npm run notify -- ${b} --email <address>: do not award again`,
			]);
			expect(awardIdsInContent()).toEqual(expect.arrayContaining([a, b, c]));
			await server.close();
			expect(server.received.map((r) => r.to[0]).sort()).toEqual(['a.one@example.org', 'c.three@example.org']);
		});

		it('a wrong password: named as a login failure, the password never printed', async () => {
			site = tempSite();
			server = await smtpServer('plain');
			const env = { ...smtpEnv(server.port), BLASON_SMTP_URL: `smtp://${encodeURIComponent(USER)}:wrong-${encodeURIComponent(PASS)}@127.0.0.1:${server.port}` };
			const result = await award(env, '--badge', 'atelier-numerique', '--email', 'noe@example.org', '--notify');
			const [id] = idsIn(result.stdout);
			expect(result.code).toBe(1);
			expect(result.stderr.split('\n')[0]).toBe(`  ✗ not sent to the recipient of award ${id}: 535 Invalid username or password`);
			expect(awardIdsInContent()).toContain(id);
			expect(server.received).toEqual([]);
		});
	});

	describe('the configuration is checked before anything is written', () => {
		it.each([
			{
				name: 'nothing set',
				env: {},
				stderr: [
					'✗ BLASON_SMTP_URL is not set: the SMTP server that sends the e-mails — set it to the server\'s URL, e.g. smtps://<user>:<password>@<server>:465, or smtp://<user>:<password>@<server>:587 for STARTTLS',
					'✗ BLASON_MAIL_FROM is not set: the sender of the e-mails: nothing was awarded — write the association\'s sending address, with its name if you like: "Passerelles Jeunesse" <badges@…> (README: Notifying recipients)',
				],
			},
			{
				name: 'a URL of another protocol, with a password',
				env: { BLASON_SMTP_URL: `https://user:${encodeURIComponent(PASS)}@smtp.example.org`, BLASON_MAIL_FROM: FROM },
				stderr: ['✗ BLASON_SMTP_URL does not start with smtp:// or smtps:// (its value is not repeated: it may hold a password): nothing was awarded — write it as smtps://<user>:<password>@<server>:465, or smtp://<user>:<password>@<server>:587 for STARTTLS; a user name or password with @, : or / is percent-encoded (%40, %3A, %2F) (README: Notifying recipients)'],
			},
			{
				name: 'a sender that is not an address',
				env: { BLASON_SMTP_URL: 'smtps://smtp.example.org', BLASON_MAIL_FROM: 'Passerelles Jeunesse, badges@example.org' },
				stderr: ['✗ BLASON_MAIL_FROM is not one sender address (not repeated here): nothing was awarded — write the association\'s sending address, with its name if you like: "Passerelles Jeunesse" <badges@…> (README: Notifying recipients)'],
			},
			{
				name: 'a certificate check that is neither true nor false',
				env: { BLASON_SMTP_URL: 'smtps://smtp.example.org', BLASON_MAIL_FROM: FROM, BLASON_SMTP_TLS_REJECT_UNAUTHORIZED: 'no' },
				stderr: ['✗ BLASON_SMTP_TLS_REJECT_UNAUTHORIZED is "no", neither true nor false: nothing was awarded — leave it unset so that the server\'s certificate is checked; false is only for tests and self-signed servers (README: Notifying recipients)'],
			},
		])('$name: usage error, no file changed', async ({ env, stderr }) => {
			site = tempSite();
			const before = snapshotFiles(site.root);
			expect(await award(env, '--badge', 'atelier-numerique', '--email', 'noe@example.org', '--notify')).toEqual({ code: 2, stdout: '', stderr: stderr.join('\n') });
			const csv = csvFile('email,badge,date\nnoe@example.org,atelier-numerique,2026-11-01\n');
			expect((await award(env, '--csv', csv, '--notify')).code).toBe(2);
			expect(snapshotFiles(site.root)).toEqual(before);
		});

		it('without --notify, the variables are not needed', async () => {
			site = tempSite();
			expect((await award({}, '--badge', 'atelier-numerique', '--email', 'noe@example.org')).code).toBe(0);
		});

		it('--dry-run --notify checks the configuration and sends nothing', async () => {
			site = tempSite();
			server = await smtpServer('plain');
			const before = snapshotFiles(site.root);
			const result = await award(smtpEnv(server.port), '--badge', 'atelier-numerique', '--email', 'noe@example.org', '--dry-run', '--notify');
			expect(result.stdout.split('\n').slice(-1)).toEqual(['  --notify: 1 e-mail would be sent, one per new award — none was sent']);
			expect(snapshotFiles(site.root)).toEqual(before);
			await server.close();
			expect(server.received).toEqual([]);
		});
	});

	describe('npm run notify: the same message again, for one award', () => {
		it('sends it to the address that matches the award, and refuses any other', async () => {
			site = tempSite();
			server = await smtpServer('plain');
			const env = smtpEnv(server.port);
			// The fixture's award to Léa Martin, who consented to show her name.
			expect(await notify(env, 'k7m2x9qd4p1h', '--email', 'Lea.Martin@Example.org')).toEqual({ code: 0, stderr: '', stdout: '✓ E-mail envoyé / e-mail sent to the recipient of award k7m2x9qd4p1h' });
			const before = snapshotFiles(site.root);
			expect(await notify(env, 'k7m2x9qd4p1h', '--email', 'lea.martin@example.com')).toEqual({
				code: 1,
				stdout: '',
				stderr: "✗ this address is not the one award k7m2x9qd4p1h was given to (it does not match the recipient's salted hash): nothing was sent — check it for a typo: it must be the exact address the badge was awarded to (upper or lower case does not matter)",
			});
			expect(snapshotFiles(site.root)).toEqual(before);
			await server.close();
			expect(server.received).toHaveLength(1);
			const [message] = server.received;
			expect(message!.to).toEqual(['lea.martin@example.org']);
			expect(message!.mail.subject).toBe('Votre badge « Atelier numérique » / Your badge “Atelier numérique”');
			expect(message!.mail.text).toContain('Bonjour Léa Martin,\n');
			expect(message!.mail.text).toContain('le 14 mars 2026.');
			expect(message!.mail.text).toContain(URL_OF('k7m2x9qd4p1h'));
		});

		it('re-sends what a failed --notify did not send', async () => {
			site = tempSite();
			const refused = await award(smtpEnv(await closedPort()), '--badge', 'engagement-citoyen', '--email', 'noe@example.org', '--notify');
			const [id] = idsIn(refused.stdout);
			expect(refused.stderr).toContain(`npm run notify -- ${id} --email <address>`);
			server = await smtpServer('plain');
			expect((await notify(smtpEnv(server.port), id!, '--email', 'noe@example.org')).code).toBe(0);
			await server.close();
			expect(server.received.map((r) => r.to)).toEqual([['noe@example.org']]);
			expect(server.received[0]!.mail.text).toContain(URL_OF(id!));
		});

		it('refuses an unknown id, a revoked award, a missing configuration and a mistake in the command line', async () => {
			site = tempSite();
			server = await smtpServer('plain');
			const env = smtpEnv(server.port);
			expect(await notify(env, 'k7m2x9qd4p1j', '--email', 'lea.martin@example.org')).toEqual({ code: 1, stdout: '', stderr: '✗ no award has the id "k7m2x9qd4p1j" — did you mean "k7m2x9qd4p1h"?' });
			expect(await notify({}, 'k7m2x9qd4p1h', '--email', 'lea.martin@example.org')).toMatchObject({ code: 2, stderr: expect.stringContaining('✗ BLASON_MAIL_FROM is not set: the sender of the e-mails: nothing was sent') });
			expect(await notify(env, 'k7m2x9qd4p1h', 'lea.martin@example.org')).toMatchObject({ code: 2, stderr: '✗ an e-mail address was given without --email (not repeated here) — usage: npm run notify -- <award-id> --email <address> [--root DIR], with BLASON_SMTP_URL and BLASON_MAIL_FROM set' });
			expect(await notify(env, '--email', 'lea.martin@example')).toMatchObject({ code: 2, stderr: '✗ give the id of the award whose e-mail is sent again — usage: npm run notify -- <award-id> --email <address> [--root DIR], with BLASON_SMTP_URL and BLASON_MAIL_FROM set' });
			expect(await notify(env, 'k7m2x9qd4p1h', '--email', 'lea.martin@example')).toMatchObject({ code: 2, stderr: '✗ the e-mail is not a valid address (not repeated here) — write one address of the form name@domain, and nothing else' });
			const io = captureIo();
			expect(await runRevoke(['k7m2x9qd4p1h', '--reason', 'Attribuée par erreur', '--root', site.root], { io, now })).toBe(0);
			expect(await notify(env, 'k7m2x9qd4p1h', '--email', 'lea.martin@example.org')).toEqual({
				code: 1,
				stdout: '',
				stderr: '✗ award k7m2x9qd4p1h is revoked (2026-11-22): nothing was sent — the message congratulates the recipient: it is not sent for a revoked award',
			});
			await server.close();
			expect(server.received).toEqual([]);
		});

		it('runs as a command with the variables from the environment: exit codes, never a stack trace or an address', async () => {
			site = tempSite();
			server = await smtpServer('plain');
			const env = smtpEnv(server.port);
			const ok = await runScript('notify', ['k7m2x9qd4p1h', '--email', 'lea.martin@example.org', '--root', site.root], env);
			expect(ok).toEqual({ code: 0, stdout: '✓ E-mail envoyé / e-mail sent to the recipient of award k7m2x9qd4p1h\n', stderr: '' });
			for (const [args, code, vars] of [
				[['k7m2x9qd4p1h', '--email', 'sam@example.org'], 1, env],
				[['k7m2x9qd4p1h', '--email', 'lea.martin@example.org'], 2, { BLASON_SMTP_URL: '', BLASON_MAIL_FROM: '' }],
				[['k7m2x9qd4p1h', '--email', 'lea.martin@example.org'], 1, smtpEnv(await closedPort())],
			] as const) {
				const result = await runScript('notify', [...args, '--root', site.root], vars);
				expect(result.code, args.join(' ')).toBe(code);
				expect(result.stdout).toBe('');
				expect(result.stderr).toMatch(/✗ /);
				expect(result.stderr).not.toMatch(/^\s+at /m);
				expect(result.stderr).not.toMatch(EMAIL_PATTERN);
				expect(result.stderr).not.toContain(PASS);
			}
			const award = await runScript('award', ['--badge', 'atelier-numerique', '--email', 'noe@example.org', '--notify', '--root', site.root], env);
			expect(award.code).toBe(0);
			expect(award.stdout).not.toMatch(EMAIL_PATTERN);
			await server.close();
			expect(server.received.map((r) => r.to)).toEqual([['lea.martin@example.org'], ['noe@example.org']]);
		});
	});
});
