/** Colour contrast (WCAG 2.1), shared by the settings check on the server and its live preview. */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of white text on this background colour (1 to 21). */
export function contrastWithWhite(hex: string): number {
	return 1.05 / (relativeLuminance(hex) + 0.05);
}

/** WCAG AA for normal text: the header shows white text on the primary colour. */
export const MIN_CONTRAST = 4.5;

/** "4,5" — rounded down, so a ratio shown as 4,5 really passes. */
export const formatRatio = (ratio: number) =>
	(Math.floor(ratio * 10) / 10).toFixed(1).replace('.', ',');
