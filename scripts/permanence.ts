/** npm run permanence -- --base <ref> [--head <ref>] — see src/lib/cli/permanence-command.ts. */
import { runPermanence } from '../src/lib/cli/permanence-command.ts';

process.exitCode = await runPermanence(process.argv.slice(2));
