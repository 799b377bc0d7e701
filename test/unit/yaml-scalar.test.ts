import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { newRecipientText } from '../../src/lib/awarding/recipient-text.ts';
import { yamlScalar } from '../../src/lib/content/yaml-scalar.ts';

describe('yamlScalar', () => {
	// A salt is 22 random base64url characters: about one in 260,000 starts with "---", which the
	// yaml package once wrote as a block scalar and broke the recipient file (found by the
	// 10,000-row CSV test).
	it.each(['---07B6sZ7g8XKKjZgFpIw', '...x', '--x', '- x', 'a: b', '# x', 'two\nlines', "l'atelier", '0x1f', 'true', 'null', '2026-01-01', ''])(
		'%j reads back as itself after a key',
		(value) => {
			expect(parseDocument(`identity:\n  salt: ${yamlScalar(value)}\n`, { schema: 'core' }).toJS().identity.salt).toBe(value);
		},
	);

	it('lets a new recipient file hold such a salt', () => {
		const salt = '---07B6sZ7g8XKKjZgFpIw';
		const { text } = newRecipientText(
			{ hash: `sha256$${'a'.repeat(64)}`, salt, awards: [{ id: 'fd9x5f1zhte2', badge: 'atelier-numerique', issuedOn: '2026-09-15' }] } as never,
			'recipients/r-test.yaml',
		);
		expect(text).toContain(`  salt: "${salt}"\n`);
	});
});
