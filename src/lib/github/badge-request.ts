/**
 * A badge request as a person filled it in, checked before anything is written: the badge exists,
 * the identity is a hash and a salt as the request page computes them, the evidence is a web
 * address. The person is often young and reads the answer in the issue: every message is short,
 * French first, then English, and says what to change.
 */
import { isWebUrl } from '../awarding/check-inputs.ts';
import { claimCodeMatches } from '../awarding/claim-code.ts';
import type { IdentityAwardRequest } from '../awarding/plan.ts';
import type { Badge, Site } from '../content/model.ts';
import { SLUG } from '../content/read-context.ts';
import { EMAIL_PATTERN } from '../identity.ts';
import { suggest } from '../suggest.ts';
import { REQUEST_LABELS, type RequestField, type RequestForm } from './issue-form.ts';

/** Something to tell the person, in both languages. */
export interface Message {
	fr: string;
	en: string;
}

export interface RequestProblem extends Message {
	field: RequestField;
}

export interface CheckedRequest {
	request: IdentityAwardRequest;
	badge: Badge;
	/** A name was given but the consent box was not ticked: it is not written. */
	nameLeftOut: boolean;
}

const HASH = /^sha256\$[0-9a-f]{64}$/i;
const SALT = /^[0-9A-Za-z_-]{8,}$/;
const NAME_MAX = 120;
const NARRATIVE_MAX = 2000;

/** Whether the text holds something that looks like an e-mail address. */
export const containsEmail = (text: string) => EMAIL_PATTERN.test(text);

/** The award the form asks for, dated `today` (YYYY-MM-DD), or every problem with it. */
export function checkRequest(form: RequestForm, site: Site, today: string): { checked: CheckedRequest; problems?: undefined } | { checked?: undefined; problems: RequestProblem[] } {
	const problems: RequestProblem[] = [];
	const problem = (field: RequestField, fr: string, en: string) => problems.push({ field, fr, en });

	const slug = form.badge?.trim().toLowerCase();
	const badge = slug === undefined ? undefined : site.badges.get(slug);
	if (slug === undefined) problem('badge', 'Le badge demandé manque.', 'The requested badge is missing.');
	else if (!badge) {
		// Shown back only if it reads as a slug: the comment must not echo arbitrary text.
		const shown = SLUG.test(slug) ? slug : undefined;
		const near = suggest(slug, site.badges.keys());
		problem('badge', `Le badge ${shown ? `« ${shown} » ` : 'demandé '}n'existe pas${near ? ` : vouliez-vous dire « ${near} » ?` : '.'}`, `There is no badge ${shown ? `"${shown}"` : 'by that name'}${near ? `: did you mean "${near}"?` : '.'}`);
	}

	const hash = form['identity-hash']?.toLowerCase();
	if (hash === undefined || !HASH.test(hash)) {
		problem('identity-hash', "L'empreinte doit être sha256$ suivi de 64 chiffres hexadécimaux : refaites la demande depuis la page du badge, qui la calcule.", 'The hash must be sha256$ followed by 64 hexadecimal digits: make the request again from the badge\'s page, which computes it.');
	}
	const salt = form['identity-salt'];
	if (salt === undefined || !SALT.test(salt)) {
		problem('identity-salt', 'Le sel doit faire au moins 8 lettres, chiffres, - ou _ : refaites la demande depuis la page du badge.', 'The salt must be at least 8 letters, digits, - or _: make the request again from the badge\'s page.');
	}

	const name = form.name;
	if (name !== undefined && (/\n/.test(name) || name.length > NAME_MAX)) {
		problem('name', `Le nom doit tenir sur une ligne (${NAME_MAX} caractères au plus).`, `The name must fit on one line (${NAME_MAX} characters at most).`);
	}
	const url = form['evidence-url'];
	if (url !== undefined && !isWebUrl(url)) {
		problem('evidence-url', 'Le lien vers une preuve doit être une adresse web complète, commençant par https://.', 'The evidence link must be a full web address, starting with https://.');
	}
	const narrative = form.narrative;
	if (narrative !== undefined && narrative.length > NARRATIVE_MAX) {
		problem('narrative', `Le récit est trop long (${NARRATIVE_MAX} caractères au plus).`, `The narrative is too long (${NARRATIVE_MAX} characters at most).`);
	}

	if (problems.length || !badge || hash === undefined || salt === undefined) return { problems };
	const consentedName = name !== undefined && form.consent ? name : undefined;
	return {
		checked: {
			badge,
			nameLeftOut: name !== undefined && !form.consent,
			request: {
				badge: badge.slug,
				date: today,
				identity: { hash, salt },
				...(consentedName !== undefined ? { name: consentedName } : {}),
				...(narrative !== undefined ? { narrative } : {}),
				...(url !== undefined ? { evidence: { url } } : {}),
			},
		},
	};
}

/** Whether the form's claim code is the badge's: never when the badge defines none. */
export function claimCodeAccepted(form: RequestForm, badge: Badge): boolean {
	return form['claim-code'] !== undefined && badge.claimCode !== undefined && claimCodeMatches(form['claim-code'], badge.slug, badge.claimCode);
}

/** The award the person already has for this badge (same identity hash, not revoked), if any. */
export function existingAward(site: Site, request: IdentityAwardRequest): { id: string; file: string } | undefined {
	const slugs = new Set([...site.recipients.values()].filter((r) => r.identity?.hash === request.identity.hash).map((r) => r.slug));
	const award = site.awards.find((a) => slugs.has(a.recipient) && a.badge === request.badge && !a.revoked);
	return award && { id: award.id, file: award.file };
}

/** The problems as a Markdown list, each under its field's label. */
export function problemList(problems: readonly RequestProblem[]): string {
	return problems.map((p) => `- **${REQUEST_LABELS[p.field]}** : ${p.fr}\n  ${p.en}`).join('\n');
}
