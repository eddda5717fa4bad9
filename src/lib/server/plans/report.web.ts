/**
 * The progress report's routes: /plannen/<slug>/voortgangsrapport.pdf|.xlsx for a published plan
 * (no owner or author names), and the same under /beheer for whoever may read the plan in the
 * workspace (with names). The period comes from ?van=YYYY-MM-DD&tot=YYYY-MM-DD; a bad one is a
 * 400 with the reason in the page's language and nothing is generated.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { letterHead } from '../exports/pdf';
import { download } from '../files/serve';
import { contextOf, load } from '../http';
import { translateMessage } from '../messages';
import { mayRead } from './plans.web';
import { progressReport } from './report';
import { renderReportPdf } from './report.pdf';
import { renderReportXlsx } from './report.xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ReportFormat = 'pdf' | 'xlsx';

/** The report as an attachment: `public` for the public face, `workspace` for the workspace. */
export async function progressReportDownload(
	event: RequestEvent<{ slug: string }>,
	where: 'public' | 'workspace',
	format: ReportFormat
): Promise<Response> {
	const ctx = contextOf(event);
	const report = await load(
		progressReport(ctx.db, event.params.slug, {
			from: event.url.searchParams.get('van'),
			to: event.url.searchParams.get('tot'),
			audience: where === 'public' ? 'public' : 'members',
			locale: ctx.locale
		})
	);
	if (where === 'workspace' && !mayRead(ctx, report.plan)) {
		error(403, translateMessage(ctx.locale, 'U hebt geen toegang tot dit plan.'));
	}
	const name = `voortgangsrapport-${report.plan.slug}-${report.period.from}-${report.period.to}`;
	const cache = where === 'public' ? 'public, max-age=300' : 'private, no-store';
	if (format === 'pdf') {
		const pdf = await renderReportPdf(report, await letterHead(ctx.db));
		return download(new Uint8Array(pdf), 'application/pdf', `${name}.pdf`, cache);
	}
	const xlsx = await renderReportXlsx(report);
	return download(new Uint8Array(xlsx), XLSX, `${name}.xlsx`, cache);
}
