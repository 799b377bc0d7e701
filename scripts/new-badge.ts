/**
 * npm run new-badge -- --name "…" --description "…" --type <type> [--slug SLUG] [--tags a,b]
 *                      [--validity P2Y] [--image FILE] [--image-alt "…"] [--root DIR]
 * Scaffolds badges/<slug>/ (badge.md and its artwork); asks for missing values in a terminal.
 * Exit code 1 when the content refuses the change, 2 for a mistake in the command line.
 */
import { runNewBadge } from '../src/lib/cli/new-badge-command.ts';

process.exitCode = await runNewBadge(process.argv.slice(2));
