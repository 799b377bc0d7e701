import { describe, expect, it } from 'vitest';
import { hashEmail, hashIdentity, newAwardId, newSalt } from '../../src/lib/identity.ts';

describe('identity hashing', () => {
	// Vectors from the specification and 1EdTech's validator (../shared/spec/DIGEST.md §1.5, §2.3).
	it('matches the published vectors', () => {
		expect(hashIdentity('nobody@example.org', 'deadsea')).toBe(
			'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942',
		);
		expect(hashIdentity('a@example.com', 'Kosher')).toBe(
			'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
		);
		expect(hashIdentity('mayze', '')).toBe('sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6');
	});

	it('lower-cases and trims e-mail addresses before hashing', () => {
		expect(hashEmail('  Nobody@Example.ORG ', 'deadsea')).toBe(hashIdentity('nobody@example.org', 'deadsea'));
	});

	it('makes salts and ids that fit the recipient schema', () => {
		expect(newSalt()).toMatch(/^[0-9A-Za-z_-]{22}$/);
		const ids = new Set(Array.from({ length: 1000 }, newAwardId));
		expect(ids.size).toBe(1000);
		for (const id of ids) expect(id).toMatch(/^[0-9a-z]{12}$/);
	});
});
