import { parseDocument } from 'yaml';
import { git, readFilesAt } from './git.ts';

export interface AwardRecord {
	id: string;
	badge?: string;
	file: string;
	/** Undefined when the file is not valid YAML and only the id could be found. */
	revoked?: boolean;
	/** Its recipient file was erased (`erased:` at its top level); undefined as for `revoked`. */
	erased?: boolean;
}

const RECIPIENT_FILE = /^recipients\/[^/]+\.ya?ml$/;

/**
 * Every award listed in recipients/ at a revision, read straight from Git (no checkout).
 * Files that do not parse contribute what they can: this runs on branches that `check` has
 * not accepted yet, and must not miss an award because a neighbour has a typo.
 */
export function awardsAt(cwd: string, rev: string): Map<string, AwardRecord> {
	const files = git(cwd, ['ls-tree', '-r', '-z', '--name-only', rev, '--', 'recipients/'])
		.split('\0')
		.filter((f) => RECIPIENT_FILE.test(f));
	const awards = new Map<string, AwardRecord>();
	for (const [file, text] of readFilesAt(cwd, rev, files)) {
		const doc = parseDocument(text, { schema: 'core' });
		if (doc.errors.length > 0) {
			for (const m of text.matchAll(/^[\s-]*id:\s*["']?([0-9a-z]{8,32})["']?\s*(?:#.*)?$/gm)) awards.set(m[1]!, { id: m[1]!, file });
			continue;
		}
		const data = doc.toJS() as { awards?: unknown; erased?: unknown } | null;
		const list = Array.isArray(data?.awards) ? data.awards : [];
		const erased = !!data?.erased;
		for (const a of list as Record<string, unknown>[]) {
			if (!a || typeof a.id !== 'string') continue;
			awards.set(a.id, { id: a.id, ...(typeof a.badge === 'string' ? { badge: a.badge } : {}), file, revoked: !!a.revoked, erased });
		}
	}
	return awards;
}
