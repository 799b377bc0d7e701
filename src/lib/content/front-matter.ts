import type { Problem } from '../problems.ts';

/** Splits `---` YAML front matter from a Markdown body, keeping track of line numbers. */
export function splitFrontMatter(
	text: string,
	file: string,
): { yaml: string; body: string; yamlFirstLine: number } | { problem: Problem } {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines[0]?.trim() !== '---') {
		return {
			problem: {
				code: 'ERR_FRONT_MATTER_MISSING',
				severity: 'error',
				file,
				line: 1,
				message: 'the file must start with a "---" line, then the badge fields, then another "---" line',
				hint: 'see badges/*/badge.md in the README for an example',
			},
		};
	}
	const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
	if (end === -1) {
		return {
			problem: {
				code: 'ERR_FRONT_MATTER_UNCLOSED',
				severity: 'error',
				file,
				line: 1,
				message: 'the front matter opened on line 1 is never closed',
				hint: 'add a line with only "---" after the last field, before the criteria text',
			},
		};
	}
	return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n').trim(), yamlFirstLine: 2 };
}
