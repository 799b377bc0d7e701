/**
 * The audit trail: when each award was issued, revoked or erased, by which commit, who proposed
 * it and who merged it, read from the Git history of recipients/. Only names are kept, never
 * e-mail addresses (commit e-mails would otherwise end up on the public site).
 *
 * The history is read along the first-parent line of the current branch, so that a change merged
 * from a pull request counts once, at its merge: that is when it was published. A merge commit's
 * second parent tells who wrote the change, the merge itself who accepted it, and GitHub's
 * "Merge pull request #N" subject gives the pull request.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { writeFileAtomicSync } from '../write-file-atomic.ts';
import { git, GitError, readObjects } from './git.ts';

export type AuditKind = 'issued' | 'revoked' | 'erased';

export interface AuditEvent {
	kind: AuditKind;
	awardId: string;
	/** ISO date-time of the commit on the published branch. */
	date: string;
	commit: string;
	/** Who wrote the change (author of the pull request's last commit, or of the commit). */
	author: string;
	/** Who merged it, when the change came through a merge commit. */
	mergedBy?: string;
	pullRequest?: number;
	/** An "Approved-by:" or "Reviewed-by:" trailer of the merge commit, when there is one. */
	approvedBy?: string;
	/** Revocation reason, for `revoked`. */
	reason?: string;
}

export interface History {
	/** False when there is no Git history (a tarball): pages say so instead of inventing one. */
	available: boolean;
	events: AuditEvent[];
}

const RECIPIENT_FILE = /^recipients\/[^/]+\.ya?ml$/;
const SEP = '\u001e';

interface AwardState {
	revoked?: string;
	erased: boolean;
}

function awardStates(text: string | undefined): Map<string, AwardState> {
	const states = new Map<string, AwardState>();
	if (text === undefined) return states;
	const doc = parseDocument(text, { schema: 'core' });
	if (doc.errors.length) return states;
	const data = doc.toJS() as { awards?: unknown; erased?: unknown } | null;
	const erased = !!data && typeof data === 'object' && 'erased' in data && !!data.erased;
	for (const a of (Array.isArray(data?.awards) ? data.awards : []) as Record<string, unknown>[]) {
		if (!a || typeof a.id !== 'string') continue;
		const revoked = a.revoked as { reason?: unknown } | undefined;
		states.set(a.id, { ...(revoked && typeof revoked.reason === 'string' ? { revoked: revoked.reason } : {}), erased });
	}
	return states;
}

/**
 * The audit trail of the repository at `cwd`. With a `cacheFile`, the events found up to the last
 * commit read are kept there, and only the commits since are read again (a history rewritten
 * since is read whole).
 */
export function readHistory(cwd: string, cacheFile?: string): History {
	let log: string;
	let head: string;
	let prefix: string;
	let since: CachedHistory | undefined;
	try {
		// One process for the four answers, in the order asked (--show-prefix prints an empty line at the top).
		const [inside, shallow, shownPrefix = '', headCommit = ''] = git(cwd, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix', 'HEAD']).split('\n');
		if (inside !== 'true' || shallow === 'true') return { available: false, events: [] };
		head = headCommit.trim();
		prefix = shownPrefix.trim();
		const cached = cacheFile ? readCache(cacheFile, prefix) : undefined;
		if (cached?.head === head) return { available: true, events: cached.events };
		if (cached && git(cwd, ['rev-list', '--first-parent', 'HEAD']).split('\n').includes(cached.head)) since = cached;
		// --raw gives each changed file's blob before and after the commit: no path has to be looked
		// up in a tree, which for a commit touching thousands of recipient files took seconds.
		log = git(cwd, [
			'log', '--first-parent', '--diff-merges=first-parent', '--reverse', '--raw', '--no-abbrev', '--no-renames', '-z',
			`--format=${SEP}%H%x00%P%x00%aN%x00%cI%x00%s%x00%(trailers:key=Approved-by,key=Reviewed-by,valueonly,separator=%x2C)`,
			...(since ? [`${since.head}..HEAD`] : []),
			'--', 'recipients/',
		]);
	} catch (e) {
		if (e instanceof GitError) return { available: false, events: [] };
		throw e;
	}
	const commits = log.split(SEP).filter(Boolean).map((entry) => parseCommit(entry, prefix)).filter((c) => c.files.length > 0);
	// One process for all the file versions and one for the authors of merged branches, rather
	// than several per commit.
	const blobs = readBlobs(cwd, commits.flatMap((c) => c.files.flatMap((f) => [f.before, f.after])));
	const secondParents = [...new Set(commits.flatMap((c) => (c.second ? [c.second] : [])))];
	const authors = new Map<string, string>();
	if (secondParents.length) {
		for (const line of git(cwd, ['log', '--no-walk=unsorted', '--format=%H%x00%aN', ...secondParents]).split('\n')) {
			const [hash, name] = line.split('\0');
			if (hash && name !== undefined) authors.set(hash, name);
		}
	}
	const states = new Map<string, Map<string, AwardState>>();
	const statesOf = (blob: string | undefined) => {
		if (!blob) return new Map<string, AwardState>();
		let s = states.get(blob);
		if (!s) states.set(blob, (s = awardStates(blobs.get(blob))));
		return s;
	};

	const events: AuditEvent[] = since ? [...since.events] : [];
	const issued = new Set(events.filter((e) => e.kind === 'issued').map((e) => e.awardId));
	for (const c of commits) {
		const pr = /^Merge pull request #(\d+)/.exec(c.subject);
		const base = {
			date: new Date(c.date).toISOString().replace(/\.\d{3}Z$/, 'Z'),
			commit: c.hash,
			author: c.second ? (authors.get(c.second) ?? c.authorName) : c.authorName,
			...(c.second ? { mergedBy: c.authorName } : {}),
			...(pr ? { pullRequest: Number(pr[1]) } : {}),
			...(c.trailers.trim() ? { approvedBy: c.trailers.trim() } : {}),
		};
		// An award moved from one file to another is neither issued nor erased: compare across all files.
		const was = new Map<string, AwardState>();
		const now = new Map<string, AwardState>();
		for (const f of c.files) {
			for (const [id, s] of statesOf(f.before)) was.set(id, s);
			for (const [id, s] of statesOf(f.after)) now.set(id, s);
		}
		const found: AuditEvent[] = [];
		for (const [id, s] of now) {
			const old = was.get(id);
			if (!old && !issued.has(id)) found.push({ kind: 'issued', awardId: id, ...base });
			if (s.revoked !== undefined && old?.revoked === undefined) found.push({ kind: 'revoked', awardId: id, ...base, reason: s.revoked });
			if (s.erased && !old?.erased) found.push({ kind: 'erased', awardId: id, ...base });
		}
		for (const e of found) if (e.kind === 'issued') issued.add(e.awardId);
		// Within one commit, a stable order that does not depend on file names.
		events.push(...found.sort((a, b) => a.awardId.localeCompare(b.awardId) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)));
	}
	if (cacheFile) writeCache(cacheFile, { version: CACHE_VERSION, prefix, head, events });
	return { available: true, events };
}

