/**
 * Plans the changes for checked award requests against the loaded site: who is already a
 * recipient (their salted hash matches), which awards they already have, the new files and the
 * new texts of existing ones. Nothing is written here; the texts are built in memory so that the
 * command writes all of them or none.
 *
 * A person is recognised by hashing their address with each recipient's salt: one SHA-256 per
 * (distinct address, recipient). Nothing that would let an address be found again is stored.
 */
import { parseDocument } from 'yaml';
import type { Site } from '../content/model.ts';
import { parseYamlSource } from '../content/yaml-source.ts';
import { hashEmail, hashIdentity, newAwardId, newSalt } from '../identity.ts';
import { statusIndex } from '../ob3/status-list.ts';
import { siteUrls } from '../urls.ts';
import type { AwardRequest } from './check-inputs.ts';
import { SlugAllocator } from './file-slug.ts';
import { newRecipientText, withAddedAwards, type AwardEntry } from './recipient-text.ts';

/**
 * An award for a person known only by an identity hash and its salt: a badge request, whose
 * address never leaves the person's browser. It goes to the recipient with this exact hash, or to
 * a new file with this hash and salt.
 */
export type IdentityAwardRequest = Omit<AwardRequest, 'email'> & { identity: { hash: string; salt: string } };
export type PlanRequest = AwardRequest | IdentityAwardRequest;

export interface PlannedAward<R extends PlanRequest = AwardRequest> {
	request: R;
	id: string;
	/** Recipient file, relative to the content root. */
	file: string;
	line: number;
	/** The file is created for this person. */
	newFile: boolean;
	url: string;
}

export interface SkippedAward<R extends PlanRequest = AwardRequest> {
	request: R;
	/** The award the person already has: same badge, same day. */
	id: string;
	file: string;
	line: number | undefined;
	revoked: boolean;
}

/** Something the person should know that does not stop the command. */
export interface PlanNote {
	line?: number | undefined;
	file: string;
	message: string;
}

export interface AwardPlan<R extends PlanRequest = AwardRequest> {
	/** Every file to write, with its whole new text. */
	writes: { file: string; text: string; isNew: boolean }[];
	/** In the order of the requests. */
	awarded: PlannedAward<R>[];
	skipped: SkippedAward<R>[];
	notes: PlanNote[];
}

export interface PlanContext {
	/** File names (without extension) already in recipients/. */
	takenSlugs: Iterable<string>;
	/** The text of a recipient file, relative to the content root. */
	readText: (file: string) => Promise<string>;
}

interface ExistingFile {
	file: string;
	text: string;
	/** The awards as written: raw dates, so that a date-time is compared on the day it names. */
	awards: { id: string; badge: string; day: string; revoked: boolean }[];
	name: string | undefined;
	showName: boolean;
	added: { request: PlanRequest; entry: AwardEntry }[];
}

interface NewPerson {
	slug: string;
	salt: string;
	hash: string;
	name: string | undefined;
	added: { request: PlanRequest; entry: AwardEntry }[];
}

/** Who a request is for, as a map key: the address, or the identity hash given instead. */
const personOf = (request: PlanRequest) => ('identity' in request ? `identity:${request.identity.hash}` : request.email);

