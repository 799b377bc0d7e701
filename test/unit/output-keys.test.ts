import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/content/load-site.ts';
import type { Site } from '../../src/lib/content/model.ts';
import type { AuditEvent } from '../../src/lib/git/history.ts';
import { awardKeys, codeFingerprint, type OutputInputs } from '../../src/lib/publish/output-keys.ts';
import { fixture, projectRoot } from '../helpers.ts';

const site = async (): Promise<Site> => (await loadSite(fixture('basic'), { now: new Date('2026-11-22T12:00:00Z') })).site!;
const inputs = (over: Partial<OutputInputs> = {}): OutputInputs => ({
	code: 'code',
	history: { available: true, events: [] },
	forge: undefined,
	signing: { keyId: 'k1' },
	now: new Date('2026-11-22T12:00:00Z'),
	...over,
});
const changed = (a: Map<string, { files: string; page: string }>, b: typeof a, which: 'files' | 'page') =>
	[...a].filter(([id, k]) => b.get(id)![which] !== k[which]).map(([id]) => id).sort();

describe('award keys (what a rebuild redoes)', () => {
	it('are stable for the same content, and change for every award with the code or the signing key', async () => {
		const s = await site();
		const base = awardKeys(s, inputs());
		expect(awardKeys(await site(), inputs())).toEqual(base);
		const all = [...base.keys()].sort();
		expect(changed(base, awardKeys(s, inputs({ code: 'other' })), 'files')).toEqual(all);
		expect(changed(base, awardKeys(s, inputs({ signing: { keyId: 'k2' } })), 'files')).toEqual(all);
	});

	it('change the files and the page of the awards of an edited badge only', async () => {
		const s = await site();
		const base = awardKeys(s, inputs());
		s.badges.get('engagement-citoyen')!.image.bytes = new Uint8Array([1, 2, 3]);
		const after = awardKeys(s, inputs());
		const ofBadge = s.awards.filter((a) => a.badge === 'engagement-citoyen').map((a) => a.id).sort();
		expect(ofBadge.length).toBeGreaterThan(0);
		expect(changed(base, after, 'files')).toEqual(ofBadge);
		expect(changed(base, after, 'page')).toEqual(ofBadge);
	});

	it('change only the page when the audit trail changes or the award expires', async () => {
		const s = await site();
		const base = awardKeys(s, inputs());
		const event: AuditEvent = { kind: 'issued', awardId: 'zz9yy8xx7ww6', date: '2026-01-01T00:00:00Z', commit: 'c0ffee', author: 'Ana' };
		const withTrail = awardKeys(s, inputs({ history: { available: true, events: [event] } }));
		expect(changed(base, withTrail, 'files')).toEqual([]);
		expect(changed(base, withTrail, 'page')).toEqual(['zz9yy8xx7ww6']);

		const expiring = s.awards.find((a) => a.expires)!;
		expect(expiring, 'the fixture has an award that expires').toBeDefined();
		const before = awardKeys(s, inputs({ now: new Date(Date.parse(expiring.expires!) - 1000) }));
		const after = awardKeys(s, inputs({ now: new Date(Date.parse(expiring.expires!) + 1000) }));
		expect(changed(before, after, 'files')).toEqual([]);
		expect(changed(before, after, 'page')).toEqual([expiring.id]);
	});

	it('fingerprint the project code', () => {
		expect(codeFingerprint(projectRoot)).toMatch(/^[\w-]{43}$/);
		expect(codeFingerprint(projectRoot)).toBe(codeFingerprint(projectRoot));
	});
});
