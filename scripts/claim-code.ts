/** npm run claim-code -- <badge> [<code>] — see src/lib/cli/claim-code-command.ts. */
import { runClaimCode } from '../src/lib/cli/claim-code-command.ts';

process.exitCode = await runClaimCode(process.argv.slice(2));
