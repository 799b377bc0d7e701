/**
 * npm run award -- --badge <slug> --email <address> [--name "…" --consent] [--narrative "…"]
 *                  [--evidence-url URL [--evidence-name "…"]] [--date YYYY-MM-DD] [--dry-run] [--root DIR]
 * npm run award -- --csv FILE [--badge <slug>] [--date YYYY-MM-DD] [--dry-run] [--root DIR]
 * (both: [--notify], with BLASON_SMTP_URL and BLASON_MAIL_FROM set)
 *
 * Awards badges: to a person who already has a recipient file (their salted hash matches), the
 * award is added to it, every other byte kept; to anyone else, a new recipients/<slug>.yaml with
 * a fresh salt. Every request is checked first and any mistake stops the command before a single
 * file is written; an award the person already has (same badge, same day) is skipped, so running
 * the same CSV file again changes nothing. The e-mail address is hashed, never written or printed,
 * and never part of an error message.
 *
 * With --notify, each new award is then e-mailed to its recipient (src/lib/notify/). The SMTP
 * configuration is checked before anything is written; a message that cannot be sent leaves its
 * award in place (it is valid) and is named by award id, to send again with `npm run notify`.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkInputs, type AwardRequest } from '../awarding/check-inputs.ts';
import { inputFromOptions, inputsFromCsv, type AwardInput, type Field, type InputProblem } from '../awarding/inputs.ts';
import { planAwards, type AwardPlan } from '../awarding/plan.ts';
import { loadSite } from '../content/load-site.ts';
import type { Site } from '../content/model.ts';
import { decodeCsv, parseCsv, type CsvEncoding } from '../csv.ts';
import { isDateOrDateTime } from '../dates.ts';
import { EMAIL_PATTERN } from '../identity.ts';
import { createMailer, messageForAward, SendFailure, type MailConfig } from '../notify/index.ts';
import { formatProblem, type Problem } from '../problems.ts';
import { contentRoot } from './args.ts';
import { CommandError, consoleIo, EXIT_REFUSED, EXIT_USAGE, localDay, parseOptions, runCommand, writeFileAtomic, type CommandIo } from './command.ts';
import { mailConfig } from './mail-config.ts';
import { withoutAddresses } from './without-addresses.ts';

const USAGE = 'usage: npm run award -- --badge <slug> --email <address> [--name "Prénom Nom" --consent] [--narrative "…"] [--evidence-url URL] [--evidence-name "…"] [--date YYYY-MM-DD] [--dry-run] [--notify] [--root DIR], or npm run award -- --csv FILE [--badge <slug>] [--date YYYY-MM-DD] [--dry-run] [--notify] [--root DIR]';

const OPTIONS = ['root', 'badge', 'email', 'name', 'narrative', 'evidence-url', 'evidence-name', 'date', 'csv'] as const;
const FLAGS = ['consent', 'dry-run', 'notify'] as const;

/** Files written at the same time: enough to hide file-system latency, few enough for any OS limit. */
const WRITE_CONCURRENCY = 16;

export interface AwardOptions {
	io?: CommandIo;
	/** Today, the default award date and the latest allowed; injected by tests. */
	now?: Date;
	/** Where --notify reads its SMTP configuration; process.env by default. */
	env?: NodeJS.ProcessEnv;
}

export function runAward(args: readonly string[], options: AwardOptions = {}): Promise<number> {
	const io = options.io ?? consoleIo;
	return runCommand(io, () => withoutAddresses(() => award(args, io, options.now ?? new Date(), options.env ?? process.env)));
}