const CACHE_VERSION = 1;

interface CachedHistory {
	version: number;
	/** Where the content sits in the repository (`git rev-parse --show-prefix`). */
	prefix: string;
	/** The last commit read. */
	head: string;
	events: AuditEvent[];
}

function readCache(file: string, prefix: string): CachedHistory | undefined {
	try {
		const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedHistory;
		return cached.version === CACHE_VERSION && cached.prefix === prefix && Array.isArray(cached.events) ? cached : undefined;
	} catch {
		return undefined; // absent or damaged: read the whole history
	}
}

function writeCache(file: string, cached: CachedHistory): void {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileAtomicSync(file, JSON.stringify(cached));
}

interface ChangedFile {
	/** Blob ids; absent when the file did not exist on that side. */
	before?: string;
	after?: string;
}

interface LoggedCommit {
	hash: string;
	second?: string;
	authorName: string;
	date: string;
	subject: string;
	trailers: string;
	files: ChangedFile[];
}

const NO_BLOB = /^0+$/;

/** One commit of `git log --raw -z`: its fields, then ":mode mode blob blob status\0path\0" per file. */
function parseCommit(entry: string, prefix: string): LoggedCommit {
	const [hash = '', parents = '', authorName = '', date = '', subject = '', trailers = '', ...rest] = entry.split('\0');
	const second = parents.split(' ').filter(Boolean)[1];
	const files: ChangedFile[] = [];
	for (let i = 0; i < rest.length; i++) {
		const raw = rest[i]!.replace(/^\n/, '');
		if (!raw.startsWith(':')) continue;
		const [, , before = '', after = ''] = raw.slice(1).split(' ');
		const file = rest[++i] ?? '';
		if (!file.startsWith(prefix) || !RECIPIENT_FILE.test(file.slice(prefix.length))) continue;
		files.push({ ...(NO_BLOB.test(before) ? {} : { before }), ...(NO_BLOB.test(after) ? {} : { after }) });
	}
	return { hash, ...(second ? { second } : {}), authorName, date, subject, trailers, files };
}

/** The text of many blobs with one `git cat-file --batch`. */
const readBlobs = (cwd: string, ids: readonly (string | undefined)[]) => readObjects(cwd, [...new Set(ids.filter((id): id is string => !!id))]);

/** Each award's events, in history order. */
export function eventsByAward(history: History): Map<string, AuditEvent[]> {
	const byAward = new Map<string, AuditEvent[]>();
	for (const e of history.events) {
		const list = byAward.get(e.awardId);
		if (list) list.push(e);
		else byAward.set(e.awardId, [e]);
	}
	return byAward;
}

const KIND_ORDER: readonly AuditKind[] = ['issued', 'revoked', 'erased'];
