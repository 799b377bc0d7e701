/**
 * The badge request form (badges/<slug>/request/). The e-mail address is hashed here, in the
 * browser, with a fresh random salt, exactly as the content files store it (`sha256$` + hex of
 * SHA-256(lower-cased, trimmed address + salt)); the address itself goes nowhere: this script
 * makes no request at all. It only builds two links: a prefilled GitHub issue (the issue form
 * `.github/ISSUE_TEMPLATE/badge-request.yml`) and a prefilled e-mail to the association.
 */

export interface RequestConfig {
	badge: string;
	badgeName: string;
	/** https://github.com/<owner>/<repo>, when the site knows its repository on GitHub. */
	repository?: string;
	issuerEmail: string;
	/** Interface strings, already in the page's language. */
	text: { title: string; mailSubject: string; mailIntro: string; fields: Record<string, string> };
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

export function issueUrl(config: RequestConfig, fields: RequestFields): string | undefined {
	if (!config.repository) return undefined;
	const query = new URLSearchParams({ template: 'badge-request.yml', title: `${config.text.title} ${config.badgeName}` });
	for (const [key, value] of Object.entries(fields)) if (value) query.set(key, value);
	return `${config.repository}/issues/new?${query}`;
}

export function mailUrl(config: RequestConfig, fields: RequestFields): string {
	const lines = [config.text.mailIntro, ''];
	for (const [key, value] of Object.entries(fields)) if (value) lines.push(`${config.text.fields[key] ?? key}: ${value}`);
	return `mailto:${config.issuerEmail}?subject=${encodeURIComponent(`${config.text.mailSubject} ${config.badgeName}`)}&body=${encodeURIComponent(lines.join('\n'))}`;
}

export function mountRequestForm(form: HTMLFormElement, config: RequestConfig): void {
	const result = form.parentElement!.querySelector<HTMLElement>('.request-result')!;
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const data = new FormData(form);
		const get = (name: string) => String(data.get(name) ?? '').trim();
		const salt = newSalt();
		const consent = data.get('consent') === 'on';
		const fields: RequestFields = {
			badge: config.badge,
			'identity-hash': await identityOf(get('email'), salt),
			'identity-salt': salt,
			// A name is sent only with the person's consent to show it.
			...(consent && get('name') ? { name: get('name'), consent: 'yes' as const } : {}),
			...(get('evidence-url') ? { 'evidence-url': get('evidence-url') } : {}),
			...(get('narrative') ? { narrative: get('narrative') } : {}),
			...(get('claim-code') ? { 'claim-code': get('claim-code') } : {}),
		};
		const issue = issueUrl(config, fields);
		const github = result.querySelector<HTMLAnchorElement>('.request-github')!;
		github.hidden = !issue;
		if (issue) github.href = issue;
		result.querySelector<HTMLAnchorElement>('.request-mail')!.href = mailUrl(config, fields);
		result.querySelector<HTMLElement>('.request-hash')!.textContent = fields['identity-hash'];
		result.hidden = false;
		result.querySelector<HTMLElement>('h2')!.focus();
	});
}
