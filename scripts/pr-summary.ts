/** npm run pr-summary -- --base <ref> [--dry-run] — see src/lib/cli/pr-summary-command.ts. */
import { runPrSummary } from '../src/lib/cli/pr-summary-command.ts';

process.exitCode = await runPrSummary(process.argv.slice(2));
