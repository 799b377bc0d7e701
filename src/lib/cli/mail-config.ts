import { readMailConfig, type MailConfig } from '../notify/index.ts';
import { CommandError, EXIT_USAGE, type CommandIo } from './command.ts';

/**
 * The SMTP configuration of a command that sends e-mails, or a usage error listing every problem
 * with it (the command then stops before doing anything). Says so when certificates are not checked.
 */
export function mailConfig(env: NodeJS.ProcessEnv, io: CommandIo, nothingDone: string): MailConfig {
	const { config, problems } = readMailConfig(env);
	if (problems) {
		for (const p of problems.slice(0, -1)) io.err(`✗ ${p.message} — ${p.hint}`);
		const last = problems.at(-1)!;
		throw new CommandError(last.code, `${last.message}: ${nothingDone}`, {
			hint: `${last.hint} (README: Notifying recipients)`,
			exitCode: EXIT_USAGE,
		});
	}
	if (!config.rejectUnauthorized) {
		io.out('note: BLASON_SMTP_TLS_REJECT_UNAUTHORIZED=false: the SMTP server\'s certificate is not checked — only for tests and self-signed servers');
	}
	return config;
}
