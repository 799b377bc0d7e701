/**
 * The award page's buttons that need JavaScript: "copy" next to the page's address and the embed
 * code, and "print the certificate". They are progressive enhancement: the page ships them hidden,
 * and without JavaScript the address and the code stay selectable text and the browser's own
 * Print command prints the same certificate (the print stylesheet does the work). Nothing here
 * makes a request.
 */

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
	for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
		const source = document.getElementById(button.dataset.copy!) as HTMLInputElement | HTMLTextAreaElement | null;
		const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
		if (!source) continue;
		button.hidden = false;
		button.addEventListener('click', async () => {
			const done = await copy(source.value, source);
			if (status) status.textContent = done ? button.dataset.copied! : button.dataset.failed!;
		});
	}
	for (const button of root.querySelectorAll<HTMLButtonElement>('button.print-certificate')) {
		button.hidden = false;
		button.addEventListener('click', () => window.print());
	}
	for (const hint of root.querySelectorAll<HTMLElement>('.print-nojs')) hint.hidden = true;
}
