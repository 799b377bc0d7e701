/**
 * npm run notify -- <award-id> --email <address> [--root DIR]
 * Sends the award e-mail of `npm run award -- … --notify` again, for one award, if the address
 * matches the recipient's hash. SMTP settings: BLASON_SMTP_URL and BLASON_MAIL_FROM.
 * Exit code 1 when it is refused or not sent, 2 for a mistake in the command line or the settings.
 */
import { runNotify } from '../src/lib/cli/notify-command.ts';

process.exitCode = await runNotify(process.argv.slice(2));