export async function planAwards<R extends PlanRequest = AwardRequest>(site: Site, requests: readonly R[], context: PlanContext): Promise<AwardPlan<R>> {
	const fileOf = new Map<string, string>();
	for (const a of site.awards) fileOf.set(a.recipient, a.file);
	// An erased file has no identity left to match: a person who was erased and comes back is new.
	const recipients = [...site.recipients.values()].flatMap((r) => (r.identity ? [{ slug: r.slug, identity: r.identity }] : [])).sort((a, b) => a.slug.localeCompare(b.slug));
	const slots = new Set(site.awards.map((a) => statusIndex(a.id)));
	const slugs = new SlugAllocator(context.takenSlugs);
	const existing = new Map<string, ExistingFile>();
	const notes: PlanNote[] = [];

	// Who each distinct address is: the files whose hash it matches, or a new person.
	const matches = new Map<string, ExistingFile[]>();
	const newPeople = new Map<string, NewPerson>();
	for (const request of requests) {
		const person = personOf(request);
		if (matches.has(person) || newPeople.has(person)) continue;
		const files: ExistingFile[] = [];
		for (const r of recipients) {
			const same = 'identity' in request
				? request.identity.hash === r.identity.hash
				// hashEmail without its normalisation, already done: this loop is the command's hot spot.
				: hashIdentity(request.email, r.identity.salt) === r.identity.hash;
			if (!same) continue;
			const file = fileOf.get(r.slug);
			if (file) files.push(existing.get(file) ?? (await readExisting(file, context)));
		}
		for (const f of files) existing.set(f.file, f);
		if (files.length) matches.set(person, files);
		else if ('identity' in request) {
			newPeople.set(person, { slug: slugs.allocate(request.name), ...request.identity, name: request.name, added: [] });
		} else {
			const salt = newSalt();
			newPeople.set(person, { slug: slugs.allocate(request.name), salt, hash: hashEmail(request.email, salt), name: request.name, added: [] });
		}
	}

	const awarded: { request: R; id: string; target: ExistingFile | NewPerson }[] = [];
	const skipped: SkippedAward<R>[] = [];
	const noted = new Set<string>();
	for (const request of requests) {
		const files = matches.get(personOf(request));
		const target: ExistingFile | NewPerson = files?.[0] ?? newPeople.get(personOf(request))!;
		if (files) {
			const had = files.flatMap((f) => f.awards.map((a, index) => ({ ...a, f, index }))).find((a) => a.badge === request.badge && a.day === request.date);
			if (had) {
				const { source } = parseYamlSource(had.f.text, had.f.file);
				skipped.push({ request, id: had.id, file: had.f.file, line: source?.lineOf(['awards', had.index]), revoked: had.revoked });
				continue;
			}
			const file = files[0]!;
			if (request.name !== undefined && (file.name !== request.name || !file.showName) && !noted.has(file.file)) {
				noted.add(file.file);
				notes.push({
					line: request.line,
					file: file.file,
					message: 'keeps the name and consent it has: this command adds awards, it never changes them — edit the file by hand if they changed',
				});
			}
		}
		const id = nextAwardId(slots);
		const entry: AwardEntry = {
			id,
			badge: request.badge,
			issuedOn: request.date,
			...(request.narrative ? { narrative: request.narrative } : {}),
			...(request.evidence ? { evidence: [request.evidence] } : {}),
		};
		target.added.push({ request, entry });
		awarded.push({ request, id, target });
	}

	// The texts, and the line of each new award in them.
	const writes: AwardPlan['writes'] = [];
	const placed = new Map<string, { file: string; line: number; newFile: boolean }>();
	for (const f of existing.values()) {
		if (!f.added.length) continue;
		const { text, lines } = withAddedAwards(f.text, f.file, f.added.map((a) => a.entry));
		writes.push({ file: f.file, text, isNew: false });
		f.added.forEach((a, i) => placed.set(a.entry.id, { file: f.file, line: lines[i]!, newFile: false }));
	}
	for (const p of newPeople.values()) {
		if (!p.added.length) continue;
		const file = `recipients/${p.slug}.yaml`;
		const { text, lines } = newRecipientText({ hash: p.hash, salt: p.salt, ...(p.name !== undefined ? { consentedName: p.name } : {}), awards: p.added.map((a) => a.entry) }, file);
		writes.push({ file, text, isNew: true });
		p.added.forEach((a, i) => placed.set(a.entry.id, { file, line: lines[i]!, newFile: true }));
	}

	const urls = siteUrls(site.issuer.site);
	return {
		writes,
		awarded: awarded.map(({ request, id }) => ({ request, id, ...placed.get(id)!, url: urls.awardPage(id) })),
		skipped,
		notes,
	};
}

/** A fresh award id whose revocation status bit no other award owns, the ids of this run included. */
function nextAwardId(slots: Set<number>): string {
	for (;;) {
		// newAwardId(taken) rebuilds its set of bits on every call; over thousands of new awards,
		// keeping the set here is what stays linear.
		const id = newAwardId();
		const slot = statusIndex(id);
		if (!slots.has(slot)) {
			slots.add(slot);
			return id;
		}
	}
}

async function readExisting(file: string, context: PlanContext): Promise<ExistingFile> {
	const text = await context.readText(file);
	const data = parseDocument(text, { schema: 'core', uniqueKeys: true }).toJS() as {
		name?: string;
		consent?: { showName?: boolean };
		awards?: { id: string; badge: string; issuedOn: string; revoked?: unknown }[];
	};
	return {
		file,
		text,
		awards: (data.awards ?? []).map((a) => ({ id: a.id, badge: a.badge, day: a.issuedOn.slice(0, 10), revoked: a.revoked !== undefined })),
		name: data.name,
		showName: data.consent?.showName === true,
		added: [],
	};
}
