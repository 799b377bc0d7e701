/**
 * npm run check — validates the association's content and reports every problem at once.
 * Exit code 1 when there are errors. In GitHub Actions, problems are also annotations.
 */
import { runCheck } from '../src/lib/cli/check-command.ts';

process.exitCode = await runCheck(process.argv.slice(2));