async function award(args: readonly string[], io: CommandIo, now: Date, env: NodeJS.ProcessEnv): Promise<number> {
	const { values, flags, positionals } = parseOptions(args, OPTIONS, USAGE, FLAGS);
	if (positionals.length) {
		const extra = positionals[0]!;
		if (EMAIL_PATTERN.test(extra)) throw usage('an e-mail address was given without --email (not repeated here)', 'write --email before the address');
		throw usage(`unexpected argument "${extra}"`, values.name !== undefined || values.narrative !== undefined ? 'a value of several words goes in quotes: --name "Léa Martin"' : USAGE);
	}
	const csv = values.csv;
	if (csv !== undefined) {
		for (const option of ['email', 'name'] as const) {
			if (values[option] !== undefined) throw usage(`--${option} goes with a single award, not with --csv`, `in a CSV file, each row gives its own ${option === 'email' ? 'e-mail' : 'name'} in its own column`);
		}
		if (flags.consent) throw usage('--consent goes with a single award, not with --csv', 'in a CSV file, a "consent" column says oui for each person who agreed to show their name');
	} else {
		if (values.badge === undefined) throw usage('missing --badge: which badge is awarded?', USAGE);
		if (values.email === undefined) throw usage('missing --email: the recipient\'s address (it is hashed, never written)', USAGE);
	}
	const today = localDay(now);
	if (values.date !== undefined) checkDateOption(values.date, today);
	// Before anything is read or written: a mistake here must not leave awards nobody is told about.
	const mail = flags.notify ? mailConfig(env, io, 'nothing was awarded') : undefined;

	const root = contentRoot(values.root ? ['--root', values.root] : []);
	if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
		throw new CommandError('ERR_ROOT_MISSING', `the content folder ${root} does not exist`, {
			hint: 'run the command from your badges repository, or give its folder with --root',
		});
	}
	const bytes = csv === undefined ? undefined : await readCsvFile(root, csv);

	const loaded = await loadSite(root, { now });
	if (!loaded.site) {
		throw new CommandError('ERR_CONTENT_INVALID', 'the content has errors: nothing was awarded', {
			hint: 'fix them first (npm run check lists them all), then run the command again',
			problems: loaded.problems.filter((p) => p.severity === 'error'),
		});
	}
	const site = loaded.site;

	const defaults = {
		badge: values.badge,
		date: values.date,
		narrative: values.narrative,
		evidenceUrl: values['evidence-url'],
		evidenceName: values['evidence-name'],
	} satisfies Partial<Record<Field, string | undefined>>;
	let inputs: AwardInput[];
	const problems: InputProblem[] = [];
	if (bytes === undefined) {
		inputs = [inputFromOptions({ ...defaults, email: values.email, name: values.name, consent: flags.consent ? 'yes' : undefined })];
	} else {
		const decoded = decodeCsv(bytes);
		if ('problem' in decoded) throw new CommandError('ERR_CSV_FORMAT', `${csv}: ${decoded.problem.message}`, { hint: decoded.problem.hint });
		if (decoded.encoding !== 'utf-8') io.out(`note: ${csv} ${ENCODING_NOTE[decoded.encoding]}`);
		const table = parseCsv(decoded.text);
		problems.push(...table.problems.map((p) => ({ code: 'ERR_CSV_SYNTAX', line: p.line, field: '', message: p.message, hint: p.hint })));
		const fromCsv = inputsFromCsv(table, defaults);
		problems.push(...fromCsv.problems);
		inputs = fromCsv.inputs;
	}

	const checked = checkInputs(inputs, {
		badges: new Set(site.badges.keys()),
		today,
		...(csv === undefined ? { defaultDate: values.date ?? today } : values.date !== undefined ? { defaultDate: values.date } : {}),
	});
	problems.push(...checked.problems);
	if (problems.length) return refuse(problems, csv, io);
	if (!checked.requests.length) {
		throw new CommandError('ERR_CSV_NO_ROWS', `${csv} has no rows below its header line`, { hint: 'add one line per award below the header line' });
	}

	const plan = await planAwards(site, checked.requests, {
		takenSlugs: await recipientSlugs(root),
		readText: (file) => readFile(path.join(root, file), 'utf8'),
	});
	report(plan, checked.requests, { bulk: csv !== undefined, dryRun: flags['dry-run'] }, io);
	const written = plan.awarded.length;
	const already = `${plan.skipped.length} already awarded`;
	if (flags['dry-run']) {
		io.out(`✓ Dry run: ${written} award${written === 1 ? '' : 's'} would be written, ${already} — no file was changed`);
		if (mail) io.out(`  --notify: ${written} e-mail${written === 1 ? '' : 's'} would be sent, one per new award — none was sent`);
		return 0;
	}
	await writeAll(root, plan.writes);
	io.out(`✓ ${written} award${written === 1 ? '' : 's'} written, ${already}`);
	if (written) {
		io.out('');
		io.out('Commitez les fichiers modifiés de recipients/ et faites relire la modification, puis relancez la publication : chaque badge sera publié à son adresse.');
		io.out('Commit the changed files in recipients/ and have the change reviewed, then publish again: each award is published at its URL.');
	}
	if (csv !== undefined) io.out(`${csv} contient des adresses e-mail : ne le commitez jamais. / ${csv} holds e-mail addresses: never commit it.`);
	if (mail && written) await notify(site, plan, mail, io);
	return 0;
}

