/**
 * Checks every award asked for before anything is written, and reports every mistake at once by
 * line and column. Messages never quote an e-mail address: they say "the e-mail on line 12".
 */
import { isDateOrDateTime } from '../dates.ts';
import { EMAIL_PATTERN, normaliseEmail } from '../identity.ts';
import { didYouMean } from '../suggest.ts';
import type { AwardInput, Field, InputProblem } from './inputs.ts';

/** A checked award request. The e-mail is kept in memory only, to match and hash it. */
export interface AwardRequest {
	/** CSV line; absent on the command line. */
	line?: number;
	/** Trimmed and lower-cased, as it is hashed. */
	email: string;
	badge: string;
	/** YYYY-MM-DD. */
	date: string;
	/** Present only with consent: a name without consent is refused, never written. */
	name?: string;
	narrative?: string;
	evidence?: { url: string; name?: string };
}

export interface CheckContext {
	badges: ReadonlySet<string>;
	/** The local date, YYYY-MM-DD: later dates are refused. */
	today: string;
	/** The date for a row that gives none; absent when every row must give its own. */
	defaultDate?: string;
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x']);
const NO = new Set(['non', 'n', 'no', 'false', 'faux', '0']);
const FULL_EMAIL = new RegExp(`^${EMAIL_PATTERN.source}$`);

/** The requests that can be written, and the problems of the others. */
export function checkInputs(inputs: readonly AwardInput[], context: CheckContext): { requests: AwardRequest[]; problems: InputProblem[] } {
	const problems: InputProblem[] = [];
	const requests: AwardRequest[] = [];
	const firstLine = new Map<string, number | undefined>();
	const person = new Map<string, { name: string | undefined; line: number | undefined }>();
	for (const input of inputs) {
		const before = problems.length;
		const request = checkInput(input, context, problems);
		if (!request) continue;
		const ok = problems.length === before;
		// The same award twice in one file is a mistake: a re-run skips awards already written,
		// but two rows of one file would both be new.
		const key = `${request.email}\n${request.badge}\n${request.date}`;
		if (firstLine.has(key)) {
			const first = firstLine.get(key);
			problems.push({
				code: 'ERR_AWARD_REPEATED_ROW',
				line: input.line,
				field: input.labels.email,
				message: `the e-mail${on(input)}, badge "${request.badge}" and date ${request.date} are the same as on line ${first}`,
				hint: 'one award per person, badge and day: delete one of the two rows',
			});
			continue;
		}
		firstLine.set(key, input.line);
		if (!ok) continue;
		// One person, one name: rows that name the same address differently cannot all be right.
		const known = person.get(request.email);
		if (known && request.name !== undefined && known.name !== undefined && known.name !== request.name) {
			problems.push({
				code: 'ERR_AWARD_NAME_MISMATCH',
				line: input.line,
				field: input.labels.name,
				message: `the e-mail${on(input)} is given another name on line ${known.line}`,
				hint: 'write the same name on every row of one person',
			});
			continue;
		}
		if (!known || known.name === undefined) person.set(request.email, { name: request.name, line: input.line });
		requests.push(request);
	}
	// A person named on one row only is named on all their rows.
	for (const r of requests) {
		const name = person.get(r.email)?.name;
		if (name !== undefined) r.name = name;
	}
	return { requests, problems };
}

const on = (input: AwardInput) => (input.line === undefined ? '' : ` on line ${input.line}`);

function checkInput(input: AwardInput, context: CheckContext, problems: InputProblem[]): AwardRequest | undefined {
	const values = { ...input.values };
	const { labels } = input;
	const problem = (field: Field, code: string, message: string, hint?: string) => {
		problems.push({ code, line: input.line, field: labels[field], message, hint });
	};

	// An address anywhere but in the e-mail column would be written to Git: refuse it, unrepeated.
	for (const field of ['badge', 'name', 'firstName', 'consent', 'date', 'narrative', 'evidenceUrl', 'evidenceName'] as const) {
		if (values[field] !== undefined && EMAIL_PATTERN.test(values[field])) {
			problem(field, 'ERR_AWARD_EMAIL_OUT_OF_PLACE', `this value contains an e-mail address (not repeated here)`, 'an address is never written to the recipient files: keep it in the e-mail column only (check that no column is shifted)');
			delete values[field];
		} else if (values[field]?.includes('\uFFFD')) {
			// A file with a UTF-8 byte order mark but other bytes pasted in: the text would be written garbled.
			problem(field, 'ERR_AWARD_UNREADABLE_TEXT', 'this value has characters that could not be read', 'the file mixes encodings: save it again as "CSV UTF-8"');
			delete values[field];
		}
	}

	const email = values.email;
	if (email === undefined) problem('email', 'ERR_AWARD_EMAIL_MISSING', `no e-mail${on(input)}`, 'every award needs the recipient\'s address; it is hashed, never written');
	else if (!FULL_EMAIL.test(email)) problem('email', 'ERR_AWARD_EMAIL_INVALID', `the e-mail${on(input)} is not a valid address (not repeated here)`, 'write one address of the form name@domain, and nothing else');

	const badge = values.badge;
	if (badge === undefined) problem('badge', 'ERR_AWARD_BADGE_MISSING', `no badge${on(input)}`, 'give the badge\'s slug: the name of its folder in badges/');
	else if (!context.badges.has(badge)) {
		problem('badge', 'ERR_AWARD_UNKNOWN_BADGE', `unknown badge "${badge}"`, didYouMean(badge, context.badges) ?? `existing badges: ${[...context.badges].sort().join(', ') || 'none yet'}`);
	}

	const date = values.date ?? context.defaultDate;
	if (date === undefined) {
		problem('date', 'ERR_AWARD_DATE_MISSING', `no date${on(input)}`, 'add a date column (YYYY-MM-DD) or give --date for the whole file: without dates, running the same file again on another day would award every badge again');
	} else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isDateOrDateTime(date)) {
		// Spreadsheets write dates the French way or with a time: show the date as it must be written.
		const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(date);
		const withTime = /^(\d{4}-\d{2}-\d{2})[ T]/.exec(date);
		const example = dayFirst ? `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}` : withTime ? withTime[1]! : '2026-03-14';
		problem('date', 'ERR_AWARD_DATE_INVALID', `"${date}" is not a date`, `write it as YYYY-MM-DD, e.g. ${example}`);
	} else if (date > context.today) {
		problem('date', 'ERR_AWARD_DATE_FUTURE', `${date} is in the future`, 'an award is dated the day it is given: check the year, or leave the date for today');
	}

