/**
 * The badge request form (badges/<slug>/request/). The e-mail address is hashed here, in the
 * browser, with a fresh random salt, exactly as the content files store it (`sha256$` + hex of
 * SHA-256(lower-cased, trimmed address + salt)); the address itself goes nowhere: this script
 * makes no request at all. It only builds two links: a prefilled GitHub issue (the issue form
 * `.github/ISSUE_TEMPLATE/badge-request.yml`) and a prefilled e-mail to the association.
 */

import { onLanguage, type Translate } from './i18n-client.ts';

export interface RequestConfig {
	badge: string;
	badgeName: string;
	/** https://github.com/<owner>/<repo>, when the site knows its repository on GitHub. */
	repository?: string;
	issuerEmail: string;
	/**
	 * The strings this script writes, by key (request.issueTitle, request.mailSubject,
	 * request.mailIntro, request.field.<name>), in the page's language.
	 */
	text: Record<string, string>;
}

export interface RequestFields {
	badge: string;
	'identity-hash': string;
	'identity-salt': string;
	name?: string;
	consent?: 'yes';
	'evidence-url'?: string;
	narrative?: string;
	'claim-code'?: string;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export async function identityOf(email: string, salt: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email.trim().toLowerCase() + salt));
	return `sha256$${hex(digest)}`;
}

export const newSalt = () => base64url(crypto.getRandomValues(new Uint8Array(16)));

/** The page's own strings: `t` follows the language switcher. */
const pageStrings = (config: RequestConfig): Translate => (key) => config.text[key] ?? key;

/** A prefilled GitHub issue; the issue form's field ids stay as they are, whatever the language. */
export function issueUrl(config: RequestConfig, fields: RequestFields, t = pageStrings(config)): string | undefined {
	if (!config.repository) return undefined;
	const query = new URLSearchParams({ template: 'badge-request.yml', title: `${t('request.issueTitle')} ${config.badgeName}` });
	for (const [key, value] of Object.entries(fields)) if (value) query.set(key, value);
	return `${config.repository}/issues/new?${query}`;
}

export function mailUrl(config: RequestConfig, fields: RequestFields, t = pageStrings(config)): string {
	const lines = [t('request.mailIntro'), ''];
	for (const [key, value] of Object.entries(fields)) if (value) lines.push(`${t(`request.field.${key}`)}: ${value}`);
	return `mailto:${config.issuerEmail}?subject=${encodeURIComponent(`${t('request.mailSubject')} ${config.badgeName}`)}&body=${encodeURIComponent(lines.join('\n'))}`;
}

export function mountRequestForm(form: HTMLFormElement, config: RequestConfig): void {
	const result = form.parentElement!.querySelector<HTMLElement>('.request-result')!;
	const github = result.querySelector<HTMLAnchorElement>('.request-github')!;
	let t = pageStrings(config);
	let fields: RequestFields | undefined;
	// The prepared request is written in the language the visitor reads, and follows a switch.
	const links = () => {
		if (!fields) return;
		const issue = issueUrl(config, fields, t);
		github.hidden = !issue;
		if (issue) github.href = issue;
		result.querySelector<HTMLAnchorElement>('.request-mail')!.href = mailUrl(config, fields, t);
	};
	onLanguage((next) => {
		t = next;
		links();
	}, config.text);
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const data = new FormData(form);
		const get = (name: string) => String(data.get(name) ?? '').trim();
		const salt = newSalt();
		const consent = data.get('consent') === 'on';
		fields = {
			badge: config.badge,
			'identity-hash': await identityOf(get('email'), salt),
			'identity-salt': salt,
			// A name is sent only with the person's consent to show it.
			...(consent && get('name') ? { name: get('name'), consent: 'yes' as const } : {}),
			...(get('evidence-url') ? { 'evidence-url': get('evidence-url') } : {}),
			...(get('narrative') ? { narrative: get('narrative') } : {}),
			...(get('claim-code') ? { 'claim-code': get('claim-code') } : {}),
		};
		links();
		result.querySelector<HTMLElement>('.request-hash')!.textContent = fields['identity-hash'];
		result.hidden = false;
		result.querySelector<HTMLElement>('h2')!.focus();
	});
}
