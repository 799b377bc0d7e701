/**
 * The SMTP configuration of `--notify` and `npm run notify`, read from the environment and checked
 * before anything is awarded:
 *
 * - `BLASON_SMTP_URL`: `smtps://user:password@host:465` (TLS from the start) or
 *   `smtp://user:password@host:587` (STARTTLS, required except on the loopback). The user name and
 *   password are percent-encoded, as in any URL.
 * - `BLASON_MAIL_FROM`: the sender, `"Association" <badges@example.org>` or a bare address.
 * - `BLASON_SMTP_TLS_REJECT_UNAUTHORIZED=false`: accept a certificate no authority signed (tests,
 *   self-signed servers only).
 *
 * Messages never repeat the URL: it holds a password.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { EMAIL_PATTERN } from '../identity.ts';

export interface MailConfig {
	host: string;
	port: number;
	/** TLS from the first byte (smtps://); otherwise STARTTLS. */
	secure: boolean;
	/** Refuse to send if the server does not offer STARTTLS: everywhere but on the loopback. */
	requireTls: boolean;
	auth: { user: string; pass: string } | undefined;
	/** The From header, as given. */
	from: string;
	/** Check the server's certificate against the trusted authorities. */
	rejectUnauthorized: boolean;
}

/** A mistake in the variables: what, and what to write instead. */
export interface MailConfigProblem {
	code: string;
	variable: string;
	message: string;
	hint: string;
}

const FULL_EMAIL = new RegExp(`^${EMAIL_PATTERN.source}$`);
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
// Placeholders in angle brackets: an example must not look like an address (outputs are checked for none).
const URL_EXAMPLE = 'smtps://<user>:<password>@<server>:465, or smtp://<user>:<password>@<server>:587 for STARTTLS';

/**
 * The configuration, or every problem with it at once.
 *
 * @example
 * readMailConfig({ BLASON_SMTP_URL: 'smtps://badges%40asso.org:s3cret@smtp.asso.org', BLASON_MAIL_FROM: 'badges@asso.org' })
 * // → { config: { host: 'smtp.asso.org', port: 465, secure: true, auth: { user: 'badges@asso.org', … }, … } }
 */
export function readMailConfig(env: NodeJS.ProcessEnv): { config: MailConfig; problems?: undefined } | { config?: undefined; problems: MailConfigProblem[] } {
	const problems: MailConfigProblem[] = [];
	const server = readUrl(env.BLASON_SMTP_URL, problems);
	const from = readFrom(env.BLASON_MAIL_FROM, problems);
	const check = env.BLASON_SMTP_TLS_REJECT_UNAUTHORIZED?.trim().toLowerCase();
	if (check !== undefined && check !== '' && check !== 'true' && check !== 'false') {
		problems.push({
			code: 'ERR_NOTIFY_CONFIG_TLS',
			variable: 'BLASON_SMTP_TLS_REJECT_UNAUTHORIZED',
			message: `BLASON_SMTP_TLS_REJECT_UNAUTHORIZED is "${env.BLASON_SMTP_TLS_REJECT_UNAUTHORIZED}", neither true nor false`,
			hint: 'leave it unset so that the server\'s certificate is checked; false is only for tests and self-signed servers',
		});
	}
	if (problems.length || !server || from === undefined) return { problems };
	return { config: { ...server, from, rejectUnauthorized: check !== 'false' } };
}

function readUrl(value: string | undefined, problems: MailConfigProblem[]): Omit<MailConfig, 'from' | 'rejectUnauthorized'> | undefined {
	const variable = 'BLASON_SMTP_URL';
	if (!value?.trim()) {
		problems.push({ code: 'ERR_NOTIFY_CONFIG_MISSING', variable, message: 'BLASON_SMTP_URL is not set: the SMTP server that sends the e-mails', hint: `set it to the server's URL, e.g. ${URL_EXAMPLE}` });
		return undefined;
	}
	const invalid = (why: string) => {
		// Never the value itself: it holds the password.
		problems.push({ code: 'ERR_NOTIFY_CONFIG_URL', variable, message: `BLASON_SMTP_URL ${why} (its value is not repeated: it may hold a password)`, hint: `write it as ${URL_EXAMPLE}; a user name or password with @, : or / is percent-encoded (%40, %3A, %2F)` });
		return undefined;
	};
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return invalid('is not a URL');
	}
	if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return invalid('does not start with smtp:// or smtps://');
	if (!url.hostname) return invalid('names no server');
	if (url.search || url.hash || (url.pathname && url.pathname !== '/')) return invalid('has something after the server and port');
	let auth: MailConfig['auth'];
	try {
		const user = decodeURIComponent(url.username);
		const pass = decodeURIComponent(url.password);
		if (user || pass) auth = { user, pass };
	} catch {
		return invalid('has a user name or password that is not correctly percent-encoded');
	}
	const secure = url.protocol === 'smtps:';
	return {
		host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
		port: url.port ? Number(url.port) : secure ? 465 : 587,
		secure,
		requireTls: !secure && !LOOPBACK.test(url.hostname),
		auth,
	};
}

function readFrom(value: string | undefined, problems: MailConfigProblem[]): string | undefined {
	const variable = 'BLASON_MAIL_FROM';
	const hint = 'write the association\'s sending address, with its name if you like: "Passerelles Jeunesse" <badges@…>';
	if (!value?.trim()) {
		problems.push({ code: 'ERR_NOTIFY_CONFIG_MISSING', variable, message: 'BLASON_MAIL_FROM is not set: the sender of the e-mails', hint });
		return undefined;
	}
	const parsed = /[\r\n]/.test(value) ? [] : addressparser(value.trim());
	const one = parsed.length === 1 ? parsed[0]! : undefined;
	if (one?.address === undefined || !FULL_EMAIL.test(one.address)) {
		problems.push({ code: 'ERR_NOTIFY_CONFIG_FROM', variable, message: 'BLASON_MAIL_FROM is not one sender address (not repeated here)', hint });
		return undefined;
	}
	return value.trim();
}

/**
 * The strings of a configuration that must never be printed (the password, and the user name,
 * often an address), to strip from a server's error messages.
 */
export function secretsOf(config: MailConfig): string[] {
	return [config.auth?.pass, config.auth?.user].filter((s): s is string => s !== undefined && s.length >= 3);
}
