/**
 * The Streekfoto as a PDF report (pdfkit, built-in Helvetica, A4): the title, the summary
 * sentence, the radar (drawn as vectors) with its key, and per domain the table of indicators
 * with the region, the province, Flanders, the trends and the comparison.
 */
import PDFDocument from 'pdfkit';
import { formatNumber } from '../../i18n';
import { printable } from '../exports/pdf';
import { comparisonLabel, type Streekfoto, type StreekfotoRow } from './streekfoto.queries';
import { radarGeometry } from './streekfoto.radar';
import { periodLabel } from './periods';

const MARGIN = 50;
const INK = '#1a1a1a';
const MUTED = '#555555';

/** A value as the page shows it: Belgian format, the indicator's decimals, "–" when missing. */
export function shown(value: number | null, row: Pick<StreekfotoRow, 'decimals'>, sign = false) {
	if (value === null) return '–';
	const s = formatNumber(value, 'nl', row.decimals);
	return sign && value > 0 ? `+${s}` : s;
}

export function renderStreekfotoPdf(
	s: Streekfoto,
	options: { now?: Date; compress?: boolean } = {}
): Promise<Buffer> {
	const pdf = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
		compress: options.compress ?? true,
		lang: 'nl-BE',
		displayTitle: true,
		info: { Title: printable(s.title), Subject: printable(s.summary), Creator: 'Streekplatform' }
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		pdf.on('data', (c: Buffer) => chunks.push(c));
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
	});
	const width = pdf.page.width - 2 * MARGIN;
	const font = (
		name: 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique',
		size: number,
		color = INK
	) => pdf.font(name).fontSize(size).fillColor(color);

	font('Helvetica-Bold', 20);
	pdf.text(printable(s.title), MARGIN, MARGIN, { width });
	font('Helvetica', 11);
	pdf.moveDown(0.3);
	pdf.text(printable(s.summary), { width });
	if (s.isExample || s.radar.some((r) => r.isExample)) {
		font('Helvetica-Oblique', 9, MUTED);
		pdf.text('Voorbeeldgegevens: deze cijfers zijn verzonnen om het platform te tonen.', { width });
	}
	pdf.moveDown(0.8);

	if (s.radar.length >= 3) {
		const r = radarGeometry(s.radar, 260);
		const x0 = MARGIN;
		const y0 = pdf.y;
		const pts = (points: string) =>
			points.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
		const polygon = (points: string) => {
			const [first, ...rest] = pts(points);
			pdf.moveTo(x0 + first[0], y0 + first[1]);
			for (const [x, y] of rest) pdf.lineTo(x0 + x, y0 + y);
			pdf.closePath();
		};
		for (const ring of r.rings) {
			polygon(ring.points);
			pdf.lineWidth(0.5).strokeColor('#cccccc').stroke();
		}
		for (const a of r.axes) {
			pdf.moveTo(x0 + r.centre, y0 + r.centre).lineTo(x0 + a.x, y0 + a.y);
			pdf.lineWidth(0.5).strokeColor('#cccccc').stroke();
			font('Helvetica-Bold', 8);
			pdf.text(String(a.n), x0 + a.labelX - 5, y0 + a.labelY - 8, { width: 10, align: 'center' });
		}
		polygon(r.flanders);
		pdf.lineWidth(1).dash(3, { space: 2 }).strokeColor('#555555').stroke().undash();
		polygon(r.region);
		pdf.fillOpacity(0.25).fillAndStroke('#1d4f7a', '#1d4f7a').fillOpacity(1);
		// The key beside it.
		let y = y0;
		const kx = x0 + r.size + 20;
		font('Helvetica-Bold', 10);
		pdf.text('Radar: index Vlaanderen = 100 (verder naar buiten is beter)', kx, y, {
			width: width - r.size - 20
		});
		y = pdf.y + 4;
		for (const a of r.axes) {
			font('Helvetica', 9);
			pdf.text(
				printable(`${a.n}. ${a.name}: ${a.index === null ? '–' : formatNumber(a.index, 'nl', 0)}`),
				kx,
				y,
				{ width: width - r.size - 20 }
			);
			y = pdf.y + 1;
		}
		pdf.y = Math.max(y, y0 + r.size) + 10;
	}

	const cols = [
		{ label: 'Indicator', w: 0.26 },
		{ label: 'Periode', w: 0.08 },
		{ label: s.region.name, w: 0.1 },
		{ label: s.province?.name ?? 'Provincie', w: 0.1 },
		{ label: s.flanders?.name ?? 'Vlaanderen', w: 0.1 },
		{ label: 't.o.v. vorige', w: 0.1 },
		{ label: 'over 5 jaar', w: 0.1 },
		{ label: 'Vergelijking', w: 0.16 }
	];
	const row = (cells: string[], bold = false) => {
		const y = pdf.y;
		let x = MARGIN;
		let bottom = y;
		cells.forEach((c, i) => {
			font(bold ? 'Helvetica-Bold' : 'Helvetica', 8.5);
			pdf.text(printable(c), x, y, { width: cols[i].w * width - 4 });
			bottom = Math.max(bottom, pdf.y);
			x += cols[i].w * width;
		});
		pdf.y = bottom + 3;
		pdf.x = MARGIN;
	};
	for (const d of s.domains) {
		if (pdf.y > pdf.page.height - MARGIN - 80) pdf.addPage();
		font('Helvetica-Bold', 13);
		pdf.text(printable(d.domain.charAt(0).toUpperCase() + d.domain.slice(1)), MARGIN, pdf.y, {
			width
		});
		pdf.moveDown(0.2);
		row(
			cols.map((c) => c.label),
			true
		);
		for (const r of d.rows) {
			if (pdf.y > pdf.page.height - MARGIN - 30) {
				pdf.addPage();
				row(
					cols.map((c) => c.label),
					true
				);
			}
			row([
				`${r.name} (${r.unit})`,
				r.period ? periodLabel(r.period) : '–',
				shown(r.region, r),
				shown(r.province, r),
				shown(r.flanders, r),
				shown(r.change, r, true),
				shown(r.change5y, r, true),
				comparisonLabel(r.comparison)
			]);
		}
		pdf.moveDown(0.6);
	}
	font('Helvetica', 8, MUTED);
	pdf.text(
		printable(
			`Gemaakt op ${(options.now ?? new Date()).toLocaleDateString('nl-BE', { timeZone: 'Europe/Brussels' })}`
		),
		MARGIN,
		pdf.y,
		{ width }
	);
	pdf.end();
	return done;
}
