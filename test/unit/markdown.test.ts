import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';

describe('authored Markdown', () => {
	it('renders emphasis, lists and links', () => {
		expect(renderMarkdown('**trois** séances\n\n- a\n- [site](https://example.org)')).toBe(
			'<p><strong>trois</strong> séances</p>\n<ul>\n<li>a</li>\n<li><a href="https://example.org">site</a></li>\n</ul>\n',
		);
	});

	it('shows raw HTML as text and drops script links and images', () => {
		expect(renderMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(renderMarkdown('[x](javascript:alert(1)) ![a](https://t.example/p.png)')).toBe('<p>x a</p>\n');
	});

	it('keeps the page outline: headings start at h3', () => {
		expect(renderMarkdown('# Titre\n\n### Étape')).toBe('<h3>Titre</h3>\n<h3>Étape</h3>\n');
	});
});
