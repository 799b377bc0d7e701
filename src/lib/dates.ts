const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function validCalendarDate(y: number, m: number, d: number): boolean {
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for `YYYY-MM-DD` or an RFC 3339 date-time with a time zone; rejects impossible dates like 2026-02-30. */
export function isDateOrDateTime(value: string): boolean {
	const m = DATE.exec(value) ?? DATE_TIME.exec(value);
	if (!m) return false;
	if (!validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
	if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
	return true;
}

/**
 * Normalises an authored date to an Open Badges DateTime: UTC, whole seconds, `Z`.
 * A bare date means midnight UTC that day, so it reads as the same day everywhere in Europe.
 */
export function toDateTime(value: string): string {
	const iso = DATE.test(value) ? `${value}T00:00:00Z` : value;
	return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Adds an ISO 8601 calendar duration (`P2Y`, `P6M`, `P90D`) to a DateTime, in UTC. */
export function addDuration(dateTime: string, duration: string): string {
	const m = DURATION.exec(duration);
	if (!m) throw new Error(`Not a supported ISO 8601 duration: ${duration}`);
	const d = new Date(dateTime);
	const [years, months, weeks, days] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number];
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth() + months);
	// Clamp 31 January + P1M to the end of February instead of rolling into March.
	const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	d.setUTCDate(Math.min(day, lastDay) + weeks * 7 + days);
	return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
