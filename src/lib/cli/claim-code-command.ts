/**
 * npm run claim-code -- <badge> [<code>] [--root DIR]
 *
 * Prints the `claimCode:` line to paste in badges/<badge>/badge.md: the hash of the code, salted
 * with the badge. Without a code, draws a new one and prints it too. The code itself is written
 * nowhere: hand it out at the event; a badge request that gives it becomes a pull request on its
 * own. Once used in a public issue it is public: remove the line after the event.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CLAIM_CODE_MIN_LENGTH, claimCodeHash, newClaimCode, normaliseClaimCode } from '../awarding/claim-code.ts';
import { SLUG } from '../content/read-context.ts';
import { didYouMean } from '../suggest.ts';
import { contentRoot } from './args.ts';
import { CommandError, consoleIo, EXIT_USAGE, parseOptions, runCommand, type CommandIo } from './command.ts';

const USAGE = 'usage: npm run claim-code -- <badge> [<code>] [--root DIR] (without a code, one is drawn)';

export function runClaimCode(args: readonly string[], io: CommandIo = consoleIo): Promise<number> {
	return runCommand(io, async () => {
		const { values, positionals } = parseOptions(args, ['root'], USAGE);
		const [badge, given, ...extra] = positionals;
		if (!badge) throw new CommandError('ERR_USAGE', 'which badge? give its slug (the name of its folder in badges/)', { hint: USAGE, exitCode: EXIT_USAGE });
		if (extra.length) throw new CommandError('ERR_USAGE', `unexpected argument "${extra[0]}"`, { hint: 'a code of several words goes in quotes, or without spaces', exitCode: EXIT_USAGE });
		const root = contentRoot(values.root ? ['--root', values.root] : []);
		if (!SLUG.test(badge) || !(await stat(path.join(root, 'badges', badge, 'badge.md')).then((s) => s.isFile(), () => false))) {
			const slugs = await readdir(path.join(root, 'badges')).catch(() => [] as string[]);
			throw new CommandError('ERR_UNKNOWN_BADGE', `there is no badge "${badge}" (no badges/${badge}/badge.md)`, {
				hint: didYouMean(badge, slugs) ?? `existing badges: ${slugs.sort().join(', ') || 'none yet'}`,
			});
		}
		const code = given ?? newClaimCode();
		if (normaliseClaimCode(code).length < CLAIM_CODE_MIN_LENGTH) {
			throw new CommandError('ERR_CLAIM_CODE_SHORT', `a claim code needs at least ${CLAIM_CODE_MIN_LENGTH} letters or digits (spaces and hyphens do not count)`, {
				hint: 'its hash is public, so a short code could be found by trying them all: leave the code out and one is drawn for you',
			});
		}
		if (given === undefined) io.out(`Code : ${code}   (à donner aux participant·es / hand it out at the event)`);
		io.out(`Ajoutez cette ligne dans badges/${badge}/badge.md, entre les deux lignes --- / add this line to its front matter:`);
		io.out('');
		io.out(`claimCode: "${claimCodeHash(code, badge)}"`);
		io.out('');
		io.out('Le code devient public dès qu\'il est utilisé dans une demande : retirez cette ligne après l\'événement. / The code is public once used in a request: remove the line after the event.');
		return 0;
	});
}
