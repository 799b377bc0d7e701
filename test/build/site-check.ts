import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { unbakeIndependently } from '../helpers.ts';
import { expandStrictly, expectAssertion, expectBadgeClass, expectProfile } from './ob2-conformance.ts';

export const listFiles = (dir: string) =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
		.sort();

/**
 * Checks a built site from its files alone: every OB 2.0 document conforms and is served at its own
 * `id`, every link between documents resolves to a built file, and every baked image unbakes (with
 * openbadges-bakery) to the exact bytes of its hosted assertion.
 */
export async function checkBuiltSite(out: string, siteUrl: string): Promise<{ awards: string[] }> {
	const files = listFiles(out);
	const fileOf = (url: string) => {
		expect(url.startsWith(siteUrl), `${url} is under ${siteUrl}`).toBe(true);
		const rel = url.slice(siteUrl.length);
		const file = rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel;
		expect(files, `${url} is published`).toContain(file);
		return file;
	};
	const readJson = (rel: string) => JSON.parse(readFileSync(path.join(out, rel), 'utf8'));

	const profile = readJson('issuer/profile.json');
	expectProfile(profile);
	expect(profile.id).toBe(`${siteUrl}issuer/profile.json`);
	await expandStrictly(profile);
	if (profile.image) fileOf(profile.image);

	const awards: string[] = [];
	for (const rel of files) {
		const doc = rel.endsWith('.json') && !rel.startsWith('schemas/') ? readJson(rel) : undefined;
		// OB 3.0, JWKS and DID documents are checked by signed.test.ts with their own verifiers.
		if (!doc || doc['@context'] !== 'https://w3id.org/openbadges/v2') continue;
		expect(doc.id, `id of ${rel}`).toBe(siteUrl + rel);
		const expanded = await expandStrictly(doc);
		// The OB 2.0 context maps CryptographicKey to the security vocabulary's Key.
		const typeIri = doc.type === 'CryptographicKey' ? 'https://w3id.org/security#Key' : `https://w3id.org/openbadges#${doc.type}`;
		expect(expanded['@type']).toEqual([typeIri]);
		if (doc.type === 'BadgeClass') {
			expectBadgeClass(doc);
			expect(doc.issuer).toBe(profile.id);
			fileOf(doc.image);
			fileOf(doc.criteria.id);
		}
		if (doc.type === 'Assertion') {
			expectAssertion(doc);
			expect(doc.id.startsWith(profile.verification.startsWith), 'assertion is in the issuer’s hosted-verification scope').toBe(true);
			fileOf(doc.badge);
			const baked = fileOf(doc.image);
			const page = fileOf(doc.id.replace(/assertion\.json$/, ''));
			const json = readFileSync(path.join(out, rel), 'utf8');
			expect(await unbakeIndependently(readFileSync(path.join(out, baked))), `unbaked ${baked}`).toBe(json);
			const html = readFileSync(path.join(out, page), 'utf8');
			expect(html).toContain(`href="${new URL(doc.id).pathname}"`);
			expect(html).toContain(`href="${new URL(doc.image).pathname}"`);
			awards.push(rel.split('/')[1]!);
		}
	}
	return { awards };
}
