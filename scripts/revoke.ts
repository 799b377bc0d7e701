/**
 * npm run revoke -- <award-id> --reason "…" [--date YYYY-MM-DD] [--root DIR]
 * Marks an award as revoked in its recipient file; the award keeps its URL. The reason is published.
 * Exit code 1 when the content refuses the change, 2 for a mistake in the command line.
 */
import { runRevoke } from '../src/lib/cli/revoke-command.ts';

process.exitCode = await runRevoke(process.argv.slice(2));
