/**
 * The text of an uncompressed pdfkit PDF (rendered with `compress: false`): the hex strings of
 * its TJ operators, decoded from WinAnsi, one line per operator.
 */

/** WinAnsi 0x80–0x9F (Node's TextDecoder reads them as Latin-1 control characters). */
const winAnsiHigh = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const decode = (bytes: Buffer) =>
	[...bytes]
		.map((b) => (b >= 0x80 && b <= 0x9f ? winAnsiHigh[b - 0x80] : String.fromCharCode(b)))
		.join('');

export function pdfText(pdf: Buffer): string {
	const source = pdf.toString('latin1');
	const lines: string[] = [];
	for (const m of source.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
		const parts = [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) =>
			decode(Buffer.from(h[1], 'hex'))
		);
		lines.push(parts.join(''));
	}
	return lines.join('\n');
}
