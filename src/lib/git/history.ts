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
import { parseDocument } from 'yaml';
import { git, GitError, readFilesAt } from './git.ts';

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

export function readHistory(cwd: string): History {
	let log: string;
	try {
		if (git(cwd, ['rev-parse', '--is-inside-work-tree']).trim() !== 'true') return { available: false, events: [] };
		if (git(cwd, ['rev-parse', '--is-shallow-repository']).trim() === 'true') return { available: false, events: [] };
		log = git(cwd, [
			'log', '--first-parent', '--diff-merges=first-parent', '--reverse', '--name-only', '-z',
			`--format=${SEP}%H%x00%P%x00%aN%x00%cI%x00%s%x00%(trailers:key=Approved-by,key=Reviewed-by,valueonly,separator=%x2C)`,
			'--', 'recipients/',
		]);
	} catch (e) {
		if (e instanceof GitError) return { available: false, events: [] };
		throw e;
	}
	const prefix = git(cwd, ['rev-parse', '--show-prefix']).trim();
	const events: AuditEvent[] = [];
	for (const entry of log.split(SEP).filter(Boolean)) {
		const [hash, parents, authorName, date, subject, trailers, ...rest] = entry.split('\0');
		const files = rest.map((f) => f.replace(/^\n/, '')).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)).filter((f) => RECIPIENT_FILE.test(f));
		if (!hash || files.length === 0) continue;
		const [first, second] = (parents ?? '').split(' ').filter(Boolean);
		const before = first ? readFilesAt(cwd, first, files.map((f) => prefix + f)) : new Map<string, string>();
		const after = readFilesAt(cwd, hash, files.map((f) => prefix + f));
		const pr = /^Merge pull request #(\d+)/.exec(subject ?? '');
		const author = second ? git(cwd, ['log', '-1', '--format=%aN', second]).trim() : authorName!;
		const base = {
			date: new Date(date!).toISOString().replace(/\.\d{3}Z$/, 'Z'),
			commit: hash,
			author,
			...(second ? { mergedBy: authorName! } : {}),
			...(pr ? { pullRequest: Number(pr[1]) } : {}),
			...(trailers?.trim() ? { approvedBy: trailers.trim() } : {}),
		};
		// An award moved from one file to another is neither issued nor erased: compare across all files.
		const was = new Map<string, AwardState>();
		const now = new Map<string, AwardState>();
		for (const f of files) {
			for (const [id, s] of awardStates(before.get(prefix + f))) was.set(id, s);
			for (const [id, s] of awardStates(after.get(prefix + f))) now.set(id, s);
		}
		const found: AuditEvent[] = [];
		for (const [id, s] of now) {
			const old = was.get(id);
			if (!old && !isKnown(events, id)) found.push({ kind: 'issued', awardId: id, ...base });
			if (s.revoked !== undefined && old?.revoked === undefined) found.push({ kind: 'revoked', awardId: id, ...base, reason: s.revoked });
			if (s.erased && !old?.erased) found.push({ kind: 'erased', awardId: id, ...base });
		}
		// Within one commit, a stable order that does not depend on file names.
		events.push(...found.sort((a, b) => a.awardId.localeCompare(b.awardId) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)));
	}
	return { available: true, events };
}

const KIND_ORDER: readonly AuditKind[] = ['issued', 'revoked', 'erased'];
const isKnown = (events: readonly AuditEvent[], id: string) => events.some((e) => e.awardId === id && e.kind === 'issued');
