/**
 * News items and pages against a real database: the Taskforce secretary writes, edits, schedules,
 * publishes and unpublishes an item of the Taskforce; staff write the partnership's own. Every bad
 * input is refused with its Dutch message and nothing written (rows, audit, files); strangers are
 * refused before their input is read; the public sees only what is published.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildMemberUser } from '../../../../tests/helpers/factories';
import { images } from '../../../../tests/helpers/images';
import { auditEvents, contentItems, files } from '../db/schema';
import { countQueries } from '../db/query-counter';
import { anonymous, type Principal } from '../policy';
import { bodyId, regionId } from '../seed/seed.service';
import { contentMessages } from './content.schema';
import {
	latestNews,
	publishedItem,
	publishedNews,
	publishedPages,
	workspaceContent
} from './content.queries';
import * as service from './content.service';
import { markdownMessages } from './markdown-check';

let dataDir: string;
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-content-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();
const taskforce = bodyId('taskforce-spitsregio-leuven');
const forum = bodyId('toekomstforum-halle-vilvoorde');
let secretary: Principal;
let member: Principal;
let staff: Principal;
const as = (principal: Principal) => t.ctx({ principal });

async function counts() {
	const [c] = await t.db.select({ n: count() }).from(contentItems);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	const [f] = await t.db.select({ n: count() }).from(files);
	return { content: c.n, audit: a.n, files: f.n };
}

let seq = 0;
const news = (extra: Record<string, unknown> = {}) => ({
	kind: 'news',
	bodyId: taskforce,
	titleNl: `Nieuwe fietsroute ${++seq}`,
	bodyNl: 'De **fietsroute** is open.',
	...extra
});

/** A refusal with `message` on `field`, and nothing written. */
async function refused(call: () => Promise<unknown>, field: string, message: string) {
	const before = await counts();
	const e = await rejection(call());
	expect(e.code).toBe('invalid_input');
	expect(e.fields?.[field]).toContain(message);
	expect(await counts()).toEqual(before);
	return e;
}

beforeAll(async () => {
	secretary = (await buildMemberUser(t.db, { bodyId: taskforce, role: 'secretary' })).principal;
	member = (await buildMemberUser(t.db, { bodyId: taskforce, role: 'member' })).principal;
	staff = (await buildMemberUser(t.db, { bodyId: forum, role: 'member', platformRole: 'staff' }))
		.principal;
});

describe('writing', () => {
	it('creates a draft with a slug from its title, audited', async () => {
		const before = await counts();
		const item = await service.createContent(as(secretary), news({ titleNl: 'Één nieuwe route' }));
		expect(item).toMatchObject({ slug: 'een-nieuwe-route', publishAt: null, revision: 0 });
		expect(await counts()).toEqual({
			...before,
			content: before.content + 1,
			audit: before.audit + 1
		});
		// The same title again gets the next free slug.
		const again = await service.createContent(as(secretary), news({ titleNl: 'Één nieuwe route' }));
		expect(again.slug).toBe('een-nieuwe-route-2');
	});

	it('updates against the revision, and refuses a stale one with what is stored', async () => {
		const item = await service.createContent(as(secretary), news());
		const saved = await service.updateContent(as(secretary), item.id, {
			bodyId: taskforce,
			titleNl: 'Gewijzigd',
			titleEn: 'Changed',
			bodyNl: 'Nieuw',
			revision: '0'
		});
		expect(saved).toMatchObject({ title: { nl: 'Gewijzigd', en: 'Changed' }, revision: 1 });
		const before = await counts();
		const e = await rejection(
			service.updateContent(as(secretary), item.id, {
				bodyId: taskforce,
				titleNl: 'Oud',
				bodyNl: 'x',
				revision: '0'
			}),
			service.ContentConflict
		);
		expect(e.message).toBe(contentMessages.conflict);
		expect(e.current.title).toEqual({ nl: 'Gewijzigd', en: 'Changed' });
		expect(await counts()).toEqual(before);
	});

	it('publishes, schedules, unpublishes and deletes, each audited', async () => {
		const item = await service.createContent(as(secretary), news());
		const now = new Date();
		expect(
			(await service.publishContent(as(secretary), item.id, { revision: '0' }, now)).publishAt
		).toEqual(now);
		const scheduled = await service.scheduleContent(as(secretary), item.id, {
			publishAt: '2099-06-01T09:30',
			revision: '1'
		});
		expect(scheduled.publishAt?.toISOString()).toBe('2099-06-01T07:30:00.000Z');
		expect(
			(await service.unpublishContent(as(secretary), item.id, { revision: '2' })).publishAt
		).toBeNull();
		// A bare post (no revision) publishes nothing; a stale one neither.
		await refused(
			() => service.publishContent(as(secretary), item.id, {}),
			'revision',
			contentMessages.revision
		);
		await rejection(
			service.publishContent(as(secretary), item.id, { revision: '0' }),
			service.ContentConflict
		);
		await service.deleteContent(as(secretary), item.id);
		const actions = await t.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(eq(auditEvents.recordId, item.id));
		expect(actions.map((a) => a.action).sort()).toEqual([
			'content.create',
			'content.delete',
			'content.publish',
			'content.schedule',
			'content.unpublish'
		]);
	});

	it('stores a lead image with its alt text as a public content_image', async () => {
		const item = await service.createContent(
			as(secretary),
			news({ imageAltNl: 'Fietsers op de nieuwe route' }),
			{ name: 'route.png', data: images.png }
		);
		const [file] = await t.db.select().from(files).where(eq(files.id, item.imageFileId!));
		expect(file).toMatchObject({ purpose: 'content_image', mimeType: 'image/png' });
	});
});

