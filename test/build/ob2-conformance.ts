/**
 * Checks written from the Open Badges 2.0 specification (../shared/spec/DIGEST.md Part 1), not from
 * src/lib: they read the built files only, and expand them with the official context.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { sharedSpec } from '../helpers.ts';

const require = createRequire(import.meta.url);
const jsonld = require('jsonld') as {
	expand: (doc: object, options: object) => Promise<Record<string, unknown>[]>;
};

const OB2 = 'https://w3id.org/openbadges/v2';
const officialContext = JSON.parse(readFileSync(`${sharedSpec}/data/ob2/context/v2-context.json`, 'utf8'));

/** Offline loader: the official OB 2.0 context and nothing else. */
const documentLoader = async (url: string) => {
	if (url !== OB2) throw new Error(`unexpected context fetch: ${url}`);
	return { contextUrl: null, documentUrl: url, document: officialContext };
};

/**
 * Expands with jsonld.js in safe mode, which fails on any property the official context does not
 * define: an unmapped property would silently vanish from the badge's meaning.
 */
export async function expandStrictly(doc: object): Promise<Record<string, unknown>> {
	const [expanded] = await jsonld.expand(doc, { documentLoader, safe: true });
	return expanded!;
}

const DATE_TIME_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HTTP = /^https?:\/\//;

export function expectAssertion(a: Record<string, any>): void {
	expect(a['@context']).toBe(OB2); // a string: Open Badge Passport needs it so
	expect(a.type).toBe('Assertion');
	expect(a.id).toMatch(HTTP);
	expect(a.recipient).toMatchObject({ type: 'email', hashed: true });
	expect(a.recipient.identity).toMatch(/^sha256\$[0-9a-f]{64}$/);
	expect(typeof a.recipient.salt).toBe('string');
	expect(a.badge).toMatch(HTTP);
	expect(a.verification).toEqual({ type: 'hosted' });
	expect(a.issuedOn).toMatch(DATE_TIME_TZ);
	if ('expires' in a) {
		expect(a.expires).toMatch(DATE_TIME_TZ);
		expect(Date.parse(a.expires)).toBeGreaterThan(Date.parse(a.issuedOn));
	}
	if ('image' in a) expect(a.image).toMatch(/^https?:\/\/.+\.(png|svg)$/);
	for (const e of a.evidence ?? []) {
		expect(e.id ?? e.narrative).toBeTruthy();
		if (e.id) expect(e.id).toMatch(HTTP);
	}
	// Every top-level property of the spec's hosted assertion example exists in ours, shaped alike.
	const example = JSON.parse(readFileSync(`${sharedSpec}/data/samples/ob2/spec-extracted/00-assertion-hosted.json`, 'utf8'));
	for (const key of ['@context', 'type', 'id', 'recipient', 'issuedOn', 'badge', 'verification']) {
		expect(typeof a[key], key).toBe(typeof example[key]);
	}
	expect(Object.keys(a.recipient).sort()).toEqual(Object.keys(example.recipient).sort());
}

export function expectBadgeClass(b: Record<string, any>): void {
	expect(b['@context']).toBe(OB2);
	expect(b.type).toBe('BadgeClass');
	for (const key of ['id', 'name', 'description', 'image', 'criteria', 'issuer']) expect(b[key], key).toBeTruthy();
	expect(b.image).toMatch(/^https?:\/\/.+\.(png|svg)$/);
	expect(b.criteria.id ?? b.criteria).toMatch(HTTP);
	expect(b.issuer).toMatch(HTTP);
	for (const al of b.alignment ?? []) {
		expect(al.targetName).toBeTruthy();
		expect(al.targetUrl).toMatch(HTTP);
	}
}

export function expectProfile(p: Record<string, any>): void {
	expect(p['@context']).toBe(OB2);
	expect(['Profile', 'Issuer']).toContain(p.type);
	for (const key of ['id', 'name', 'url', 'email']) expect(p[key], key).toBeTruthy();
	expect(p.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i);
	expect(p.url).toMatch(HTTP);
}
