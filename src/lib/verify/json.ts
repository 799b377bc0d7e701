/** Small readers for untrusted JSON: a badge may hold anything where a string is expected. */

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A JSON-LD value that may be one item or an array of them, as an array. */
export const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** The `type` values of a node (a string or an array of strings). */
export const typesOf = (node: unknown): string[] => (isObject(node) ? asArray(node.type).filter((t): t is string => typeof t === 'string') : []);

/** True when the node's `type` holds `name`, short or as an `obi:`/full Open Badges IRI. */
export const hasType = (node: unknown, name: string) =>
	typesOf(node).some((t) => t === name || t === `obi:${name}` || t === `https://w3id.org/openbadges#${name}`);

/** The id of a node given either as an IRI string or as an object with an `id`. */
export const idOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : isObject(value) ? asString(value.id) : undefined);

export const isHttpUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\//i.test(value);

/** Structural equality of two parsed JSON values. */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
	if (isObject(a) && isObject(b)) {
		const keys = Object.keys(a);
		return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
	}
	return false;
}

/** ISO 8601 date-time with a time zone, as both Open Badges versions require. */
export const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Milliseconds since the epoch, or undefined for anything that is not a parseable date. */
export function parseDate(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const time = Date.parse(value);
	return Number.isNaN(time) ? undefined : time;
}

/** The date part of an ISO 8601 value, for summaries. */
export const dayOf = (value: string | undefined) => (value ? (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value) : undefined);

/** A URL's host and port (RFC 3986 authority without user info), or undefined. */
export function hostOf(url: string): string | undefined {
	try {
		return new URL(url).host.toLowerCase() || undefined;
	} catch {
		return undefined;
	}
}