describe('bad input: refused in Dutch, nothing written', () => {
	it('a slug already used by an item of the same kind', async () => {
		await service.createContent(as(secretary), news({ slug: 'dubbel' }));
		await refused(
			() => service.createContent(as(secretary), news({ slug: 'dubbel' })),
			'slug',
			contentMessages.slugTaken('news')
		);
		// A page may use it.
		await service.createContent(as(secretary), news({ kind: 'page', slug: 'dubbel' }));
	});

	it.each([
		['Dubbel Woord', contentMessages.slug],
		['met_underscore', contentMessages.slug],
		['-begin', contentMessages.slug]
	])('a slug like %s', async (slug, message) => {
		await refused(() => service.createContent(as(secretary), news({ slug })), 'slug', message);
	});

	it('no Dutch title or text', async () => {
		await refused(
			() => service.createContent(as(secretary), news({ titleNl: ' ' })),
			'titleNl',
			contentMessages.title
		);
		await refused(
			() => service.createContent(as(secretary), news({ bodyNl: '' })),
			'bodyNl',
			contentMessages.body
		);
	});

	it.each([
		['[klik](javascript:alert(1))', markdownMessages.unsafeLink],
		['[klik](jav&#x09;ascript:alert(1))', markdownMessages.unsafeLink],
		['[klik](data:text/html;base64,PHNjcmlwdD4=)', markdownMessages.unsafeLink],
		['[klik](vbscript:msgbox(1))', markdownMessages.unsafeLink],
		['![](https://example.org/a.png)', markdownMessages.imageAlt],
		['![Foto](http://example.org/a.png)', markdownMessages.imageSrc]
	])('Markdown with %s', async (bodyNl, message) => {
		await refused(() => service.createContent(as(secretary), news({ bodyNl })), 'bodyNl', message);
		await refused(
			() => service.createContent(as(secretary), news({ bodyEn: bodyNl })),
			'bodyEn',
			message
		);
	});

	it('a lead image without alt text, and an SVG with a script', async () => {
		await refused(
			() => service.createContent(as(secretary), news(), { name: 'a.png', data: images.png }),
			'imageAltNl',
			contentMessages.imageAlt
		);
		await refused(
			() =>
				service.createContent(as(secretary), news({ imageAltNl: 'Logo' }), {
					name: 'logo.svg',
					data: images.svg
				}),
			'image',
			'Dit bestand is een SVG-bestand. Voor een afbeelding bij een bericht zijn alleen PNG, JPEG of WebP toegestaan.'
		);
	});

	it('a region that is not a platform region, a body that does not exist', async () => {
		await refused(
			() => service.createContent(as(staff), news({ areaId: taskforce })),
			'areaId',
			'Die regio bestaat niet.'
		);
		await refused(
			() => service.createContent(as(staff), news({ bodyId: crypto.randomUUID() })),
			'bodyId',
			'Dat orgaan bestaat niet.'
		);
	});

	it('a schedule in the past or not a date', async () => {
		const item = await service.createContent(as(secretary), news());
		await refused(
			() =>
				service.scheduleContent(as(secretary), item.id, {
					publishAt: '2020-01-01T10:00',
					revision: '0'
				}),
			'publishAt',
			contentMessages.publishAtPast
		);
		await refused(
			() =>
				service.scheduleContent(as(secretary), item.id, {
					publishAt: '2099-13-45T10:00',
					revision: '0'
				}),
			'publishAt',
			contentMessages.publishAt
		);
	});
});