	const consent = values.consent;
	let consented = false;
	if (consent !== undefined) {
		const answer = consent.toLowerCase();
		if (YES.has(answer)) consented = true;
		else if (!NO.has(answer)) problem('consent', 'ERR_AWARD_CONSENT_INVALID', `"${consent}" is neither yes nor no`, 'write oui/yes/1 if the person agreed to show their name; non/no/0 or nothing otherwise');
	}

	const name = [values.firstName, values.name].filter((v) => v !== undefined).join(' ');
	const nameField: Field = values.name !== undefined ? 'name' : 'firstName';
	if (name && /[\r\n]/.test(name)) problem(nameField, 'ERR_AWARD_NAME_LINES', 'the name spans several lines', 'write the name on one line');
	else if (name && !consented && (consent === undefined || NO.has(consent.toLowerCase()))) {
		problem(nameField, 'ERR_AWARD_NAME_WITHOUT_CONSENT', 'a name is given without consent to show it, and it would be written to a public Git repository', input.line === undefined
			? 'add --consent if the person (or a parent) agreed that their name is shown; otherwise leave out --name'
			: `write oui in a "consent" column if the person (or a parent) agreed that their name is shown; otherwise empty the name`);
	}

	const narrative = values.narrative;
	if (narrative !== undefined && !narrative) problem('narrative', 'ERR_AWARD_NARRATIVE_EMPTY', 'the narrative is empty', 'say what the person did, or leave the narrative out');

	const url = values.evidenceUrl;
	if (url !== undefined && !isWebUrl(url)) {
		problem('evidenceUrl', 'ERR_AWARD_EVIDENCE_URL', `"${url}" is not a web address`, 'give the full address of a public page, starting with https:// (or http://)');
	}
	const evidenceName = values.evidenceName;
	if (evidenceName !== undefined) {
		if (url === undefined) problem('evidenceName', 'ERR_AWARD_EVIDENCE_NAME_ALONE', 'an evidence name without an evidence URL', 'the evidence name is the title of the page at the evidence URL: add the URL, or leave the name out');
		else if (!evidenceName || /[\r\n]/.test(evidenceName)) problem('evidenceName', 'ERR_AWARD_EVIDENCE_NAME', 'the evidence name is empty or spans several lines', 'write a short title on one line');
	}

	// Returned with other problems too, so that a repeated row is reported in the same run.
	if (email === undefined || !FULL_EMAIL.test(email) || badge === undefined || date === undefined || !isDateOrDateTime(date)) return undefined;
	return {
		...(input.line !== undefined ? { line: input.line } : {}),
		email: normaliseEmail(email),
		badge,
		date,
		...(name && consented ? { name } : {}),
		...(narrative ? { narrative: narrative.replace(/\r\n?/g, '\n') } : {}),
		...(url !== undefined ? { evidence: { url, ...(evidenceName ? { name: evidenceName } : {}) } } : {}),
	};
}

/** An absolute http(s) URL with a dotted host name: evidence a reader can open. */
export function isWebUrl(value: string): boolean {
	if (/\s/.test(value) || !/^https?:\/\//i.test(value)) return false;
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
	} catch {
		return false;
	}
}
