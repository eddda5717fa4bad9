import { z } from 'zod';
import { translatableOut } from '../areas/areas.schema';
import { bodyKinds, bodyLinkKinds, seatTypes } from '../db/schema';

/** A body as the API shows it. */
export const bodyOut = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		kind: z.enum(bodyKinds),
		name: translatableOut,
		purpose: translatableOut.nullable(),
		regionId: z.uuid().nullable(),
		partOfId: z.uuid().nullable(),
		links: z.array(
			z.object({ kind: z.enum(bodyLinkKinds), toBodyId: z.uuid() }).meta({ id: 'BodyLink' })
		),
		policyDomains: z.array(z.string()).meta({ description: 'Slugs of the policy domains.' }),
		participants: z.array(
			z
				.object({ organisationId: z.uuid(), seatType: z.enum(seatTypes) })
				.meta({ id: 'Participant' })
		)
	})
	.meta({ id: 'Body' });
export type BodyOut = z.infer<typeof bodyOut>;

export const bodyListQuery = z.strictObject({
	cursor: z.string().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	region: z.string().max(100).optional().meta({ description: 'Slug of a platform region.' })
});
