/**
 * The badge request issue form (.github/ISSUE_TEMPLATE/badge-request.yml) and the body GitHub
 * makes of it: one `### <label>` heading per field, then the value, `_No response_` for a field
 * left empty, `- [X] …` for a ticked box. The body is read back by these labels, so the labels
 * here and in the template must stay the same (a test compares them).
 */

/** The form's field ids, which the request page also uses to prefill the form from its URL. */
export const REQUEST_FIELDS = ['badge', 'identity-hash', 'identity-salt', 'name', 'consent', 'evidence-url', 'narrative', 'claim-code'] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

/** Each field's label in the form, French first, then English. */
export const REQUEST_LABELS: Record<RequestField, string> = {
	badge: 'Badge demandé / Requested badge',
	'identity-hash': "Empreinte de l'adresse e-mail / E-mail address hash",
	'identity-salt': 'Sel / Salt',
	name: 'Nom à afficher (facultatif) / Name to show (optional)',
	consent: 'Consentement / Consent',
	'evidence-url': 'Lien vers une preuve (facultatif) / Evidence link (optional)',
	narrative: "Ce que j'ai fait (facultatif) / What I did (optional)",
	'claim-code': "Code de l'événement (facultatif) / Event code (optional)",
};

/** The consent checkbox's text. */
export const CONSENT_OPTION = "J'accepte que mon nom soit affiché avec le badge / I agree that my name is shown with the badge";

/** The fields as typed: trimmed, absent when left empty; `consent` is whether its box is ticked. */
export type RequestForm = Partial<Record<Exclude<RequestField, 'consent'>, string>> & { consent: boolean };

const NO_RESPONSE = /^_no response_$/i;

/** A label as compared: case, accents' composition, spacing and a trailing colon do not matter. */
const key = (text: string) => text.normalize('NFC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').replace(/\s*:$/, '').trim().toLowerCase();
const FIELD_OF_HEADING = new Map<string, RequestField>(REQUEST_FIELDS.flatMap((f) => [[key(REQUEST_LABELS[f]), f] as const, [key(f), f] as const]));

/**
 * Reads an issue body made by the form. Only headings that are a field's label (or its id) start
 * a field, so a `###` line someone writes in their narrative stays part of it; a field's first
 * heading counts, a repeated one is text. Unknown headings are text of the field above them.
 */
export function parseRequestForm(body: string): RequestForm {
	const values = new Map<RequestField, string[]>();
	let current: string[] | undefined;
	for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
		const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		const field = heading ? FIELD_OF_HEADING.get(key(heading[1]!)) : undefined;
		if (field && !values.has(field)) {
			current = [];
			values.set(field, current);
		} else current?.push(line);
	}
	const form: RequestForm = { consent: false };
	for (const [field, lines] of values) {
		const text = lines.join('\n').trim();
		if (field === 'consent') {
			form.consent = /^\s*[-*]\s*\[[xX]\]/m.test(text);
			continue;
		}
		if (!text || NO_RESPONSE.test(text)) continue;
		form[field] = text;
	}
	return form;
}
