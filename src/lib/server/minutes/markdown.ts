/**
 * Minutes are written in Markdown and shown as HTML. Two layers keep that HTML inert: markdown-it
 * with raw HTML off (tags are escaped, `javascript:` and other unsafe links are not linked), and
 * sanitize-html on its output with an allow-list of tags, attributes and URL schemes.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Shared with content/render.ts, which adds images on top of the same parser and allow-list. */
export const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

export const allowed: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		's',
		'code',
		'pre',
		'blockquote',
		'ul',
		'ol',
		'li',
		'a',
		'h3',
		'h4',
		'h5',
		'h6',
		'hr',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td'
	],
	allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowProtocolRelative: false,
	// Headings of the page stay the page's: a "# title" in minutes becomes a level-3 heading.
	transformTags: {
		h1: 'h3',
		h2: 'h4',
		a: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, rel: 'noopener noreferrer nofollow' }
		})
	}
};
allowed.allowedAttributes = { ...allowed.allowedAttributes, a: ['href', 'title', 'rel'] };

/** Markdown → safe HTML. */
export function renderMarkdown(source: string): string {
	return sanitizeHtml(md.render(source), allowed);
}

/** Markdown → plain text (for mails, PDF and search snippets). */
export function markdownText(source: string): string {
	return sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
