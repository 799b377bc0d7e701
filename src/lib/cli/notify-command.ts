/**
 * npm run notify -- <award-id> --email <address> [--root DIR]
 *
 * Sends the award e-mail of `npm run award -- … --notify` again, for one award: when the first
 * sending failed, or the person lost the message. The address must be the one the award was given
 * to: it is hashed with the recipient's salt and compared with their identity hash, and a
 * different one is refused, so that nobody is sent someone else's badge. Revoked and withdrawn
 * awards get no message. The address is never written or printed.
 */
import { stat } from 'node:fs/promises';
import { loadSite } from '../content/load-site.ts';
import { EMAIL_PATTERN, hashEmail, normaliseEmail } from '../identity.ts';
import { createMailer, messageForAward, SendFailure } from '../notify/index.ts';
import { suggest } from '../suggest.ts';
import { contentRoot } from './args.ts';
import { CommandError, consoleIo, EXIT_USAGE, parseOptions, runCommand, type CommandIo } from './command.ts';
import { mailConfig } from './mail-config.ts';
import { withoutAddresses } from './without-addresses.ts';

const USAGE = 'usage: npm run notify -- <award-id> --email <address> [--root DIR], with BLASON_SMTP_URL and BLASON_MAIL_FROM set';
const FULL_EMAIL = new RegExp(`^${EMAIL_PATTERN.source}$`);

export interface NotifyOptions {
	io?: CommandIo;
	/** Today, for the content's checks; injected by tests. */
	now?: Date;
	/** Where the SMTP configuration is read; process.env by default. */
	env?: NodeJS.ProcessEnv;
}

export function runNotify(args: readonly string[], options: NotifyOptions = {}): Promise<number> {
	const io = options.io ?? consoleIo;
	return runCommand(io, () => withoutAddresses(() => notify(args, io, options.now ?? new Date(), options.env ?? process.env)));
}

async function notify(args: readonly string[], io: CommandIo, now: Date, env: NodeJS.ProcessEnv): Promise<number> {
	const { values, positionals } = parseOptions(args, ['root', 'email'], USAGE);
	const [id, ...extra] = positionals;
	if (id !== undefined && EMAIL_PATTERN.test(id)) throw usage('an e-mail address was given without --email (not repeated here)', 'write the award id first, then --email and the address');
	if (!id) throw usage('give the id of the award whose e-mail is sent again', USAGE);
	if (extra.length) throw usage(EMAIL_PATTERN.test(extra[0]!) ? 'an e-mail address was given without --email (not repeated here)' : `unexpected argument "${extra[0]}"`, USAGE);
	if (values.email === undefined) throw usage('missing --email: the address the award was given to (it is checked against its hash, never written)', USAGE);
	const email = normaliseEmail(values.email);
	if (!FULL_EMAIL.test(email)) throw usage('the e-mail is not a valid address (not repeated here)', 'write one address of the form name@domain, and nothing else');
	const mail = mailConfig(env, io, 'nothing was sent');

	const root = contentRoot(values.root ? ['--root', values.root] : []);
	if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
		throw new CommandError('ERR_ROOT_MISSING', `the content folder ${root} does not exist`, {
			hint: 'run the command from your badges repository, or give its folder with --root',
		});
	}
	const { site, problems } = await loadSite(root, { now });
	if (!site) {
		throw new CommandError('ERR_CONTENT_INVALID', 'the content has errors: nothing was sent', {
			hint: 'fix them first (npm run check lists them all), then run the command again',
			problems: problems.filter((p) => p.severity === 'error'),
		});
	}

	const award = site.awards.find((a) => a.id === id);
	if (!award) {
		const near = suggest(id, site.awards.map((a) => a.id));
		throw new CommandError('ERR_AWARD_UNKNOWN', `no award has the id "${id}"`, {
			hint: near ? `did you mean "${near}"?` : 'the id is the last part of the award URL, as `npm run award` printed it',
		});
	}
	const recipient = site.recipients.get(award.recipient);
	if (award.erased || !recipient?.identity) {
		throw new CommandError('ERR_NOTIFY_WITHDRAWN', `award ${id} was withdrawn at its recipient's request: nothing was sent`, { hint: 'a withdrawn award has no recipient left to write to' });
	}
	if (award.revoked) {
		throw new CommandError('ERR_NOTIFY_REVOKED', `award ${id} is revoked (${award.revoked.date.slice(0, 10)}): nothing was sent`, { hint: 'the message congratulates the recipient: it is not sent for a revoked award' });
	}
	if (hashEmail(email, recipient.identity.salt) !== recipient.identity.hash) {
		throw new CommandError('ERR_NOTIFY_WRONG_ADDRESS', `this address is not the one award ${id} was given to (it does not match the recipient's salted hash): nothing was sent`, {
			hint: 'check it for a typo: it must be the exact address the badge was awarded to (upper or lower case does not matter)',
		});
	}

	const message = messageForAward(site, { id: award.id, badge: award.badge, issuedOn: award.issuedOn, consentedName: recipient.publicName });
	const mailer = createMailer(mail);
	try {
		await mailer.send(email, message);
	} catch (e) {
		if (!(e instanceof SendFailure)) throw e;
		throw new CommandError('ERR_NOTIFY_FAILED', `the e-mail was not sent to the recipient of award ${id}: ${e.message}`, {
			hint: e.fatal ? 'check the server, its address and the login in BLASON_SMTP_URL, then run the same command again' : 'the server refused the address or the message; check the address, then run the same command again',
		});
	} finally {
		mailer.close();
	}
	io.out(`✓ E-mail envoyé / e-mail sent to the recipient of award ${id}`);
	return 0;
}

const usage = (message: string, hint: string) => new CommandError('ERR_USAGE', message, { hint, exitCode: EXIT_USAGE });
