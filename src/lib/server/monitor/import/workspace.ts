/**
 * The workspace pages of the import (/beheer/monitor/import): the start page (indicators to
 * choose from, recent imports) and the glue for the streaming upload endpoint.
 */
import { asc, desc } from 'drizzle-orm';
import { tr } from '../../../i18n';
import { config } from '../../config';
import type { ServiceContext } from '../../context';
import { indicators, monitorImports } from '../../db/schema';
import { authorize } from '../../policy';

/** The start page: the catalogue for the indicator choice and the last twenty imports. */
export async function importStartPage(ctx: ServiceContext) {
	authorize(ctx.principal, 'monitor:manage', undefined, ctx.requestId);
	const [list, recent] = await Promise.all([
		ctx.db
			.select({ code: indicators.code, name: indicators.name, isExample: indicators.isExample })
			.from(indicators)
			.orderBy(asc(indicators.domain), asc(indicators.position), asc(indicators.code)),
		ctx.db
			.select({
				id: monitorImports.id,
				fileName: monitorImports.fileName,
				format: monitorImports.format,
				status: monitorImports.status,
				rows: monitorImports.rows,
				inserted: monitorImports.inserted,
				updated: monitorImports.updated,
				unchanged: monitorImports.unchanged,
				skipped: monitorImports.skipped,
				createdAt: monitorImports.createdAt
			})
			.from(monitorImports)
			.orderBy(desc(monitorImports.createdAt))
			.limit(20)
	]);
	return {
		indicators: list.map((i) => ({
			code: i.code,
			name: tr(i.name, ctx.locale),
			isExample: i.isExample
		})),
		recent,
		maxMegabytes: config().MONITOR_IMPORT_MAX_MB
	};
}