/**
 * One e-mail per new award, in the order of the requests, over one connection. A failure does not
 * undo the awards: the command names the awards whose recipient was not told, and fails.
 */
async function notify(site: Site, plan: AwardPlan, mail: MailConfig, io: CommandIo): Promise<void> {
	io.out('');
	io.out(`Envoi des e-mails / Sending the e-mails (${plan.awarded.length})…`);
	const mailer = createMailer(mail);
	const failed: { id: string; reason: string }[] = [];
	let stopped: SendFailure | undefined;
	try {
		for (const a of plan.awarded) {
			if (stopped) {
				failed.push({ id: a.id, reason: 'not tried after the server failed' });
				continue;
			}
			// A person who has a file keeps its name and consent: the name shown is the one published.
			const consentedName = a.newFile ? a.request.name : site.recipients.get(path.basename(a.file).replace(/\.[^.]*$/, ''))?.publicName;
			try {
				await mailer.send(a.request.email, messageForAward(site, { id: a.id, badge: a.request.badge, issuedOn: a.request.date, consentedName }));
				io.out(`  ✉ sent to the recipient of award ${a.id}`);
			} catch (e) {
				if (!(e instanceof SendFailure)) throw e;
				io.err(`  ✗ not sent to the recipient of award ${a.id}: ${e.message}`);
				failed.push({ id: a.id, reason: e.message });
				if (e.fatal) stopped = e;
			}
		}
	} finally {
		mailer.close();
	}
	const sent = plan.awarded.length - failed.length;
	if (!failed.length) {
		io.out(`✓ ${sent} e-mail${sent === 1 ? '' : 's'} sent. The links work once the site is published again.`);
		return;
	}
	for (const f of failed.filter((f) => f.reason === 'not tried after the server failed')) io.err(`  ✗ not sent to the recipient of award ${f.id}: ${f.reason}`);
	const ids = failed.map((f) => f.id);
	throw new CommandError('ERR_NOTIFY_FAILED', `${failed.length} of ${plan.awarded.length} e-mails were not sent, for award${ids.length === 1 ? '' : 's'} ${ids.join(', ')}; ${sent ? `${sent} ${sent === 1 ? 'was' : 'were'} sent, and ` : ''}every award is written and valid`, {
		hint: `fix the cause (${stopped ? 'the server, its address or the login in BLASON_SMTP_URL' : 'the address, which the server refused'}), then send each again with npm run notify -- <award-id> --email <address>, e.g. npm run notify -- ${ids[0]} --email <address>: do not award again`,
	});
}

const usage = (message: string, hint: string) => new CommandError('ERR_USAGE', message, { hint, exitCode: EXIT_USAGE });

const ENCODING_NOTE: Record<Exclude<CsvEncoding, 'utf-8'>, string> = {
	'windows-1252': 'is not UTF-8: it was read as Windows-1252, the encoding of Excel\'s "CSV" — check the accents below; "CSV UTF-8" avoids the guess',
	'utf-16le': 'was read as UTF-16 (Excel\'s "Unicode text")',
	'utf-16be': 'was read as UTF-16 (big-endian)',
};

function checkDateOption(date: string, today: string): void {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isDateOrDateTime(date)) {
		throw usage(`--date "${date}" is not a date`, 'write it as YYYY-MM-DD, e.g. --date 2026-06-01; without --date, a single award is dated today');
	}
	if (date > today) throw usage(`--date ${date} is in the future`, 'an award is dated the day it is given: leave --date out for today');
}

/**
 * The CSV file's bytes. A file inside the repository is refused unless Git ignores it: it holds
 * e-mail addresses, and `git add .` would publish them with the next commit.
 */
async function readCsvFile(root: string, csv: string): Promise<Uint8Array> {
	const file = path.resolve(csv);
	const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
		throw new CommandError('ERR_CSV_UNREADABLE', `cannot read ${csv} (${e.code ?? 'error'})`, {
			hint: e.code === 'ENOENT' ? 'check the path: it is relative to the folder where you run the command' : 'check that it is a file you can read',
		});
	});
	if (await committable(root, file)) {
		throw new CommandError('ERR_CSV_IN_REPOSITORY', `${csv} is inside the repository, where it could be committed, and it holds e-mail addresses`, {
			hint: 'move it out of the repository (for instance to your Documents folder) and give its new path to --csv: e-mail addresses must never reach Git',
		});
	}
	return new Uint8Array(bytes);
}

