/**
 * npm run permanence -- --base <ref> [--head <ref>]
 * Fails when the head revision removes, renumbers, re-badges or un-revokes an award published
 * at the base revision (a pull request's target branch). Used by the pull-request workflow.
 */
import { GitError } from '../git/git.ts';
import { checkPermanence } from '../git/permanence.ts';
import { formatAnnotation, formatProblem, sortProblems } from '../problems.ts';
import { contentRoot } from './args.ts';
import { CommandError, consoleIo, EXIT_USAGE, parseOptions, runCommand, type CommandIo } from './command.ts';

const USAGE = 'usage: npm run permanence -- --base <branch or commit> [--head <branch or commit>] [--root DIR]';

export function runPermanence(args: readonly string[], io: CommandIo = consoleIo): Promise<number> {
	return runCommand(io, async () => {
		const { values } = parseOptions(args, ['base', 'head', 'root'], USAGE);
		if (!values.base) throw new CommandError('ERR_USAGE', '--base is required', { hint: USAGE, exitCode: EXIT_USAGE });
		const root = contentRoot(values.root ? ['--root', values.root] : []);
		let problems;
		try {
			problems = sortProblems(checkPermanence(root, values.base, values.head ?? 'HEAD'));
		} catch (e) {
			if (!(e instanceof GitError)) throw e;
			throw new CommandError('ERR_GIT', `cannot compare ${values.base} and ${values.head ?? 'HEAD'}: ${e.message}`, {
				hint: 'run it inside the badges repository, with the full history (in GitHub Actions: actions/checkout with fetch-depth: 0)',
			});
		}
		for (const p of problems) io.err(formatProblem(p));
		if (process.env.GITHUB_ACTIONS === 'true') for (const p of problems) io.out(formatAnnotation(p));
		if (problems.length) {
			io.err(`\n✗ ${problems.length} award(s) published on ${values.base} would lose their URL or their meaning — see above.`);
			return 1;
		}
		io.out(`✓ Permanence: every award published on ${values.base} is still there / every published award is kept.`);
		return 0;
	});
}
