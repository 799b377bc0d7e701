/**
 * npm run verify — verifies an Open Badge 2.0 or 3.0 (image, JSON, JWT, URL or award id) and
 * prints a summary, or the result as JSON with --json. Exit code 0 only when the badge is valid.
 */
import { runVerify } from '../src/lib/cli/verify-command.ts';

process.exitCode = await runVerify(process.argv.slice(2));
