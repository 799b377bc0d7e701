/**
 * npm run keys -- generate [--id ID] [--root DIR]   new signing key: public parts into keys.yaml,
 *                                                   the secret printed once, for BLASON_SIGNING_KEY
 * npm run keys -- list [--root DIR]                 the published keys and their status
 * Exit code 1 when the content refuses the change, 2 for a mistake in the command line.
 */
import { runKeys } from '../src/lib/cli/keys-command.ts';

process.exitCode = await runKeys(process.argv.slice(2));
