/**
 * The /verify/ page in the browser: takes a dropped or chosen file, or pasted text (an address, a
 * JWT, JSON), runs the shared verifier core on it (loaded only now: verify-run.ts), and shows the
 * outcome in words: the state first, then each check with its result and why, what the browser was
 * not allowed to read (CORS), and an e-mail check that compares hashes locally, with no request.
 */
import type { BadgeStatus, VerifyResult } from '../lib/verify/types.ts';
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
	 * page's language, with their `{placeholders}`: the page carries them so that this script
	 * imports no dictionary.
	 */
	strings: Record<string, string>;
}

/** A message's variables: text, or a date (ISO 8601) shown as a long date in the page's language. */
type Vars = Record<string, string | number | { date: string }>;

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

export function mountVerifyPage(root: HTMLElement): void {
	const config = JSON.parse(root.dataset.verifyPage!) as VerifyPageConfig;
	const dates = new Intl.DateTimeFormat(config.lang, { dateStyle: 'long', timeZone: 'UTC' });
	const date = (value: string) => (Number.isNaN(Date.parse(value)) ? value : dates.format(new Date(value)));
	const k = (key: string, vars: Vars = {}) =>
		(config.strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => {
			const value = vars[name];
			return value === undefined ? whole : typeof value === 'object' ? date(value.date) : String(value);
		});
	/**
	 * Sets an element's text to a message, marked as the .astro pages mark theirs (`data-i18n`,
	 * `data-i18n-vars`, src/i18n/index.ts `mark`), so that a language switcher can render it again.
	 */
	const say = <T extends HTMLElement>(node: T, key: string, vars?: Vars): T => {
		node.textContent = k(key, vars);
		node.dataset.i18n = key;
		if (vars && Object.keys(vars).length) node.dataset.i18nVars = JSON.stringify(vars);
		else delete node.dataset.i18nVars;
		return node;
	};
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
	let identities: RunOutcome['identities'] = [];
	let running = false;
	let runs = 0;
	/** The file last chosen or dropped: the input is emptied, so that choosing it again checks it again. */
	let chosen: File | undefined;

	const show = (state: PageState | 'pending', label: string, detail: string, vars?: Vars) => {
		status.className = `status verify-result status-${state === 'pending' ? 'pending' : STATE_CLASS[state]}`;
		status.dataset.state = state;
		say($<HTMLElement>('.verify-label'), label);
		say($<HTMLElement>('.verify-detail'), detail, vars);
	};

	const summary = (result: VerifyResult) => {
		const { badge } = result;
		const text = (value: string) => el('dd', {}, value);
		const rows: [string, HTMLElement][] = [];
		if (badge.name) rows.push(['verify.page.summary.badge', text(badge.name)]);
		if (badge.issuer) rows.push(['verify.page.summary.issuer', text([badge.issuer.name, badge.issuer.id].filter(Boolean).join(' — '))]);
		if (badge.issuedOn) rows.push(['verify.page.summary.issuedOn', text(date(badge.issuedOn))]);
		if (badge.issuedOn) rows.push(['verify.page.summary.expires', badge.expires ? text(date(badge.expires)) : say(el('dd'), 'verify.page.summary.noExpiry')]);
		rows.push(['verify.page.summary.format', say(el('dd'), `verify.page.format.${result.format}`)]);
		return el('dl', { className: 'facts' }, ...rows.map(([dt, dd]) => el('div', {}, say(el('dt'), dt), dd)));
	};

	const checkList = (result: VerifyResult) =>
		el(
			'ul',
			{ className: 'checks' },
			...result.checks.map((check) => {
				const item = el(
					'li',
					{},
					say(el('span', { className: 'check-result' }), `verify.page.result.${check.result}`),
					' — ',
					say(el('span', { className: 'check-name' }), `verify.page.check.${check.id}`),
					// The core's own words, as `npm run verify` prints them (French / English).
					el('span', { className: 'check-message' }, check.message),
				);
				item.dataset.result = check.result;
				item.dataset.check = check.id;
				return item;
			}),
		);

	const render = (outcome: RunOutcome, given: string) => {
		const { result, blocked } = outcome;
		const state = pageState(outcome);
		const all = [result, ...(result.alsoBaked ?? [])];
		const warned = all.some((r) => r.checks.some((c) => c.result === 'warn'));
		const revoked = all.find((r) => r.badge.revocationReason)?.badge.revocationReason;
		const expires = all.find((r) => r.status === 'expired')?.badge.expires;
		const starts = all.find((r) => r.status === 'not-yet-valid')?.badge.issuedOn;
		const when = state === 'expired' ? expires : starts;
		if (state === 'valid' && warned) show(state, 'verify.page.state.valid', 'verify.page.state.valid.warnings');
		else if (state === 'revoked' && revoked) show(state, 'verify.page.state.revoked', 'verify.page.state.revoked.reason', { reason: revoked });
		else show(state, `verify.page.state.${STATE_KEY[state]}`, `verify.page.state.${STATE_KEY[state]}.detail`, when ? { date: { date: when } } : {});

		blockedBox.hidden = blocked.length === 0;
		$('.verify-blocked-urls').replaceChildren(...blocked.map((url) => el('li', {}, el('code', {}, url))));
		const [before, after] = k('verify.page.blocked.advice', { command: '\u0000' }).split('\u0000');
		$('.verify-blocked-advice').replaceChildren(before ?? '', el('code', {}, `npm run verify -- ${given}`), after ?? '');

		const sections: Node[] = [];
		for (const [i, r] of all.entries()) {
			if (i > 0) sections.push(el('h3', {}, k('verify.page.alsoBaked', { format: k(`verify.page.format.${r.format}`) })));
			sections.push(summary(r), checkList(r));
		}
		$('.verify-results').replaceChildren(...sections);
		report.hidden = false;

		identities = outcome.identities;
		emailBox.hidden = state === 'unreadable';
		$<HTMLElement>('.verify-email-none').hidden = identities.length > 0;
		$<HTMLElement>('.verify-email-form').hidden = identities.length === 0;
		emailAnswer.textContent = '';
		delete emailAnswer.dataset.match;
	};

	const start = async (run: (core: typeof import('./verify-run.ts')) => Promise<RunOutcome>, given: string) => {
		if (running) return;
		running = true;
		submit.disabled = true;
		blockedBox.hidden = true;
		report.hidden = true;
		emailBox.hidden = true;
		show('pending', 'verify.page.pending', 'verify.page.pending.detail');
		status.dataset.run = String(++runs);
		try {
			render(await run(await import('./verify-run.ts')), given);
		} catch (error) {
			// Not expected (the core reports every failure as a check): say so rather than spin.
			show('unreadable', 'verify.page.state.unreadable', 'verify.page.state.unreadable.detail');
			$('.verify-detail').append(` (${(error as Error).message})`);
		} finally {
			running = false;
			submit.disabled = false;
		}
	};

	const checkFile = (file: File) => {
		chosen = file;
		fileInput.value = '';
		return start(async (core) => core.verifyFile(new Uint8Array(await file.arrayBuffer()), file.name, config), /\s/.test(file.name) ? `"${file.name}"` : file.name || k('verify.page.blocked.file'));
	};

	fileInput.addEventListener('change', () => {
		const file = fileInput.files?.[0];
		if (file) void checkFile(file);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const text = textInput.value.trim();
		const file = fileInput.files?.[0] ?? chosen;
		if (text) void start((core) => core.verifyText(text, config), /^https?:\/\/\S+$/i.test(text) ? text : k('verify.page.blocked.file'));
		else if (file) void checkFile(file);
		else show('unreadable', 'verify.page.state.unreadable', 'verify.page.empty');
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
		if (!email) return;
		// Hashing only: verify-run.ts is already loaded by the check that showed this form.
		void import('./verify-run.ts').then(async ({ emailMatchesAny }) => {
			const match = await emailMatchesAny(email, identities);
			say(emailAnswer, match ? 'verify.email.match' : 'verify.email.noMatch', { email });
			emailAnswer.dataset.match = String(match);
		});
	});

	$<HTMLElement>('.verify-nojs').hidden = true;
	form.hidden = false;
	$<HTMLElement>('.verify-js').hidden = false;
}
