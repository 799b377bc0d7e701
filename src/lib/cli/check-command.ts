import { loadSite, type LoadResult } from '../content/load-site.ts';
import { formatAnnotation, formatProblem, sortProblems } from '../problems.ts';
import { renderHelp, wantsHelp } from './help.ts';
import { contentRoot } from './args.ts';

export interface CheckOutput {
	out: (line: string) => void;
	err: (line: string) => void;
}

const defaultOutput: CheckOutput = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Prints every problem, a summary line, and GitHub annotations when run in Actions. Returns the exit code. */
export function reportProblems(result: LoadResult, io: CheckOutput = defaultOutput): number {
	const problems = sortProblems(result.problems);
	const errors = problems.filter((p) => p.severity === 'error').length;
	const warnings = problems.length - errors;
	for (const p of problems) (p.severity === 'error' ? io.err : io.out)(formatProblem(p));
	if (process.env.GITHUB_ACTIONS === 'true') for (const p of problems) io.out(formatAnnotation(p));
	if (errors > 0) {
		io.err(`\n✗ ${errors} erreur${errors > 1 ? 's' : ''} / error${errors > 1 ? 's' : ''}${warnings ? `, ${warnings} avertissement(s) / warning(s)` : ''} — nothing was built. Fix the lines above and run the command again.`);
		return 1;
	}
	return 0;
}

export async function runCheck(args: readonly string[], io: CheckOutput = defaultOutput): Promise<number> {
	if (wantsHelp(args)) {
		io.out(renderHelp('usage: npm run check [-- --root DIR]'));
		return 0;
	}
	const root = contentRoot(args);
	const result = await loadSite(root);
	const code = reportProblems(result, io);
	if (code === 0 && result.site) {
		const { site } = result;
		io.out(`✓ Contenu valide / content is valid: ${site.badges.size} badges, ${site.recipients.size} recipients, ${site.awards.length} awards${result.problems.length ? `, ${result.problems.length} warning(s)` : ''}.`);
	}
	return code;
}
