/**
 * The /verify/ page in the browser: takes a dropped or chosen file, or pasted text (an address, a
 * JWT, JSON), runs the shared verifier core on it (loaded only now: verify-run.ts), and shows the
 * outcome in words: the state first, then each check with its result and why, what the browser was
 * not allowed to read (CORS), and an e-mail check that compares hashes locally, with no request.
 * Everything it writes follows the language switcher (onLanguage), like the award page's check.
 */
import { formatDate, type Dictionary, type MessageVars } from '../i18n/format.ts';
import type { BadgeStatus, VerifyResult } from '../lib/verify/types.ts';
import { onLanguage, type Translate } from './i18n-client.ts';
import type { RunOutcome } from './verify-run.ts';

/** What the page knows at build time (the `data-verify-page` attribute). */
export interface VerifyPageConfig {
	lang: string;
	/** issuer.yaml `site`: absolute, with its base path and final slash. */
	site: string;
	/** The base path of `site`, where this origin serves the site. */
	base: string;
	/**
	 * The interface strings this script writes (`verify.page.*`, `verify.email.match|noMatch`), in the
	 * page's language, with their `{placeholders}`: the page carries them, so that this script
	 * bundles no dictionary; other languages come from the switcher.
	 */
	strings: Dictionary;
}

/** The state shown: the core's status, or what the browser could not establish. */
export type PageState = BadgeStatus | 'incomplete' | 'unreadable';

/** A badge the core reports invalid only because documents could not be read is "incomplete". */
export function pageState(outcome: Pick<RunOutcome, 'result' | 'blocked'>): PageState {
	const { result, blocked } = outcome;
	if (result.format === 'unknown' && result.checks.some((c) => c.id === 'input' && c.result === 'fail')) return blocked.length ? 'incomplete' : 'unreadable';
	if (result.status === 'invalid' && blocked.length) return 'incomplete';
	return result.status;
}

const STATE_CLASS: Record<PageState, string> = {
	valid: 'valid',
	revoked: 'revoked',
	expired: 'expired',
	'not-yet-valid': 'expired',
	invalid: 'invalid',
	incomplete: 'error',
	unreadable: 'error',
};

const STATE_KEY: Record<PageState, string> = {
	valid: 'valid',
	revoked: 'revoked',
	expired: 'expired',
	'not-yet-valid': 'notYetValid',
	invalid: 'invalid',
	incomplete: 'incomplete',
	unreadable: 'unreadable',
};

/** What the page shows, kept so that a change of language can show it again. */
type View =
	| { kind: 'idle' }
	| { kind: 'pending' }
	| { kind: 'outcome'; outcome: RunOutcome; given: string }
	| { kind: 'problem'; detail: string; error?: string };

