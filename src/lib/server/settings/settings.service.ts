import { eq } from 'drizzle-orm';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { siteSettings } from '../db/schema';
import { invalidInput } from '../errors';
import { commitUpload, discardUpload, stageUpload, type Upload } from '../files/files.service';
import { authorize } from '../policy';
import {
	editableSettingsKeys,
	editableSettingsSchema,
	siteSettingsSchema,
	type SiteSettings
} from './settings.schema';

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

/** Write the settings row and describe the change for the audit trail. */
async function write(tx: DbOrTx, before: SiteSettings, after: SiteSettings) {
	await tx
		.insert(siteSettings)
		.values({ key: KEY, value: after })
		.onConflictDoUpdate({ target: siteSettings.key, set: { value: after, updatedAt: new Date() } });
	return {
		result: after,
		audit: {
			action: 'settings.update',
			recordType: 'site_settings',
			recordId: KEY,
			changes: diff(before, after)
		}
	};
}

/** Replace all settings (CLI, import). */
export async function updateSiteSettings(
	ctx: ServiceContext,
	input: unknown
): Promise<SiteSettings> {
	authorize(ctx.principal, 'settings:manage', undefined, ctx.requestId);
	const parsed = siteSettingsSchema.safeParse(input);
	if (!parsed.success) {
		throw invalidInput(parsed.error, 'De instellingen zijn ongeldig.');
	}
	return mutate(ctx, async (tx) => write(tx, await getSiteSettings(tx), parsed.data));
}

/**
 * The settings screen: every field it shows; what it does not show (the host organisation, the
 * logo, which has its own upload) is kept as stored.
 */
export async function editSiteSettings(ctx: ServiceContext, input: unknown): Promise<SiteSettings> {
	authorize(ctx.principal, 'settings:manage', undefined, ctx.requestId);
	const parsed = editableSettingsSchema.safeParse(input);
	if (!parsed.success) {
		throw invalidInput(parsed.error, 'De instellingen zijn niet opgeslagen: controleer de velden.');
	}
	return mutate(ctx, async (tx) => {
		const before = await getSiteSettings(tx);
		const after: Record<string, unknown> = { ...before };
		for (const key of editableSettingsKeys) {
			if (parsed.data[key] === undefined) delete after[key];
			else after[key] = parsed.data[key];
		}
		return write(tx, before, after as SiteSettings);
	});
}

/**
 * A new logo: checked as purpose 'logo' (PNG, JPEG or WebP, at most 2 MB, by content), then the
 * file row and the settings change in one transaction. Refused → nothing written.
 */
export async function setSiteLogo(ctx: ServiceContext, upload: Upload): Promise<SiteSettings> {
	authorize(ctx.principal, 'settings:manage', undefined, ctx.requestId);
	const staged = await stageUpload('logo', upload, 'logo');
	try {
		return await mutate(ctx, async (tx) => {
			const file = await commitUpload({ ...ctx, db: tx }, staged);
			const before = await getSiteSettings(tx);
			return write(tx, before, { ...before, logoFileId: file.id });
		});
	} finally {
		await discardUpload(staged);
	}
}

/** Back to the name only (the file itself stays: the audit trail refers to it). */
export async function removeSiteLogo(ctx: ServiceContext): Promise<SiteSettings> {
	authorize(ctx.principal, 'settings:manage', undefined, ctx.requestId);
	return mutate(ctx, async (tx) => {
		const before = await getSiteSettings(tx);
		const after = { ...before };
		delete after.logoFileId;
		return write(tx, before, after);
	});
}
