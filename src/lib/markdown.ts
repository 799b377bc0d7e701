import { Marked } from 'marked';

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Contributors edit content in a browser and evidence may come from badge requests:
// raw HTML is shown as text, and links can only be http(s) or mailto.
const marked = new Marked({
	gfm: true,
	breaks: false,
	renderer: {
		html: ({ text }) => escapeHtml(text),
		link({ href, title, tokens }) {
			const label = this.parser.parseInline(tokens);
			if (!/^(https?:|mailto:|#|\/)/i.test(href)) return label;
			return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${label}</a>`;
		},
		image: ({ text }) => escapeHtml(text),
		// Authored text sits under the page's h1 and h2: its headings start at h3.
		heading({ tokens, depth }) {
			const level = Math.max(3, depth);
			return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
		},
	},
});

/** Renders authored Markdown (criteria, narratives) to safe HTML. */
export function renderMarkdown(markdown: string): string {
	return marked.parse(markdown, { async: false });
}

export { escapeHtml };
