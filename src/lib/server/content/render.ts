/**
 * Content Markdown → safe HTML: the minutes renderer (markdown-it with raw HTML off, then
 * sanitize-html with an allow-list) plus images. An image survives only with a `/bestanden/<uuid>`
 * address (an uploaded public file) or an https address; its alt text is kept. Headings start at
 * level 2 below the page's own h1. The schema refuses unsafe links and images without alt text
 * before anything is stored; this is the second line for whatever gets past it.
 */
import sanitizeHtml from 'sanitize-html';
import { allowed, md } from '../minutes/markdown';

const fileImage = /^\/bestanden\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** May this address be shown as an image? */
export function allowedImageSrc(src: string): boolean {
	if (fileImage.test(src)) return true;
	try {
		return new URL(src).protocol === 'https:' && !/[\s"'<>]/.test(src);
	} catch {
		return false;
	}
}

const options: sanitizeHtml.IOptions = {
	...allowed,
	allowedTags: [...(allowed.allowedTags || []), 'h2', 'img'],
	allowedAttributes: { ...allowed.allowedAttributes, img: ['src', 'alt', 'title'] },
	allowedSchemesByTag: { img: ['https'] },
	transformTags: { ...allowed.transformTags, h1: 'h2', h2: 'h3' },
	// Relative image addresses pass the scheme check: only uploaded files may stay.
	exclusiveFilter: (frame) => frame.tag === 'img' && !allowedImageSrc(frame.attribs.src ?? '')
};

/** Content Markdown → safe HTML. */
export function renderContent(source: string): string {
	return sanitizeHtml(md.render(source), options);
}
