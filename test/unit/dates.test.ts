import { describe, expect, it } from 'vitest';
import { addDuration, isDateOrDateTime, toDateTime } from '../../src/lib/dates.ts';

describe('dates', () => {
	it('accepts real dates and date-times with a time zone only', () => {
		expect(isDateOrDateTime('2026-03-14')).toBe(true);
		expect(isDateOrDateTime('2024-02-29')).toBe(true);
		expect(isDateOrDateTime('2026-03-14T10:00:00+01:00')).toBe(true);
		expect(isDateOrDateTime('2026-03-14T10:00Z')).toBe(true);
		expect(isDateOrDateTime('2026-02-30')).toBe(false);
		expect(isDateOrDateTime('2025-02-29')).toBe(false);
		expect(isDateOrDateTime('14/03/2026')).toBe(false);
		expect(isDateOrDateTime('2026-03-14T10:00:00')).toBe(false); // no time zone
		expect(isDateOrDateTime('2026-03-14T25:00:00Z')).toBe(false);
	});

	it('normalises to UTC whole seconds', () => {
		expect(toDateTime('2026-03-14')).toBe('2026-03-14T00:00:00Z');
		expect(toDateTime('2026-03-14T10:00:00+01:00')).toBe('2026-03-14T09:00:00Z');
		expect(toDateTime('2026-03-14T10:00:00.750Z')).toBe('2026-03-14T10:00:00Z');
	});

	it('adds ISO 8601 durations like a calendar does', () => {
		expect(addDuration('2026-03-14T00:00:00Z', 'P2Y')).toBe('2028-03-14T00:00:00Z');
		expect(addDuration('2024-02-29T00:00:00Z', 'P1Y')).toBe('2025-02-28T00:00:00Z');
		expect(addDuration('2026-01-31T00:00:00Z', 'P1M')).toBe('2026-02-28T00:00:00Z');
		expect(addDuration('2026-03-14T09:30:00Z', 'P90D')).toBe('2026-06-12T09:30:00Z');
		expect(addDuration('2026-03-14T00:00:00Z', 'P1Y6M2W')).toBe('2027-09-28T00:00:00Z');
	});
});
