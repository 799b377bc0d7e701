/**
 * The award page's buttons that need JavaScript: "copy" next to the page's address and the embed
 * code, and "print the certificate". They are progressive enhancement: the page ships them hidden,
 * and without JavaScript the address and the code stay selectable text and the browser's own
 * Print command prints the same certificate (the print stylesheet does the work). Nothing here
 * makes a request.
 */
import { onLanguage, pageLanguage, varsOf, type Translate } from './i18n-client.ts';

/** Copies `text`: the Clipboard API where the page may use it, else the selection of `source`. */
async function copy(text: string, source: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		// No clipboard access (http, permissions): select the text and use the older command.
		source.focus();
		source.select();
		try {
			return document.execCommand('copy');
		} catch {
			return false;
		}
	}
}

export function mountAwardActions(root: ParentNode): void {
	const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-copy]')];
	// What a copy said, said again in the language the visitor switches to.
	const said = new Map<HTMLElement, 'award.copy.done' | 'award.copy.failed'>();
	let t: Translate = (key) => key;
	// The page says these two texts once, on its first copy button.
	const first = buttons.find((b) => b.dataset.copied !== undefined);
	onLanguage((next) => {
		t = next;
		for (const [status, key] of said) status.textContent = t(key);
	}, first ? { 'award.copy.done': first.dataset.copied!, 'award.copy.failed': first.dataset.failed! } : {});
	for (const button of buttons) {
		const source = document.getElementById(button.dataset.copy!) as HTMLInputElement | HTMLTextAreaElement | null;
		const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
		if (!source) continue;
		button.hidden = false;
		button.addEventListener('click', async () => {
			const done = await copy(source.value, source);
			if (!status) return;
			said.set(status, done ? 'award.copy.done' : 'award.copy.failed');
			status.textContent = t(said.get(status)!);
		});
	}
	// The share e-mail and the embed code's text alternative are written in the language shown too.
	const mail = root.querySelector<HTMLAnchorElement>('a.share-mail');
	const embed = root.querySelector<HTMLTextAreaElement>('#embed-code');
	const pageUrl = root.querySelector<HTMLInputElement>('#share-url')?.value;
	onLanguage((t, lang) => {
		if (lang === pageLanguage && !mail?.dataset.i18nShare) return; // as built
		if (mail && pageUrl) {
			const vars = varsOf(mail);
			const subject = t('award.share.mail.subject', vars);
			const body = t('award.share.mail.body', { ...vars, url: pageUrl }).replace(/\r?\n/g, '\r\n');
			mail.href = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
			mail.dataset.i18nShare = lang;
		}
		if (embed) {
			const alt = t('award.embed.alt', varsOf(embed)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
			embed.value = embed.value.replace(/ alt="[^"]*"/, ` alt="${alt}"`);
		}
	}, {});
	for (const button of root.querySelectorAll<HTMLButtonElement>('button.print-certificate')) {
		button.hidden = false;
		button.addEventListener('click', () => window.print());
	}
	for (const hint of root.querySelectorAll<HTMLElement>('.print-nojs')) hint.hidden = true;
}
