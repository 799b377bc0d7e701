/**
 * Sends award messages over SMTP with nodemailer, one connection for a whole batch. Nothing is
 * logged: nodemailer's logger stays off, so no address reaches a log, and a server's error is
 * returned with every address and the credentials stripped, ready to print.
 */
import { createTransport } from 'nodemailer';
import { EMAIL_PATTERN } from '../identity.ts';
import { secretsOf, type MailConfig } from './config.ts';
import type { MailMessage } from './message.ts';

export interface Mailer {
	/** Sends one message to one address; rejects with a {@link SendFailure}. */
	send(to: string, message: MailMessage): Promise<void>;
	/** Closes the connection. */
	close(): void;
}

/** Why a message was not sent, safe to print: no address, no password. */
export class SendFailure extends Error {
	/** nodemailer's code (`ECONNECTION`, `EAUTH`, `EENVELOPE`…), when it gave one. */
	readonly code: string | undefined;
	/**
	 * The server or the connection failed, not this one message: the next ones would fail the same
	 * way (refused connection, login, TLS). A rejected recipient is not fatal.
	 */
	readonly fatal: boolean;

	constructor(message: string, code: string | undefined, fatal: boolean) {
		super(message);
		this.name = 'SendFailure';
		this.code = code;
		this.fatal = fatal;
	}
}

/** Failures of one message: the server refused its recipient or its content. */
const MESSAGE_CODES = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * A mailer for a checked configuration.
 *
 * @example
 * const mailer = createMailer(config);
 * try { await mailer.send('lea@example.org', awardMessage(…)); } finally { mailer.close(); }
 */
export function createMailer(config: MailConfig): Mailer {
	const transport = createTransport({
		pool: true,
		// One connection, reused: a batch of awards is a few hundred messages at most, and providers
		// limit parallel connections.
		maxConnections: 1,
		host: config.host,
		port: config.port,
		secure: config.secure,
		requireTLS: config.requireTls,
		...(config.auth ? { auth: config.auth } : {}),
		tls: { rejectUnauthorized: config.rejectUnauthorized },
		connectionTimeout: 30_000,
		greetingTimeout: 30_000,
		socketTimeout: 60_000,
		logger: false,
		debug: false,
		// The messages are built here: they never attach a file or a URL.
		disableFileAccess: true,
		disableUrlAccess: true,
	});
	const secrets = secretsOf(config);
	return {
		async send(to, message) {
			try {
				await transport.sendMail({
					from: config.from,
					to,
					subject: message.subject,
					text: message.text,
					html: message.html,
					headers: { 'Content-Language': 'fr, en', 'Auto-Submitted': 'auto-generated' },
				});
			} catch (e) {
				throw failure(e, secrets);
			}
		},
		close: () => transport.close(),
	};
}

function failure(e: unknown, secrets: readonly string[]): SendFailure {
	const error = e as { code?: unknown; message?: unknown; response?: unknown };
	const code = typeof error.code === 'string' ? error.code : undefined;
	// The server's reply says the most ("550 5.1.1 … mailbox unavailable"); else nodemailer's message.
	const text = typeof error.response === 'string' && error.response ? error.response : String(error.message ?? e);
	return new SendFailure(clean(text, secrets), code, !code || !MESSAGE_CODES.has(code));
}

/** A server's reply without any address (servers often quote the recipient) or credential. */
function clean(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const s of secrets) out = out.split(s).join('[redacted]');
	return out.replace(new RegExp(EMAIL_PATTERN.source, 'g'), '[address]').replace(/\s+/g, ' ').trim();
}
