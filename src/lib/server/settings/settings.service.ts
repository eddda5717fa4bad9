import { eq } from 'drizzle-orm';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { siteSettings } from '../db/schema';
import { invalidInput } from '../errors';
import { siteSettingsSchema, type SiteSettings } from './settings.schema';

const KEY = 'site';

/** Used until settings are stored (an empty database): a neutral, working site. */
export const fallbackSettings: SiteSettings = {
	name: 'Streekplatform',
	colours: { primary: '#1f4e79', accent: '#b3541e' }
};

export async function getSiteSettings(db: DbOrTx): Promise<SiteSettings> {
	const [row] = await db.select().from(siteSettings).where(eq(siteSettings.key, KEY));
	const parsed = siteSettingsSchema.safeParse(row?.value);
	return parsed.success ? parsed.data : fallbackSettings;
}

export async function updateSiteSettings(
	ctx: ServiceContext,
	input: unknown
): Promise<SiteSettings> {
	const parsed = siteSettingsSchema.safeParse(input);
	if (!parsed.success) {
		throw invalidInput(parsed.error, 'De instellingen zijn ongeldig.');
	}
	return mutate(ctx, async (tx) => {
		const before = await getSiteSettings(tx);
		await tx
			.insert(siteSettings)
			.values({ key: KEY, value: parsed.data })
			.onConflictDoUpdate({
				target: siteSettings.key,
				set: { value: parsed.data, updatedAt: new Date() }
			});
		return {
			result: parsed.data,
			audit: {
				action: 'settings.update',
				recordType: 'site_settings',
				recordId: KEY,
				changes: diff(before, parsed.data)
			}
		};
	});
}
