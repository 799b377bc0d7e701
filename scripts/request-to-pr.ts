/** npm run request-to-pr — see src/lib/cli/request-to-pr-command.ts (badge-request workflow). */
import { runRequestToPr } from '../src/lib/cli/request-to-pr-command.ts';

process.exitCode = await runRequestToPr(process.argv.slice(2));
