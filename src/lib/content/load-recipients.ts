import { addDuration, toDateTime } from '../dates.ts';
import type { Problem } from '../problems.ts';
import { didYouMean } from '../suggest.ts';
import { findPlaintextEmails } from './emails.ts';
import type { Award, Badge, Recipient } from './model.ts';
import { notUtf8, SLUG, type GetText } from './read-context.ts';
import { validateAgainstSchema } from './schema-validation.ts';
import { statusIndex } from '../ob3/status-list.ts';
import type { ParseCache } from './parse-cache.ts';
import { parseYamlSource } from './yaml-source.ts';

interface RawAward {
	id: string;
	badge: string;
	issuedOn: string;
	narrative?: string;
	evidence?: Award['evidence'];
	revoked?: { date: string; reason: string };
}

export async function loadRecipients(
	all: string[],
	getText: GetText,
	badges: Map<string, Badge>,
	problems: Problem[],
	now: Date,
	cache?: ParseCache,
): Promise<{ recipients: Map<string, Recipient>; awards: Award[] }> {
	const recipients = new Map<string, Recipient>();
	const awards: Award[] = [];
	// Lines are looked up only to report a problem: a cached parse finds them by parsing again.
	const firstSeen = new Map<string, { file: string; line: () => number | undefined }>();
	const statusSlots = new Map<number, { id: string; file: string }>();
	const files = all.filter((f) => f.startsWith('recipients/')).sort();
	const badgeDirs = new Set(all.filter((f) => f.startsWith('badges/')).map((f) => f.split('/')[1]!));
	for (const file of files) {
		const text = await getText(file);
		if (text === undefined) {
			if (/\.ya?ml$/.test(file)) notUtf8(file, problems);
			continue;
		}
		const emailProblems = findPlaintextEmails(text, file);
		problems.push(...emailProblems);
		const name = file.slice('recipients/'.length);
		const m = /^([^/]+)\.ya?ml$/.exec(name);
		if (!m) {
			if (!/^README(\.md)?$/i.test(name)) {
				problems.push({
					code: 'ERR_RECIPIENT_FILE_NAME',
					severity: 'warning',
					file,
					message: 'this file is not read: recipients/ holds only <slug>.yaml files',
					hint: 'move it elsewhere, or rename it to end in .yaml',
				});
			}
			continue;
		}
		const slug = m[1]!;
		if (!SLUG.test(slug)) {
			problems.push({
				code: 'ERR_RECIPIENT_SLUG',
				severity: 'error',
				file,
				message: `"${slug}" cannot be a recipient file name`,
				hint: 'use lowercase letters, digits and single hyphens, without accents, e.g. "lea-m.yaml"',
			});
			continue;
		}
		if (emailProblems.length > 0) continue; // never parse (or echo) a file holding an address
		const { source, problems: syntax } = parseYamlSource(text, file, 0, cache);
		problems.push(...syntax);
		if (!source) continue;
		const schemaProblems = validateAgainstSchema('recipient', source, file);
		problems.push(...schemaProblems);
		const data = source.data as {
			erased?: string;
			identity?: { hash: string; salt: string };
			name?: string;
			consent?: { showName?: boolean; portfolio?: boolean };
			awards?: RawAward[];
		};
		// Cross-file checks run even when the schema failed elsewhere, so one run reports everything.
		const rawAwards = Array.isArray(data?.awards) ? data.awards : [];
		rawAwards.forEach((a, i) => {
			if (!a || typeof a !== 'object') return;
			if (typeof a.badge === 'string' && SLUG.test(a.badge) && !badgeDirs.has(a.badge)) {
				const line = source.lineOf(['awards', i, 'badge']);
				problems.push({
					code: 'ERR_AWARD_UNKNOWN_BADGE',
					severity: 'error',
					file,
					line,
					field: `awards.${i}.badge`,
					message: `unknown badge "${a.badge}"`,
					hint: didYouMean(a.badge, badgeDirs) ?? `existing badges: ${[...badgeDirs].join(', ') || 'none yet'}`,
				});
			}
			if (typeof a.id === 'string') {
				const lineOfId = () => source.lineOf(['awards', i, 'id']);
				const seen = firstSeen.get(a.id);
				if (seen) {
					const line = lineOfId();
					const seenLine = seen.line();
					problems.push({
						code: 'ERR_AWARD_DUPLICATE_ID',
						severity: 'error',
						file,
						line,
						field: `awards.${i}.id`,
						message: `award id "${a.id}" is already used in ${seen.file}${seenLine ? `:${seenLine}` : ''}`,
						hint: 'every award needs its own id: it is its permanent URL. Give this one a new id (npm run new-id), never reuse one',
					});
				} else {
					firstSeen.set(a.id, { file, line: idLineLater(text, file, i) });
					const index = statusIndex(a.id);
					const sharing = statusSlots.get(index);
					if (sharing) {
						const line = lineOfId();
						problems.push({
							code: 'ERR_AWARD_STATUS_COLLISION',
							severity: 'error',
							file,
							line,
							field: `awards.${i}.id`,
							message: `award id "${a.id}" shares its revocation status bit with "${sharing.id}" (${sharing.file}), so revoking one would revoke both`,
							hint: 'give the newer, not yet published award a new id with npm run new-id',
						});
					} else statusSlots.set(index, { id: a.id, file });
				}
			}
			if (typeof a.issuedOn === 'string' && /^\d{4}-\d{2}-\d{2}/.test(a.issuedOn) && new Date(a.issuedOn.length === 10 ? `${a.issuedOn}T00:00:00Z` : a.issuedOn) > now) {
				const line = source.lineOf(['awards', i, 'issuedOn']);
				problems.push({
					code: 'WARN_AWARD_FUTURE_DATE',
					severity: 'warning',
					file,
					line,
					field: `awards.${i}.issuedOn`,
					message: `the award date ${a.issuedOn} is in the future`,
					hint: 'check the year; the badge will show this date',
				});
			}
		});
		if (data?.name && !data.consent?.showName && data.erased === undefined) {
			const line = source.lineOf(['name']);
			problems.push({
				code: 'WARN_NAME_WITHOUT_CONSENT',
				severity: 'warning',
				file,
				line,
				field: 'name',
				message: 'a name is written but consent.showName is not true, so the name is not published',
				hint: 'this file is public in Git all the same: remove the name, or record the consent with "consent: {showName: true}"',
			});
		}
		// A portfolio is a page under the person's name: it makes no sense, and must not exist,
		// without the consent to show that name (and a name to show).
		if (data?.consent?.portfolio === true && data.erased === undefined && !(data.consent.showName === true && data.name)) {
			const line = source.lineOf(['consent', 'portfolio']);
			const showName = data.consent.showName === true;
			problems.push({
				code: 'ERR_PORTFOLIO_WITHOUT_NAME',
				severity: 'error',
				file,
				line,
				field: 'consent.portfolio',
				message: showName
					? 'consent.portfolio is true but no name is written: a portfolio page is published under the person\'s name'
					: 'consent.portfolio is true but consent.showName is not: a portfolio page is published under the person\'s name',
				hint: showName
					? 'add the name to show ("name: …"), or remove "portfolio: true"'
					: `if the person (or a parent) also agreed to show their name, add "showName: true" under consent${data.name ? '' : ' and their name ("name: …")'}; otherwise remove "portfolio: true"`,
			});
		}
		if (schemaProblems.length > 0 || !(data.identity || data.erased)) continue;
		const erased = data.erased === undefined ? undefined : toDateTime(data.erased);
		const ids: string[] = [];
		for (const a of rawAwards) {
			const badge = badges.get(a.badge);
			const issuedOn = toDateTime(a.issuedOn);
			ids.push(a.id);
			awards.push({
				id: a.id,
				badge: a.badge,
				recipient: slug,
				issuedOn,
				...(badge?.validity ? { expires: addDuration(issuedOn, badge.validity) } : {}),
				...(a.narrative ? { narrative: a.narrative } : {}),
				evidence: a.evidence ?? [],
				...(a.revoked ? { revoked: { date: toDateTime(a.revoked.date), reason: a.revoked.reason } } : {}),
				...(erased ? { erased } : {}),
				file,
			});
		}
		recipients.set(
			slug,
			erased
				? { slug, erased, awardIds: ids }
				: {
						slug,
						identity: data.identity!,
						...(data.name && data.consent?.showName ? { publicName: data.name, ...(data.consent.portfolio ? { portfolio: true as const } : {}) } : {}),
						awardIds: ids,
					},
		);
	}
	awards.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.id.localeCompare(b.id));
	return { recipients, awards };
}

/**
 * The line of award `i`'s id, found by parsing the text again when a duplicate is reported (rare),
 * rather than keeping every file's parsed document alive for the rest of the run. A function of
 * its own: a closure written inside the loop would share the loop's scope, parsed document included.
 */
const idLineLater = (text: string, file: string, i: number) => () => parseYamlSource(text, file).source?.lineOf(['awards', i, 'id']);
