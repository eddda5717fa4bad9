/**
 * The state of a news item or page follows from `publish_at` alone (no status column to drift):
 * none = draft, in the future = scheduled, reached = published. Pure, so lists, the public
 * queries (as SQL) and tests agree.
 */
export const contentStatuses = ['draft', 'scheduled', 'published'] as const;
export type ContentStatus = (typeof contentStatuses)[number];

export function contentStatus(publishAt: Date | null, now: Date = new Date()): ContentStatus {
	if (!publishAt) return 'draft';
	return publishAt.getTime() > now.getTime() ? 'scheduled' : 'published';
}

/** Badge labels in the workspace. */
export const statusLabels: Record<ContentStatus, { nl: string; en: string }> = {
	draft: { nl: 'concept', en: 'draft' },
	scheduled: { nl: 'gepland', en: 'scheduled' },
	published: { nl: 'gepubliceerd', en: 'published' }
};
