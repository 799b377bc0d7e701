import type { BadgeStatus, Check, CheckId } from './types.ts';

/** A bilingual message: French first, as everywhere in Blason's command-line output. */
export const m = (fr: string, en: string) => (fr === en ? fr : `${fr} / ${en}`);

/** A bilingual message followed by the (already bilingual) reason. */
export const because = (message: string, reason: string) => `${message} — ${reason}`;

/** A key or DID URL for a message: a long multibase fragment is cut (`…#z6MkjZRZ…`). */
export const shortId = (id: string) => id.replace(/#(z[1-9A-HJ-NP-Za-km-z]{8})[1-9A-HJ-NP-Za-km-z]{16,}$/, '#$1…').replace(/^(did:key:z[1-9A-HJ-NP-Za-km-z]{8})[1-9A-HJ-NP-Za-km-z]{16,}/, '$1…');

/**
 * Collects the checks of one verification. A failure is "invalid" unless it was recorded as a
 * revocation, an expiry or a not-yet-valid date: those give the badge its status instead.
 */
export class Checks {
	readonly list: Check[] = [];
	#status = new Map<Check, Exclude<BadgeStatus, 'valid' | 'invalid'>>();

	add(id: CheckId, result: Check['result'], message: string): Check {
		const check = { id, result, message };
		this.list.push(check);
		return check;
	}

	pass = (id: CheckId, message: string) => this.add(id, 'pass', message);
	fail = (id: CheckId, message: string) => this.add(id, 'fail', message);
	warn = (id: CheckId, message: string) => this.add(id, 'warn', message);
	skip = (id: CheckId, message: string) => this.add(id, 'skip', message);

	revoked(message: string) {
		this.#status.set(this.fail('revocation', message), 'revoked');
	}
	expired(message: string) {
		this.#status.set(this.fail('expiry', message), 'expired');
	}
	notYetValid(message: string) {
		this.#status.set(this.fail('issued', message), 'not-yet-valid');
	}

	has = (id: CheckId) => this.list.some((c) => c.id === id);
	failed = (id?: CheckId) => this.list.some((c) => c.result === 'fail' && (id === undefined || c.id === id));

	/** A plain failure (a broken signature, a missing field) outranks revocation and dates. */
	status(): BadgeStatus {
		const fails = this.list.filter((c) => c.result === 'fail');
		if (fails.some((c) => !this.#status.has(c))) return 'invalid';
		for (const s of ['revoked', 'expired', 'not-yet-valid'] as const) {
			if (fails.some((c) => this.#status.get(c) === s)) return s;
		}
		return 'valid';
	}
}