describe('who may write', () => {
	it('refuses members, other bodies and the anonymous before reading the input', async () => {
		const before = await counts();
		for (const [principal, input] of [
			[member, { bodyId: taskforce }],
			[secretary, { bodyId: forum }],
			[anonymous, { bodyId: taskforce }]
		] as const) {
			const e = await rejection(service.createContent(as(principal), input));
			expect(['forbidden', 'unauthenticated']).toContain(e.code);
		}
		// A writer who names no body is asked to choose one (the partnership's own is for staff).
		await refused(
			() => service.createContent(as(secretary), {}),
			'bodyId',
			contentMessages.chooseBody
		);
		const item = await service.createContent(as(secretary), news());
		const mid = await counts();
		expect((await rejection(service.deleteContent(as(member), item.id))).code).toBe('forbidden');
		expect((await rejection(service.publishContent(as(member), item.id, {}))).code).toBe(
			'forbidden'
		);
		// Moving an item to a body the writer does not edit is refused too.
		const e = await rejection(
			service.updateContent(as(secretary), item.id, { ...news({ bodyId: forum }), revision: '0' })
		);
		expect(e.code).toBe('forbidden');
		expect(await counts()).toEqual(mid);
		expect(mid.content).toBe(before.content + 1);
	});

	it("lets staff write the partnership's own items and everyone's", async () => {
		const own = await service.createContent(as(staff), news({ bodyId: '' }));
		expect(own.bodyId).toBeNull();
		const list = await workspaceContent(t.db, secretary);
		expect(list.some((r) => r.id === own.id)).toBe(false);
		expect((await workspaceContent(t.db, staff)).some((r) => r.id === own.id)).toBe(true);
		expect(await workspaceContent(t.db, member)).toEqual([]);
	});
});

describe('what the public sees', () => {
	it('only published items; scheduled and drafts are not found', async () => {
		const ctx = as(secretary);
		const draft = await service.createContent(ctx, news());
		const scheduled = await service.createContent(ctx, news());
		await service.scheduleContent(ctx, scheduled.id, {
			publishAt: '2099-01-01T10:00',
			revision: '0'
		});
		const published = await service.createContent(ctx, news());
		await service.publishContent(ctx, published.id, { revision: '0' });
		expect(await publishedItem(t.db, 'news', draft.slug)).toBeUndefined();
		expect(await publishedItem(t.db, 'news', scheduled.slug)).toBeUndefined();
		expect((await publishedItem(t.db, 'news', published.slug))?.body?.slug).toBe(
			'taskforce-spitsregio-leuven'
		);
		const slugs = (await latestNews(t.db, { bodyId: taskforce }, 50)).map((r) => r.slug);
		expect(slugs).toContain(published.slug);
		expect(slugs).not.toContain(draft.slug);
		expect(slugs).not.toContain(scheduled.slug);
		// The region's news includes its bodies' items.
		const region = (await latestNews(t.db, { areaId: regionId('leuven') }, 50)).map((r) => r.slug);
		expect(region).toContain(published.slug);
		expect(await latestNews(t.db, { areaId: regionId('halle-vilvoorde') }, 50)).not.toContainEqual(
			expect.objectContaining({ slug: published.slug })
		);
		// Once the moment passes, the scheduled item is published.
		expect(await publishedItem(t.db, 'news', scheduled.slug, new Date('2099-01-02'))).toBeTruthy();
	});

	it('pages newest first with a cursor, in a fixed number of queries', async () => {
		const ctx = as(staff);
		for (let i = 0; i < 5; i++) {
			const item = await service.createContent(ctx, news({ bodyId: forum }));
			await service.publishContent(
				ctx,
				item.id,
				{ revision: '0' },
				new Date(Date.UTC(2026, 0, 1 + i))
			);
		}
		const first = await countQueries(() => publishedNews(t.db, { bodyId: forum }, { limit: 2 }));
		expect(first.queries).toBe(1);
		expect(first.result.items.map((r) => r.publishAt?.getUTCDate())).toEqual([5, 4]);
		const second = await publishedNews(
			t.db,
			{ bodyId: forum },
			{ limit: 2, cursor: first.result.nextCursor! }
		);
		expect(second.items.map((r) => r.publishAt?.getUTCDate())).toEqual([3, 2]);
		const page = await service.createContent(ctx, news({ kind: 'page', bodyId: forum }));
		await service.publishContent(ctx, page.id, { revision: '0' });
		for (const n of [1, 20]) {
			const r = await countQueries(() => latestNews(t.db, { bodyId: forum }, n));
			expect(r.queries).toBe(1);
		}
		const pages = await countQueries(() =>
			publishedPages(t.db, { areaId: regionId('halle-vilvoorde') })
		);
		expect(pages.queries).toBe(1);
		expect(pages.result.map((p) => p.slug)).toContain(page.slug);
		expect((await countQueries(() => workspaceContent(t.db, staff))).queries).toBe(1);
	});
});
