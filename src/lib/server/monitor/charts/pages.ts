/**
 * What the public monitor pages show, assembled from the read models and the chart views: each
 * page calls one of these (thin routes). Query counts stay fixed (see monitor.queries.ts).
 */
import { translate, tr, type Locale } from '../../../i18n';
import { periodLabel } from '../periods';
import type { DbOrTx } from '../../db';
import {
	areaKey,
	areaProfile,
	indicatorByCode,
	indicatorMap,
	indicatorSeries,
	monitorCatalogue,
	selectableAreas,
	type AreaKey
} from '../monitor.queries';
import {
	domainLabel,
	mapView,
	pointText,
	rankingView,
	seriesView,
	sparklineSvg,
	valueText,
	diffText,
	type ChartView
} from './views';

/** The catalogue page: domains with their indicators and the profile links. */
export async function cataloguePage(db: DbOrTx, locale: Locale) {
	const [catalogue, pick] = await Promise.all([monitorCatalogue(db), selectableAreas(db)]);
	return {
		isExample: catalogue.isExample,
		domains: catalogue.domains.map((d) => ({
			label: domainLabel(d.domain, locale),
			indicators: d.indicators.map((i) => ({
				code: i.code,
				name: tr(i.name, locale),
				unit: i.unit,
				isExample: i.isExample,
				latest: i.latestPeriod ? periodLabel(i.latestPeriod, locale) : null
			}))
		})),
		regions: pick.regions.map((r) => ({ slug: r.slug, name: tr(r.name, locale) })),
		municipalities: pick.municipalities.map((m) => ({
			href: `/monitor/gebieden/${m.nisCode}-${m.slug}`,
			name: tr(m.name, locale)
		}))
	};
}

export type IndicatorChoice = { gebied?: string; regio?: string; periode?: string };

/** The indicator page: series, ranking and map for the chosen area, region and period. */
export async function indicatorPage(
	db: DbOrTx,
	code: string,
	choice: IndicatorChoice,
	locale: Locale
) {
	const indicator = await indicatorByCode(db, code);
	const pick = await selectableAreas(db);
	const keys = new Set([...pick.regions, ...pick.municipalities].map(areaKey));
	const fallbackRegion = pick.regions[0]?.slug ?? '';
	const area: AreaKey = choice.gebied && keys.has(choice.gebied) ? choice.gebied : fallbackRegion;
	const series = await indicatorSeries(db, indicator, area);
	const ownRegion =
		series.area.level === 'regio'
			? series.area.slug
			: (series.references.find((r) => r.role === 'region')?.slug ?? fallbackRegion);
	const region = pick.regions.some((r) => r.slug === choice.regio) ? choice.regio! : ownRegion;
	const map = await indicatorMap(db, indicator, region, choice.periode);
	const views: { series: ChartView; ranking: ChartView; map: ChartView | null } = {
		series: seriesView(indicator, series.area, series.lines, locale),
		ranking: rankingView(indicator, map, locale, series.area.id),
		map: mapView(indicator, map, locale)
	};
	return {
		indicator: {
			code: indicator.code,
			name: tr(indicator.name, locale),
			definition: tr(indicator.definition, locale),
			unit: indicator.unit,
			source: [indicator.sourceOrganisation, indicator.sourceDataset].filter(Boolean).join(', '),
			sourceUrl: indicator.sourceUrl,
			licence: indicator.licence,
			direction: translate(locale, `monitor.direction.${indicator.direction}`),
			domain: domainLabel(indicator.domain, locale),
			isExample: indicator.isExample
		},
		choice: { gebied: area, regio: region, periode: map.period ?? '' },
		areaOptions: [...pick.regions, ...pick.municipalities].map((a) => ({
			value: areaKey(a),
			label: tr(a.name, locale)
		})),
		regionOptions: pick.regions.map((r) => ({ value: r.slug, label: tr(r.name, locale) })),
		periodOptions: map.periods.map((p) => ({
			value: p.period,
			label: periodLabel(p.period, locale)
		})),
		area: { name: tr(series.area.name, locale) },
		views
	};
}

/** One chart of the indicator page as an SVG file. */
export async function indicatorChartSvg(
	db: DbOrTx,
	code: string,
	chart: string,
	choice: IndicatorChoice,
	locale: Locale
): Promise<string | null> {
	const page = await indicatorPage(db, code, choice, locale);
	const view =
		chart === 'reeks'
			? page.views.series
			: chart === 'rangschikking'
				? page.views.ranking
				: chart === 'kaart'
					? page.views.map
					: null;
	return view?.svg ?? null;
}

/** The profile of a municipality (NIS code) or a platform region (slug). */
export async function profilePage(db: DbOrTx, key: AreaKey, locale: Locale) {
	const profile = await areaProfile(db, key);
	let spark = 0;
	return {
		area: {
			name: tr(profile.area.name, locale),
			level: profile.area.level,
			nisCode: profile.area.nisCode,
			slug: profile.area.slug,
			key: areaKey(profile.area)
		},
		references: profile.references.map((r) => tr(r.name, locale)),
		isExample: profile.isExample,
		domains: profile.domains.map((d) => ({
			label: domainLabel(d.domain, locale),
			rows: d.indicators.map((row) => {
				const ind = row.indicator;
				const latest = row.latest;
				const previous = row.previous;
				const diff = latest && previous ? latest.value! - previous.value! : null;
				const trend =
					diff === null || !previous
						? '—'
						: translate(
								locale,
								Math.round(diff * 10 ** ind.decimals) === 0
									? 'monitor.trend.same'
									: diff > 0
										? 'monitor.trend.up'
										: 'monitor.trend.down',
								{ diff: diffText(ind, diff, locale), period: periodLabel(previous.period, locale) }
							);
				return {
					code: ind.code,
					name: tr(ind.name, locale),
					latest: pointText(ind, latest, locale),
					period: latest ? periodLabel(latest.period, locale) : '—',
					trend,
					references: row.references.map((r) => {
						const v = r.point?.value ?? null;
						let verdict = '';
						if (v !== null && latest?.value != null && ind.direction !== 'neutral') {
							const d = Math.round((latest.value - v) * 10 ** ind.decimals);
							verdict =
								d === 0
									? translate(locale, 'monitor.compare.equal')
									: d > 0 === (ind.direction === 'higher_better')
										? translate(locale, 'monitor.compare.better')
										: translate(locale, 'monitor.compare.worse');
						}
						return { value: v === null ? '—' : valueText(ind, v, locale), verdict };
					}),
					sparkline: sparklineSvg(row, profile.area, locale, ++spark)
				};
			})
		}))
	};
}
