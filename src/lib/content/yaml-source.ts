import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Problem } from '../problems.ts';
import { exactJson, ParseCache } from './parse-cache.ts';

/** A parsed YAML document that can tell on which line any field sits. */
export interface YamlSource {
	data: unknown;
	/** 1-based line of the value at `path`, or of its nearest existing parent. */
	lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parses YAML text, reporting syntax errors as problems with their line.
 * `lineOffset` is added to every line, for front matter that starts below a `---` line.
 */
export function parseYamlSource(
	text: string,
	file: string,
	lineOffset = 0,
	cache?: ParseCache,
): { source?: YamlSource; problems: Problem[] } {
	if (cache) {
		const key = ParseCache.key(text, lineOffset);
		const json = cache.get(key);
		if (json !== undefined) {
			// Text that parsed cleanly before: lines are looked up, by parsing it again, only if asked.
			let parsed: YamlSource | undefined;
			return { source: { data: JSON.parse(json), lineOf: (path) => (parsed ??= parseYamlSource(text, file, lineOffset).source!).lineOf(path) }, problems: [] };
		}
		const result = parseYamlSource(text, file, lineOffset);
		const exact = result.source && exactJson(result.source.data);
		if (exact !== undefined) cache.set(key, exact);
		return result;
	}
	const lineCounter = new LineCounter();
	// Core schema: YAML 1.2 keeps 2026-03-14 a string, so dates are never silently converted.
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
	const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
	if (doc.errors.length > 0) {
		// One mistake often cascades into several parser errors on the same line: report the first.
		const firstPerLine = doc.errors.filter((e, i) => doc.errors.findIndex((f) => lineAt(f.pos[0]) === lineAt(e.pos[0])) === i);
		return {
			problems: firstPerLine.map((e) => ({
				code: 'ERR_YAML_SYNTAX',
				severity: 'error' as const,
				file,
				line: lineAt(e.pos[0]),
				message: `YAML syntax error: ${firstLine(e.message)}`,
				hint: yamlHint(e.code, e.message),
			})),
		};
	}
	// A field's line is the line of its key: that is where an author looks for it.
	const lineOf: YamlSource['lineOf'] = (path) => {
		let node: Node | null | undefined = doc.contents as Node | null;
		let line = node?.range ? lineAt(node.range[0]) : undefined;
		for (const key of path) {
			if (isMap(node)) {
				const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
				if (!pair) return line;
				const keyNode = pair.key as Node | null;
				if (keyNode?.range) line = lineAt(keyNode.range[0]);
				node = pair.value as Node | null;
			} else if (isSeq(node) && typeof key === 'number') {
				const item = node.items[key] as Node | undefined;
				if (!item?.range) return line;
				line = lineAt(item.range[0]);
				node = item;
			} else return line;
		}
		return line;
	};
	return { source: { data: doc.toJS({ maxAliasCount: 100 }), lineOf }, problems: [] };
}

const firstLine = (s: string) => s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

function yamlHint(code: string, message: string): string {
	if (/quote/i.test(message)) return 'a quote opened on this line or above is never closed: add the closing quote';
	switch (code) {
		case 'DUPLICATE_KEY':
			return 'a field appears twice: keep only one';
		case 'TAB_AS_INDENT':
			return 'indent with spaces, not tabs';
		case 'BLOCK_AS_IMPLICIT_KEY':
			return 'text that contains ": " must be wrapped in quotes, e.g. description: "Association : jeunesse"';
		case 'BAD_INDENT':
		case 'MISSING_CHAR':
		case 'MULTILINE_IMPLICIT_KEY':
			return 'check the indentation: fields of the same item start in the same column, indented with spaces';
		default:
			return 'text containing ": " or " #" must be wrapped in quotes';
	}
}
