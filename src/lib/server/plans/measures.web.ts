/**
 * The public page of one measure of a published plan (/plannen/<slug>/metingen/<id>): its chart,
 * status, table and CSV download. A measure of a plan that is not published, or one asked for
 * under another plan's slug, is not found.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import type { DbOrTx } from '../db';
import { notFound } from '../errors';
import { download } from '../files/serve';
import { load } from '../http';
import { periodLabel } from '../monitor/periods';
import { formatValue } from '../monitor/charts/svg';
import { measureChart, measureCsv, measureTable, measureTitle } from './charts';
import { measureSeries } from './plans.queries';
import { statusView } from './plans.web';

/** The series of a measure of a published plan, under that plan's slug only. */
export async function publicMeasureSeries(
	db: DbOrTx,
	params: { slug: string; id: string },
	locale: Locale
) {
	const series = await measureSeries(db, params.id, { audience: 'public', locale });
	if (series.measure.planSlug !== params.slug) throw notFound('Meting niet gevonden.');
	return series;
}

/** GET /plannen/<slug>/metingen/<id>. */
export async function publicMeasurePage(event: RequestEvent<{ slug: string; id: string }>) {
	const locale = event.locals.locale;
	const s = await load(publicMeasureSeries(event.locals.db, event.params, locale));
	const m = s.measure;
	const value = (p: { period: string; value: number }) =>
		`${formatValue(p.value, m.indicator.unit, m.indicator.decimals, locale)} (${periodLabel(p.period, locale)})`;
	const latest = s.actuals.at(-1);
	return {
		plan: { slug: m.planSlug, title: m.planTitle, isExample: m.isExample },
		measure: {
			id: m.id,
			externalId: m.externalId,
			heading: measureTitle(s, locale),
			indicatorCode: m.indicator.code,
			objective: `${m.objective.externalId} ${m.objective.title}`,
			direction: translate(locale, `plans.measure.direction.${m.direction}`),
			trajectory: translate(locale, `plans.measure.trajectory.${m.trajectory}`),
			baseline: value(s.baseline),
			target: value(s.target),
			intermediate: s.intermediateTargets.map(value),
			latest: latest ? value(latest) : '—'
		},
		status: statusView(s, locale),
		chart: measureChart(s, locale),
		table: measureTable(s, locale)
	};
}

/** GET /plannen/<slug>/metingen/<id>/meting.csv: the table, Dutch names, Belgian Excel style. */
export async function publicMeasureCsv(event: RequestEvent<{ slug: string; id: string }>) {
	const s = await load(publicMeasureSeries(event.locals.db, event.params, 'nl'));
	return download(
		measureCsv(s),
		'text/csv; charset=utf-8',
		`${s.measure.planSlug}-${s.measure.externalId}.csv`,
		'public, max-age=300'
	);
}