/** Whether `file` lies in the content folder, or the Git work tree around it, and Git does not ignore it. */
async function committable(root: string, file: string): Promise<boolean> {
	const realRoot = await realpath(root);
	const realFile = await realpath(file);
	let top = realRoot;
	try {
		top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: realRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		// Not a Git work tree: the content folder is what will be committed.
	}
	const rel = path.relative(top, realFile);
	if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
	try {
		execFileSync('git', ['check-ignore', '-q', '--', rel], { cwd: top, stdio: 'ignore' });
		return false;
	} catch {
		return true;
	}
}

/** Prints every problem at once, by line, and refuses. */
function refuse(problems: InputProblem[], csv: string | undefined, io: CommandIo): number {
	const sorted = problems.map((p, i) => ({ p, i })).sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i).map((x) => x.p);
	if (csv === undefined) {
		for (const p of sorted) io.err(`✗ ${p.field}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}`);
		return EXIT_REFUSED;
	}
	for (const p of sorted) {
		const problem: Problem = { code: p.code, severity: 'error', file: csv, line: p.line, field: p.field || undefined, message: p.message, hint: p.hint };
		io.err(formatProblem(problem));
	}
	const lines = new Set(sorted.map((p) => p.line)).size;
	io.err(`✗ ${sorted.length} problem${sorted.length === 1 ? '' : 's'} on ${lines} line${lines === 1 ? '' : 's'} of ${csv} — nothing was written. Fix ${sorted.length === 1 ? 'it' : 'them'} and run the command again.`);
	return EXIT_REFUSED;
}

/**
 * One line per award asked for, in the order asked, then the notes. A dry run shows no URL: the
 * ids are drawn again when the awards are written, and a URL copied from it would lead nowhere.
 */
function report(plan: AwardPlan, requests: AwardRequest[], { bulk, dryRun }: { bulk: boolean; dryRun: boolean }, io: CommandIo): void {
	const order = new Map(requests.map((r, i) => [r, i]));
	const lines: { at: number; text: string }[] = [];
	const from = (r: AwardRequest) => (bulk ? `line ${r.line}: ` : '');
	for (const a of plan.awarded) {
		lines.push({ at: order.get(a.request)!, text: `  + ${from(a.request)}${a.request.badge} ${a.request.date} → ${a.file}:${a.line}${a.newFile ? ' (new file)' : ''}${dryRun ? '' : ` ${a.url}`}` });
	}
	for (const s of plan.skipped) {
		const revoked = s.revoked ? ', revoked' : '';
		lines.push({ at: order.get(s.request)!, text: `  = ${from(s.request)}${s.request.badge} ${s.request.date} already awarded${revoked} (${s.file}${s.line ? `:${s.line}` : ''}, ${s.id})` });
	}
	for (const l of lines.sort((a, b) => a.at - b.at)) io.out(l.text);
	for (const n of plan.notes) io.out(`  note: ${bulk && n.line !== undefined ? `line ${n.line}: ` : ''}${n.file} ${n.message}`);
}

async function recipientSlugs(root: string): Promise<string[]> {
	const names = await readdir(path.join(root, 'recipients')).catch(() => [] as string[]);
	return names.map((n) => n.replace(/\.[^.]*$/, ''));
}

/**
 * Writes every file, each all at once (writeFileAtomic), once every text has been built and
 * checked. Should the disk refuse one (full, read-only), the writing stops and the message says how
 * many files were written: running the same command again skips the awards they hold.
 */
async function writeAll(root: string, writes: AwardPlan['writes']): Promise<void> {
	await mkdir(path.join(root, 'recipients'), { recursive: true });
	let next = 0;
	let written = 0;
	let failure: { file: string; error: NodeJS.ErrnoException } | undefined;
	const worker = async () => {
		while (next < writes.length && !failure) {
			const w = writes[next++]!;
			try {
				await writeFileAtomic(path.join(root, w.file), w.text);
				written++;
			} catch (e) {
				failure ??= { file: w.file, error: e as NodeJS.ErrnoException };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, writes.length) }, worker));
	if (failure) {
		throw new CommandError('ERR_WRITE', `cannot write ${failure.file} (${failure.error.code ?? failure.error.message}); ${written} of ${writes.length} files were written`, {
			hint: 'fix the cause (disk space, permissions), then run the same command again: the awards already written are skipped',
		});
	}
}
