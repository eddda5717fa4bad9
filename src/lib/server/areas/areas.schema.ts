import { z } from 'zod';
import { areaLevels } from '../db/schema';

export const translatableOut = z
	.object({ nl: z.string(), en: z.string().optional() })
	.meta({ id: 'Translatable', description: 'Text in Dutch, and in English when translated.' });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An area as the API shows it. */
export const areaOut = z
	.object({
		id: z.uuid(),
		level: z.enum(areaLevels),
		nisCode: z.string().nullable(),
		slug: z.string(),
		name: translatableOut,
		parentId: z.uuid().nullable(),
		validFrom: isoDate.nullable(),
		validTo: isoDate.nullable(),
		successorId: z.uuid().nullable()
	})
	.meta({ id: 'Area' });
export type AreaOut = z.infer<typeof areaOut>;

export const areaListQuery = z.strictObject({
	cursor: z.string().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	level: z.enum(areaLevels).optional()
});