export function mountVerifyPage(root: HTMLElement): void {
	const config = JSON.parse(root.dataset.verifyPage!) as VerifyPageConfig;
	// Set by onLanguage below, before anything is shown: the strings and dates of the current language.
	let t: Translate = (key) => key;
	let lang = config.lang;
	const date = (value: string) => (Number.isNaN(Date.parse(value)) ? value : formatDate(value, lang));
	const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
	const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
		const node = Object.assign(document.createElement(tag), props);
		node.append(...children);
		return node;
	};

	const form = $<HTMLFormElement>('.verify-form');
	const fileInput = $<HTMLInputElement>('#verify-file');
	const textInput = $<HTMLTextAreaElement>('#verify-text');
	const dropZone = $<HTMLElement>('.drop-zone');
	const submit = $<HTMLButtonElement>('.verify-form button[type="submit"]');
	const status = $<HTMLElement>('.verify-result');
	const blockedBox = $<HTMLElement>('.verify-blocked');
	const report = $<HTMLElement>('.verify-report');
	const emailBox = $<HTMLElement>('.verify-email');
	const emailAnswer = $<HTMLElement>('.email-result');
	let view: View = { kind: 'idle' };
	let checked: { email: string; match: boolean } | undefined;
	let runs = 0;
	/** The file last chosen or dropped: the input is emptied, so that choosing it again checks it again. */
	let chosen: File | undefined;

	const show = (state: PageState | 'pending', label: string, detail: string) => {
		status.className = `status verify-result status-${state === 'pending' ? 'pending' : STATE_CLASS[state]}`;
		status.dataset.state = state;
		$('.verify-label').textContent = label;
		$('.verify-detail').textContent = detail;
	};

	const summary = (result: VerifyResult) => {
		const { badge } = result;
		const rows: [string, string][] = [];
		if (badge.name) rows.push([t('verify.page.summary.badge'), badge.name]);
		if (badge.issuer) rows.push([t('verify.page.summary.issuer'), [badge.issuer.name, badge.issuer.id].filter(Boolean).join(' — ')]);
		if (badge.issuedOn) rows.push([t('verify.page.summary.issuedOn'), date(badge.issuedOn)]);
		if (badge.issuedOn) rows.push([t('verify.page.summary.expires'), badge.expires ? date(badge.expires) : t('verify.page.summary.noExpiry')]);
		rows.push([t('verify.page.summary.format'), t(`verify.page.format.${result.format}`)]);
		return el('dl', { className: 'facts' }, ...rows.map(([dt, dd]) => el('div', {}, el('dt', {}, dt), el('dd', {}, dd))));
	};

	const checkList = (result: VerifyResult) =>
		el(
			'ul',
			{ className: 'checks' },
			...result.checks.map((check) => {
				const item = el(
					'li',
					{},
					el('span', { className: 'check-result' }, t(`verify.page.result.${check.result}`)),
					' — ',
					el('span', { className: 'check-name' }, t(`verify.page.check.${check.id}`)),
					// The core's own words, as `npm run verify` prints them (French / English).
					el('span', { className: 'check-message' }, check.message),
				);
				item.dataset.result = check.result;
				item.dataset.check = check.id;
				return item;
			}),
		);

	const renderOutcome = ({ outcome, given }: { outcome: RunOutcome; given: string }) => {
		const { result, blocked } = outcome;
		const state = pageState(outcome);
		const all = [result, ...(result.alsoBaked ?? [])];
		const warned = all.some((r) => r.checks.some((c) => c.result === 'warn'));
		const reason = all.find((r) => r.badge.revocationReason)?.badge.revocationReason;
		const when = state === 'expired' ? all.find((r) => r.status === 'expired')?.badge.expires : all.find((r) => r.status === 'not-yet-valid')?.badge.issuedOn;
		const vars: MessageVars = when ? { date: { date: when } } : {};
		const key = `verify.page.state.${STATE_KEY[state]}`;
		const detail =
			state === 'valid' && warned
				? t('verify.page.state.valid.warnings')
				: state === 'revoked' && reason
					? t('verify.page.state.revoked.reason', { reason })
					: t(`verify.page.state.${STATE_KEY[state]}.detail`, vars);
		show(state, t(key), detail);

		blockedBox.hidden = blocked.length === 0;
		$('.verify-blocked-urls').replaceChildren(...blocked.map((url) => el('li', {}, el('code', {}, url))));
		const [before, after] = t('verify.page.blocked.advice', { command: '\u0000' }).split('\u0000');
		$('.verify-blocked-advice').replaceChildren(before ?? '', el('code', {}, `npm run verify -- ${given}`), after ?? '');

		const sections: Node[] = [];
		for (const [i, r] of all.entries()) {
			if (i > 0) sections.push(el('h3', {}, t('verify.page.alsoBaked', { format: t(`verify.page.format.${r.format}`) })));
			sections.push(summary(r), checkList(r));
		}
		$('.verify-results').replaceChildren(...sections);
		report.hidden = false;
		emailBox.hidden = state === 'unreadable';
		$<HTMLElement>('.verify-email-none').hidden = outcome.identities.length > 0;
		$<HTMLElement>('.verify-email-form').hidden = outcome.identities.length === 0;
	};

	/** Shows `view` (and the e-mail answer) in the current language. */
	const render = () => {
		if (view.kind === 'idle') {
			status.dataset.state = 'idle';
		} else if (view.kind === 'pending') {
			show('pending', t('verify.page.pending'), t('verify.page.pending.detail'));
		} else if (view.kind === 'problem') {
			show('unreadable', t('verify.page.state.unreadable'), t(view.detail) + (view.error ? ` (${view.error})` : ''));
		} else {
			renderOutcome(view);
		}
		if (checked) emailAnswer.textContent = t(checked.match ? 'verify.email.match' : 'verify.email.noMatch', { email: checked.email });
		else emailAnswer.textContent = '';
	};

	const start = async (run: (core: typeof import('./verify-run.ts')) => Promise<RunOutcome>, given: string) => {
		if (view.kind === 'pending') return;
		submit.disabled = true;
		blockedBox.hidden = true;
		report.hidden = true;
		emailBox.hidden = true;
		checked = undefined;
		delete emailAnswer.dataset.match;
		view = { kind: 'pending' };
		render();
		status.dataset.run = String(++runs);
		try {
			view = { kind: 'outcome', outcome: await run(await import('./verify-run.ts')), given };
		} catch (error) {
			// Not expected (the core reports every failure as a check): say so rather than spin.
			view = { kind: 'problem', detail: 'verify.page.state.unreadable.detail', error: (error as Error).message };
		}
		render();
		submit.disabled = false;
	};

	const checkFile = (file: File) => {
		chosen = file;
		fileInput.value = '';
		const given = /\s/.test(file.name) ? `"${file.name}"` : file.name || t('verify.page.blocked.file');
		return start(async (core) => core.verifyFile(new Uint8Array(await file.arrayBuffer()), file.name, config), given);
	};

	fileInput.addEventListener('change', () => {
		const file = fileInput.files?.[0];
		if (file) void checkFile(file);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const text = textInput.value.trim();
		const file = fileInput.files?.[0] ?? chosen;
		if (text) void start((core) => core.verifyText(text, config), /^https?:\/\/\S+$/i.test(text) ? text : t('verify.page.blocked.file'));
		else if (file) void checkFile(file);
		else {
			view = { kind: 'problem', detail: 'verify.page.empty' };
			render();
		}
	});

	// Dropping a file anywhere on the form; the file input stays the accessible way in.
	const dragging = (on: boolean) => (on ? (dropZone.dataset.dragging = '') : delete dropZone.dataset.dragging);
	form.addEventListener('dragover', (event) => {
		event.preventDefault();
		dragging(true);
	});
	form.addEventListener('dragleave', () => dragging(false));
	form.addEventListener('drop', (event) => {
		event.preventDefault();
		dragging(false);
		const file = event.dataTransfer?.files[0];
		if (file) void checkFile(file);
		else {
			const text = event.dataTransfer?.getData('text/plain');
			if (text) {
				textInput.value = text;
				form.requestSubmit();
			}
		}
	});

	$<HTMLFormElement>('.email-check').addEventListener('submit', (event) => {
		event.preventDefault();
		const email = $<HTMLInputElement>('#email-check').value.trim();
		if (!email || view.kind !== 'outcome') return;
		const { identities } = view.outcome;
		// Hashing only: verify-run.ts is already loaded by the check that showed this form.
		void import('./verify-run.ts').then(async ({ emailMatchesAny }) => {
			const match = await emailMatchesAny(email, identities);
			checked = { email, match };
			emailAnswer.dataset.match = String(match);
			render();
		});
	});

	// Everything this script wrote follows the language switcher.
	onLanguage((next, nextLang) => {
		t = next;
		lang = nextLang;
		render();
	}, config.strings);
	$<HTMLElement>('.verify-nojs').hidden = true;
	form.hidden = false;
	$<HTMLElement>('.verify-js').hidden = false;
}
