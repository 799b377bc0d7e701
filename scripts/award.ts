/**
 * npm run award -- --badge <slug> --email <address> [--name "…" --consent] [--narrative "…"] [--evidence-url URL] [--date YYYY-MM-DD]
 * npm run award -- --csv FILE [--badge <slug>] [--date YYYY-MM-DD]        (both: [--dry-run] [--notify] [--root DIR])
 * Awards a badge, or one per row of a CSV file, in recipients/; the e-mail address is only hashed.
 * Exit code 1 when an award is refused (nothing is written), 2 for a mistake in the command line.
 */
import { runAward } from '../src/lib/cli/award-command.ts';

process.exitCode = await runAward(process.argv.slice(2));
