/**
 * npm run erase -- <recipient> [--date YYYY-MM-DD] [--dry-run] [--root DIR]
 * Erases a person's data on request (GDPR): their recipient file becomes a tombstone that keeps
 * each award's id, badge and date, so that the award URLs answer "withdrawn" instead of 404.
 * Exit code 1 when the content refuses the change, 2 for a mistake in the command line.
 */
import { runErase } from '../src/lib/cli/erase-command.ts';

process.exitCode = await runErase(process.argv.slice(2));
