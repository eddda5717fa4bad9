/**
 * `npm run monitor:import -- FILE [--indicator CODE] [--dry-run]`: the same import service as the
 * workspace, reading the file as a stream. Prints what was understood and the summary, or every
 * error with its line; the exit code is 1 when anything was refused.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ServiceContext } from '../../context';
import { isAppError } from '../../errors';
import { importAll, stageImport, type ImportSummary } from './import.service';

export const monitorImportUsage =
	'Gebruik: npm run monitor:import -- BESTAND [--indicator CODE] [--dry-run]';

/** What was understood of the file, one line per fact (Dutch, like the workspace preview). */
export function describeSummary(s: ImportSummary): string[] {
	const out = [`Formaat: ${s.format}${s.sheet ? ` (werkblad "${s.sheet}")` : ''}`];
	if (s.delimiter) out.push(`Scheidingsteken: ${s.delimiter === '\t' ? 'tab' : s.delimiter}`);
	if (s.decimal) out.push(`Decimaalteken: ${s.decimal === ',' ? 'komma' : 'punt'}`);
	if (s.bom !== undefined) out.push(`BOM: ${s.bom ? 'ja' : 'nee'}; regeleinden: ${s.lineEnding}`);
	out.push(
		`Indeling: ${s.layout === 'wide' ? 'breed (een kolom per periode)' : 'lang (een regel per meting)'}, kopregel ${s.headerLine}`
	);
	out.push(`NIS-kolom: ${s.nisColumn}`);
	if (s.layout === 'wide') out.push(`Periodekolommen: ${(s.periodColumns ?? []).join(', ')}`);
	else out.push(`Periodekolom: ${s.periodColumn}; waardekolom: ${s.valueColumn}`);
	if (s.statusColumn) out.push(`Statuskolom: ${s.statusColumn}`);
	out.push(
		s.indicatorColumn
			? `Indicatorkolom: ${s.indicatorColumn}`
			: `Indicator: ${s.indicatorCode ?? '(niet gekozen)'}`
	);
	out.push(
		`Regels: ${s.lines}; metingen: ${s.valid}; lege cellen: ${s.empty}; overgeslagen (onbekende gebieden): ${s.skipped}${s.skippedCodes.length ? ` (${s.skippedCodes.slice(0, 10).join(', ')}${s.skippedCodes.length > 10 ? ', …' : ''})` : ''}; herberekend (fusiegemeente vóór haar start): ${s.recomputed}${s.computed ? `; berekend door het platform (overgeslagen): ${s.computed}` : ''}; fouten: ${s.errors}`
	);
	return out;
}

/** Run the command; returns the text to print and the exit code. */
export async function runMonitorImport(
	ctx: ServiceContext,
	args: string[]
): Promise<{ out: string; err: string; code: number }> {
	const option = (name: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const dryRun = args.includes('--dry-run');
	const indicator = option('--indicator');
	const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--indicator');
	if (!file) return { out: '', err: `${monitorImportUsage}\n`, code: 2 };
	try {
		await fs.access(file);
	} catch {
		return { out: '', err: `Bestand niet gevonden: ${file}\n`, code: 1 };
	}
	try {
		const result = await importAll(
			ctx,
			stageImport(ctx, {
				fileName: path.basename(file),
				source: createReadStream(file),
				indicatorCode: indicator
			}),
			{ dryRun }
		);
		const lines = describeSummary(result.summary);
		if (result.errors.length) {
			const errors = result.errors.map((e) => `regel ${e.line}: ${e.message}`);
			return {
				out: `${lines.join('\n')}\n`,
				err: `${errors.join('\n')}\n${result.errors.length} ${result.errors.length === 1 ? 'fout' : 'fouten'}: er is niets geïmporteerd.\n`,
				code: 1
			};
		}
		if (result.summary.unresolved) {
			return {
				out: `${lines.join('\n')}\n`,
				err: 'Het bestand heeft geen indicatorkolom: kies de indicator met --indicator CODE.\n',
				code: 1
			};
		}
		if (!result.committed) {
			const what = dryRun
				? 'Proefimport: geen fouten, er is niets opgeslagen.'
				: 'Het bestand bevat geen enkele waarde om te importeren.';
			return { out: `${lines.join('\n')}\n${what}\n`, err: '', code: dryRun ? 0 : 1 };
		}
		const c = result.committed;
		return {
			out: `${lines.join('\n')}\nGeïmporteerd: ${c.inserted} nieuw, ${c.updated} gewijzigd, ${c.unchanged} ongewijzigd, ${c.skipped} regels overgeslagen (laatste transactie ${c.commitMs} ms).\n`,
			err: '',
			code: 0
		};
	} catch (e) {
		if (isAppError(e)) return { out: '', err: `${e.message}\n`, code: 1 };
		throw e;
	}
}
