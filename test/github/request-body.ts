import { CONSENT_OPTION, REQUEST_LABELS } from '../../src/lib/github/issue-form.ts';

export interface FormValues {
	badge?: string;
	hash?: string;
	salt?: string;
	name?: string;
	consent?: boolean;
	url?: string;
	narrative?: string;
	code?: string;
}

/**
 * An issue body as GitHub renders the badge-request form: `### <label>`, a blank line, the value
 * or `_No response_`, and `- [X] …` / `- [ ] …` for the checkbox.
 */
export function formBody(v: FormValues): string {
	const value = (x: string | undefined) => x ?? '_No response_';
	const sections: [string, string][] = [
		[REQUEST_LABELS.badge, value(v.badge)],
		[REQUEST_LABELS['identity-hash'], value(v.hash)],
		[REQUEST_LABELS['identity-salt'], value(v.salt)],
		[REQUEST_LABELS.name, value(v.name)],
		[REQUEST_LABELS.consent, `- [${v.consent ? 'X' : ' '}] ${CONSENT_OPTION}`],
		[REQUEST_LABELS['evidence-url'], value(v.url)],
		[REQUEST_LABELS.narrative, value(v.narrative)],
		[REQUEST_LABELS['claim-code'], value(v.code)],
	];
	return sections.map(([label, text]) => `### ${label}\n\n${text}`).join('\n\n');
}
