import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir, ensureBlasonDir } from '../blason-dir.ts';
import { ParseCache } from './parse-cache.ts';
import type { Problem } from '../problems.ts';
import { listRepositoryFiles } from './files.ts';
import { loadBadges } from './load-badges.ts';
import { loadIssuer } from './load-issuer.ts';
import { loadKeys } from './load-keys.ts';
import { loadRecipients } from './load-recipients.ts';
import type { Site } from './model.ts';
import type { RawFile } from './read-context.ts';
import { findPrivateKeys } from './secrets.ts';

// Every other file is scanned for keys if it reads as UTF-8: a secret pasted into notes.rtf or
// workflow.bak leaks just the same.
const BINARY_EXTENSIONS = /\.(png|jpe?g|gif|webp|avif|ico|bmp|tiff?|pdf|zip|gz|tgz|bz2|xz|7z|rar|woff2?|ttf|otf|eot|mp[34]|m4a|ogg|wav|webm|mov|avi|wasm|node|so|dylib|dll|exe|sqlite|db)$/i;
/** Deliberately broken example sites for the test suite; they are never published. */
const FIXTURE_DIR = /(^|\/)test\/fixtures\//;

export interface LoadResult {
	/** Present when the content is good enough to build (no errors). */
	site?: Site;
	problems: Problem[];
	/** Number of files read, for the summary. */
	files: number;
}

/**
 * Reads and checks the whole content of an association repository: issuer.yaml, badges/, recipients/,
 * keys.yaml.
 * Never throws for a content mistake: every problem of every file is collected and returned.
 */
export async function loadSite(
	root: string,
	/** `cache`: keep parsed YAML in .blason/cache for the next run (the commands; not the dev server). */
	options: { now?: Date; cache?: boolean } = {},
): Promise<LoadResult> {
	const problems: Problem[] = [];
	if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
		problems.push({
			code: 'ERR_ROOT_MISSING',
			severity: 'error',
			file: root,
			message: 'this content folder does not exist',
			hint: 'run the command from your badges repository, or give its folder with --root',
		});
		return { problems, files: 0 };
	}
	const all = await listRepositoryFiles(root);
	const read = async (rel: string): Promise<RawFile> => {
		try {
			const bytes = new Uint8Array(await readFile(path.join(root, rel)));
			return { rel, bytes };
		} catch (e) {
			problems.push({
				code: 'ERR_FILE_UNREADABLE',
				severity: 'error',
				file: rel,
				message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
				hint: 'check that it exists and that its permissions allow reading it',
			});
			return { rel };
		}
	};
	const asText = (f: RawFile) => (f.bytes ? decodeText(f.bytes) : undefined);

	// Private keys, anywhere in what would be committed.
	const textFiles = all.filter((f) => !BINARY_EXTENSIONS.test(f) && !FIXTURE_DIR.test(f));
	const texts = await Promise.all(textFiles.map(read));
	for (const f of texts) {
		const t = asText(f);
		if (t !== undefined && t.length < 2_000_000) problems.push(...findPrivateKeys(t, f.rel));
	}
	const textByPath = new Map(texts.map((f) => [f.rel, asText(f)]));
	const getText = async (rel: string) => (textByPath.has(rel) ? textByPath.get(rel) : asText(await read(rel)));

	const issuer = await loadIssuer(all, getText, read, problems);
	const badges = await loadBadges(all, getText, read, problems, issuer?.language);
	const cache = options.cache ? ParseCache.open(path.join(cacheDir(root), 'yaml.json')) : undefined;
	const { recipients, awards } = await loadRecipients(all, getText, badges, problems, options.now ?? new Date(), cache);
	if (cache) {
		ensureBlasonDir(root);
		cache.save();
	}
	const keys = await loadKeys(all, getText, problems);

	const hasError = problems.some((p) => p.severity === 'error');
	return {
		...(hasError || !issuer ? {} : { site: { root, issuer, badges, recipients, awards, keys } }),
		problems,
		files: all.length,
	};
}

function decodeText(bytes: Uint8Array): string | undefined {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return undefined;
	}
}
