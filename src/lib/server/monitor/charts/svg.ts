/**
 * Shared pieces of the server-rendered charts: escaping, Belgian number formats, the palettes.
 * Every chart is a pure function from data to an SVG string that works without JavaScript: it
 * scales with its viewBox, carries role="img" with a title and a description, and uses
 * presentation attributes only (no inline styles, so the page's CSP allows it).
 */
import { formatNumber, type Locale } from '../../../i18n';

export function esc(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** Rounded to the indicator's decimals, Belgian style: `76,1 %`, `1.234`, `12,5 per 1.000 inwoners`. */
export function formatValue(
	value: number | null,
	unit: string,
	decimals: number,
	locale: Locale
): string {
	if (value === null) return '—';
	const n = formatNumber(value, locale, decimals);
	if (!unit || unit === 'aantal' || unit === 'count') return n;
	return `${n} ${unit}`;
}

/** An axis tick: as few decimals as it needs. */
export const formatTick = (value: number, locale: Locale) =>
	formatNumber(value, locale, Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 1);

/**
 * Lines of a series chart: the Okabe–Ito colours (distinguishable with the common colour-vision
 * deficiencies), darkened to at least 3:1 against white, each with its own dash and marker so
 * colour is never the only difference.
 */
export const lineStyles = [
	{ colour: '#0b5f99', dash: '', marker: 'circle' },
	{ colour: '#b34700', dash: '8 4', marker: 'square' },
	{ colour: '#00735a', dash: '2 3', marker: 'triangle' },
	{ colour: '#3d3d3d', dash: '10 3 2 3', marker: 'diamond' },
	{ colour: '#8e3b74', dash: '4 2', marker: 'circle' }
] as const;

export function markerPath(kind: string, x: number, y: number, r = 4): string {
	switch (kind) {
		case 'square':
			return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
		case 'triangle':
			return `M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}Z`;
		case 'diamond':
			return `M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}Z`;
		default:
			return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
	}
}

export type ChartFrame = {
	/** Unique on the page: prefixes the ids of the title and description. */
	id: string;
	title: string;
	description: string;
	/** Shown in the chart when its data is example data. */
	exampleLabel?: string;
};

/** The outer <svg> with its accessible name and description. */
export function svgDocument(frame: ChartFrame, width: number, height: number, body: string) {
	const example = frame.exampleLabel
		? `<text x="${width - 8}" y="16" text-anchor="end" font-size="13" font-weight="700" fill="#8a2c00">${esc(frame.exampleLabel)}</text>`
		: '';
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${frame.id}-title ${frame.id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">` +
		`<title id="${frame.id}-title">${esc(frame.title)}</title>` +
		`<desc id="${frame.id}-desc">${esc(frame.description)}</desc>` +
		`<rect width="${width}" height="${height}" fill="#ffffff"/>` +
		body +
		example +
		`</svg>`
	);
}

/** Round coordinates: shorter SVG, stable output for tests. */
export const r1 = (n: number) => Math.round(n * 10) / 10;
