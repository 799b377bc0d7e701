/**
 * Parsed YAML from earlier runs, keyed by a hash of the exact text: parsing 5,000 recipient files
 * is a third of `npm run check` at 10,000 awards, and most of them never change. Only the data is
 * kept; the line of a field, needed only to report a problem, comes from parsing the text again
 * at that moment (yaml-source.ts). Lives in the git-ignored .blason/cache; deleting it is safe.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import yamlPackage from 'yaml/package.json' with { type: 'json' };
import path from 'node:path';
import { writeFileAtomicSync } from '../write-file-atomic.ts';

// The parser's version is part of the format: another version may read the same text differently.
const FORMAT = `blason-yaml-cache 1 yaml ${yamlPackage.version}`;

export class ParseCache {
	private readonly file: string;
	private readonly entries: Map<string, string>;
	private readonly used = new Set<string>();
	private added = 0;

	private constructor(file: string, entries: Map<string, string>) {
		this.file = file;
		this.entries = entries;
	}

	static open(file: string): ParseCache {
		try {
			const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: string; entries?: Record<string, string> };
			if (data.format === FORMAT && data.entries) return new ParseCache(file, new Map(Object.entries(data.entries)));
		} catch {
			// absent or damaged: parse everything
		}
		return new ParseCache(file, new Map());
	}

	static key = (text: string, lineOffset: number) => createHash('sha256').update(`${lineOffset}\0${text}`).digest('base64url');

	/** The data of `key` as JSON text, when an earlier run parsed the same text. */
	get(key: string): string | undefined {
		const json = this.entries.get(key);
		if (json !== undefined) this.used.add(key);
		return json;
	}

	set(key: string, json: string): void {
		this.entries.set(key, json);
		this.used.add(key);
		this.added++;
	}

	/** Writes what this run used, when that differs from what was read. */
	save(): void {
		if (this.added === 0 && this.used.size === this.entries.size) return;
		const entries = Object.fromEntries([...this.used].map((k) => [k, this.entries.get(k)!]));
		mkdirSync(path.dirname(this.file), { recursive: true });
		writeFileAtomicSync(this.file, JSON.stringify({ format: FORMAT, entries }));
	}
}

/** `data` as JSON, or undefined when JSON would not give it back as it is (NaN, ±Infinity). */
export function exactJson(data: unknown): string | undefined {
	let exact = true;
	const json = JSON.stringify(data, (_, v: unknown) => {
		if (typeof v === 'number' && !Number.isFinite(v)) exact = false;
		return v;
	});
	return exact ? json : undefined;
}
