/**
 * A problem found in the association's content. Problems are collected, never thrown,
 * so that one run of `npm run check` reports every mistake at once.
 */
export interface Problem {
	/** Stable machine code, e.g. `ERR_AWARD_UNKNOWN_BADGE`. Tests assert on it. */
	code: string;
	severity: 'error' | 'warning';
	/** Path relative to the content root, with forward slashes. */
	file: string;
	/** 1-based line, when it could be found. */
	line?: number | undefined;
	/** Dotted path of the field inside the file, e.g. `awards.0.badge`. */
	field?: string | undefined;
	message: string;
	/** What to do about it. */
	hint?: string | undefined;
}

export function formatProblem(p: Problem): string {
	const where = p.line ? `${p.file}:${p.line}` : p.file;
	const field = p.field ? ` ${p.field}:` : '';
	const level = p.severity === 'warning' ? ' (avertissement / warning)' : '';
	const hint = p.hint ? ` — ${p.hint}` : '';
	return `${where}${field} ${p.message}${hint}${level}`;
}

/** GitHub Actions workflow command, escaped as actions/toolkit does for properties and data. */
export function formatAnnotation(p: Problem): string {
	const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
	const props = [`file=${escProp(p.file)}`];
	if (p.line) props.push(`line=${p.line}`);
	props.push(`title=${escProp(p.code)}`);
	const text = `${p.field ? `${p.field}: ` : ''}${p.message}${p.hint ? ` — ${p.hint}` : ''}`;
	return `::${p.severity === 'warning' ? 'warning' : 'error'} ${props.join(',')}::${esc(text)}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message),
	);
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');
