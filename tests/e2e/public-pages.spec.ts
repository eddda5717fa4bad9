/**
 * Every public page, with JavaScript on (project `js`) and off (project `nojs`): status, one
 * <h1>, the page language, no axe violations (WCAG 2.1 A/AA), no horizontal scroll at 320 px,
 * the skip link, breadcrumbs and the "back to top" link. Then the content the issue promised.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { probePage } from './support/axe';

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

type PageCase = {
	path: string;
	status?: number;
	lang?: 'nl' | 'en';
	/** The page shows breadcrumbs (all but the home page and error pages). */
	crumbs?: boolean;
};

const bodySlugs = [
	'burgemeestersoverleg-oost-brabant',
	'taskforce-spitsregio-leuven',
	'toekomstforum-halle-vilvoorde',
	'burgemeestersoverleg-halle-vilvoorde',
	'stuurgroep-toekomstforum',
	'dagelijks-bestuur-toekomstforum',
	'themawerkgroep-werk-en-economie',
	'themawerkgroep-mobiliteit',
	'themawerkgroep-onderwijs',
	'themawerkgroep-veiligheid',
	'themawerkgroep-wonen',
	'themawerkgroep-zorg-en-welzijn'
];

const organisationSlugs = [
	'acv',
	'voka',
	'interleuven',
	'haviland',
	'ersv-vlaams-brabant',
	'gemeente-leuven'
];

const pages: PageCase[] = [
	{ path: '/', crumbs: false },
	{ path: '/regio/leuven' },
	{ path: '/regio/halle-vilvoorde' },
	...bodySlugs.map((slug) => ({ path: `/organen/${slug}` })),
	...organisationSlugs.map((slug) => ({ path: `/organisaties/${slug}` })),
	{ path: '/gemeenten/23106-pajottegem' },
	{ path: '/gemeenten/23023-galmaarden' },
	{ path: '/gemeenten/24062-leuven' },
	{ path: '/open-data/api' },
	{ path: '/privacy' },
	{ path: '/en/privacy', lang: 'en' },
	{ path: '/organen/bestaat-niet', status: 404, crumbs: false },
	{ path: '/en/regio/leuven', lang: 'en' },
	{ path: '/dossiers' },
	{ path: '/dossiers/voorbeeld-memorandum-schoolinfrastructuur' },
	{ path: '/en/dossiers', lang: 'en' },
	{ path: '/dossiers/bestaat-niet', status: 404, crumbs: false }
];

const labels = {
	nl: { skip: 'Naar de inhoud', backToTop: 'Naar boven', breadcrumbs: 'Kruimelpad' },
	en: { skip: 'Skip to content', backToTop: 'Back to top', breadcrumbs: 'Breadcrumbs' }
};

/** axe results as text a person can act on: rule, impact, help, and each offending node. */
function describeViolations(violations: Violations): string {
	return violations
		.map((v) => {
			const nodes = v.nodes
				.map(
					(n) =>
						`    at ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`
				)
				.join('\n');
			return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
		})
		.join('\n');
}

async function expectNoAxeViolations(page: Page, label: string) {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations.length,
		`axe found ${violations.length} violation(s) on ${label}:\n${describeViolations(violations)}`
	).toBe(0);
}

/**
 * Open a page; with JavaScript, wait until the app has loaded and hydrated (no requests for
 * 500 ms), so the checks see the page a visitor interacts with, not the HTML before hydration.
 */
function open(page: Page, path: string, javaScriptEnabled: boolean) {
	return page.goto(path, { waitUntil: javaScriptEnabled ? 'networkidle' : 'load' });
}

/** The <ul> right after a heading (the list "under" it). */
function listUnder(heading: Locator): Locator {
	return heading.locator('xpath=following-sibling::ul[1]');
}

/** The <dd> that belongs to the <dt> with this exact text. */
function definition(page: Page, term: string): Locator {
	return page
		.locator('main dt')
		.filter({ hasText: new RegExp(`^\\s*${term}\\s*$`) })
		.locator('xpath=following-sibling::dd[1]');
}

test.describe('every public page', () => {
	for (const { path, status = 200, lang = 'nl', crumbs = true } of pages) {
		test(`${path} (${status})`, async ({ page, javaScriptEnabled }) => {
			const response = await open(page, path, javaScriptEnabled);
			expect(response, `no response for ${path}`).not.toBeNull();
			expect(response!.status()).toBe(status);

			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.locator('h1')).not.toBeEmpty();

			// The skip link is the first thing a keyboard reaches, and it moves focus to <main>.
			await page.keyboard.press('Tab');
			const skip = page.locator('a.skip-link');
			await expect(skip).toBeFocused();
			await expect(skip).toHaveText(labels[lang].skip);
			await page.keyboard.press('Enter');
			await expect(page.locator('main#inhoud')).toBeFocused();

			const breadcrumbs = page.getByRole('navigation', { name: labels[lang].breadcrumbs });
			if (crumbs) {
				await expect(breadcrumbs.getByRole('listitem').first()).toHaveText('Home');
				await expect(breadcrumbs.getByRole('link').first()).toHaveText('Home');
			} else {
				await expect(breadcrumbs).toHaveCount(0);
			}

			await expect(page.getByRole('link', { name: labels[lang].backToTop })).toHaveAttribute(
				'href',
				'#top'
			);

			const { probe, close } = await probePage(page, javaScriptEnabled);
			try {
				await expectNoAxeViolations(probe, path);

				// Narrowest supported screen (WCAG 1.4.10 reflow): no horizontal scrolling.
				await probe.setViewportSize({ width: 320, height: 720 });
				const scrollWidth = await probe.evaluate(() => document.documentElement.scrollWidth);
				expect(scrollWidth, `${path} scrolls horizontally at 320 px`).toBeLessThanOrEqual(320);
			} finally {
				await close();
			}
		});
	}
});

test.describe('content', () => {
	test('news filters by region and policy domain with a plain form', async ({ page }) => {
		await page.goto('/nieuws');
		const leuvenNews = 'Voorbeeld: Taskforce start werkgroep fietssnelwegen';
		const halleNews = 'Voorbeeld: Toekomstforum stelt prioriteiten voor';
		await page.getByLabel('Regio').selectOption({ label: 'Regio Halle-Vilvoorde' });
		await page.getByRole('button', { name: 'Toon nieuws' }).click();
		await expect(page).toHaveURL(/\/nieuws\?regio=halle-vilvoorde&domein=$/);
		await expect(page.getByRole('link', { name: halleNews })).toBeVisible();
		await expect(page.getByRole('link', { name: leuvenNews })).toHaveCount(0);
		await expect(page.getByLabel('Regio')).toHaveValue('halle-vilvoorde');

		await page.goto('/en/nieuws?regio=leuven&domein=werk-en-economie');
		await expect(page.getByLabel('Policy domain')).toHaveValue('werk-en-economie');
		await expect(
			page.getByRole('link', { name: 'Voorbeeld: Samen opleidingen voor knelpuntberoepen' })
		).toBeVisible();
		// In English the examples show their English title where they have one.
		const leuvenNewsEn = 'Example: Taskforce starts a working group on cycle highways';
		await expect(page.getByRole('link', { name: leuvenNewsEn })).toHaveCount(0);
		await page.getByRole('link', { name: 'Clear filters' }).click();
		await expect(page).toHaveURL(/\/en\/nieuws$/);
		await expect(page.getByRole('link', { name: leuvenNewsEn })).toBeVisible();
		await expect(
			page.getByRole('link', { name: 'Example: Toekomstforum presents its priorities' })
		).toBeVisible();

		const unknown = await page.goto('/nieuws?domein=bestaat-niet');
		expect(unknown?.status()).toBe(404);
	});

	test('the home page shows both regions', async ({ page }) => {
		await page.goto('/');
		const regions = page.getByRole('heading', { level: 2, name: "De regio's" });
		const list = listUnder(regions);
		await expect(list.getByRole('heading', { level: 3 })).toHaveCount(2);
		await expect(list.getByRole('link', { name: 'Regio Leuven', exact: true })).toHaveAttribute(
			'href',
			'/regio/leuven'
		);
		await expect(
			list.getByRole('link', { name: 'Regio Halle-Vilvoorde', exact: true })
		).toHaveAttribute('href', '/regio/halle-vilvoorde');
	});

	test('/regio/halle-vilvoorde lists its 33 municipalities and six themawerkgroepen', async ({
		page
	}) => {
		await page.goto('/regio/halle-vilvoorde');
		await expect(page.locator('h1')).toHaveText('Regio Halle-Vilvoorde');

		const municipalities = listUnder(
			page.getByRole('heading', { level: 2, name: /^Gemeenten\b/ })
		).getByRole('listitem');
		await expect(municipalities).toHaveCount(33);
		await expect(municipalities.getByRole('link', { name: 'Pajottegem', exact: true })).toHaveCount(
			1
		);
		await expect(municipalities.getByRole('link', { name: 'Galmaarden' })).toHaveCount(0);
		await expect(municipalities.getByRole('link', { name: 'Gooik' })).toHaveCount(0);
		await expect(municipalities.getByRole('link', { name: 'Herne' })).toHaveCount(0);

		const structure = listUnder(
			page.getByRole('heading', { level: 2, name: 'Structuur van het overleg' })
		);
		await expect(structure.getByRole('link', { name: /^Themawerkgroep / })).toHaveText([
			'Themawerkgroep Werk en Economie',
			'Themawerkgroep Mobiliteit',
			'Themawerkgroep Onderwijs',
			'Themawerkgroep Veiligheid',
			'Themawerkgroep Wonen',
			'Themawerkgroep Zorg en welzijn'
		]);
	});

	test('/regio/halle-vilvoorde draws its org chart beside the list', async ({ page }) => {
		await page.goto('/regio/halle-vilvoorde');
		const chart = page.getByRole('img', { name: 'Organigram van Regio Halle-Vilvoorde' });
		await expect(chart).toHaveCount(1);
		await expect(chart).toHaveJSProperty('tagName', 'svg');
		// The description is the text equivalent of the lines in the drawing.
		await expect(chart).toHaveAccessibleDescription(
			/Stuurgroep Toekomstforum rapporteert aan Burgemeestersoverleg Halle-Vilvoorde\./
		);
		await expect(chart.locator('rect')).toHaveCount(10);
		await expect(page.locator('figure.org-chart figcaption')).toContainText('adviseert');
		// The list alternative, with links, in the same section.
		const section = page.getByRole('region', { name: 'Structuur van het overleg' });
		await expect(section.getByRole('img')).toHaveCount(1);
		await expect(
			section.getByRole('link', { name: 'Stuurgroep Toekomstforum', exact: true })
		).toHaveAttribute('href', '/organen/stuurgroep-toekomstforum');
		// It fits a 320 px screen: scaled down, not cut off.
		await page.setViewportSize({ width: 320, height: 800 });
		const box = await chart.boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(320);
	});

	test('the privacy statement is linked from every page and uses the site settings', async ({
		page
	}) => {
		await page.goto('/');
		await page.getByRole('contentinfo').getByRole('link', { name: 'Privacyverklaring' }).click();
		await expect(page).toHaveURL(/\/privacy$/);
		await expect(page.locator('h1')).toHaveText('Privacyverklaring');
		await expect(
			page.getByRole('heading', { level: 2, name: 'Hoe lang bewaren we ze?' })
		).toHaveCount(1);
		await expect(page.locator('main')).toContainText('tot 5 jaar na het einde');
		await expect(page.locator('main')).toContainText('Verwerkingsverantwoordelijke is');
	});

	test('/organen/taskforce-spitsregio-leuven reports to the Burgemeestersoverleg and lists its participants', async ({
		page
	}) => {
		await page.goto('/organen/taskforce-spitsregio-leuven');
		await expect(page.locator('h1')).toHaveText('Taskforce Spitsregio Leuven');

		const reportsTo = definition(page, 'Rapporteert aan');
		await expect(reportsTo).toHaveCount(1);
		await expect(reportsTo.getByRole('link')).toHaveText(['Burgemeestersoverleg Oost-Brabant']);
		await expect(reportsTo.getByRole('link')).toHaveAttribute(
			'href',
			'/organen/burgemeestersoverleg-oost-brabant'
		);

		const participants = listUnder(
			page.getByRole('heading', { level: 2, name: /^Deelnemende organisaties/ })
		);
		for (const name of [
			'ACV',
			'ABVV',
			'ACLVB',
			'VOKA',
			'UNIZO',
			'Boerenbond',
			'Provincie Vlaams-Brabant',
			'VDAB',
			'Interleuven'
		]) {
			await expect(participants.getByRole('link', { name, exact: true }), name).toHaveCount(1);
		}
	});

	test('/gemeenten/23106-pajottegem names its predecessors and its bodies', async ({ page }) => {
		await page.goto('/gemeenten/23106-pajottegem');
		await expect(page.locator('h1')).toHaveText('Pajottegem');

		const predecessors = listUnder(page.getByRole('heading', { level: 2, name: 'Geschiedenis' }));
		await expect(predecessors.getByRole('link')).toHaveText(['Galmaarden', 'Gooik', 'Herne']);

		const bodies = listUnder(
			page.getByRole('heading', {
				level: 2,
				name: 'Overlegorganen waarin de gemeente deelneemt'
			})
		);
		await expect(
			bodies.getByRole('link', { name: 'Toekomstforum Halle-Vilvoorde', exact: true })
		).toHaveCount(1);
		await expect(
			bodies.getByRole('link', { name: 'Burgemeestersoverleg Halle-Vilvoorde', exact: true })
		).toHaveCount(1);
	});

	test('/gemeenten/23106 redirects to /gemeenten/23106-pajottegem', async ({ page, request }) => {
		const response = await request.get('/gemeenten/23106', { maxRedirects: 0 });
		expect(response.status()).toBe(301);
		expect(response.headers()['location']).toBe('/gemeenten/23106-pajottegem');

		await page.goto('/gemeenten/23106');
		await expect(page).toHaveURL(/\/gemeenten\/23106-pajottegem$/);
		await expect(page.locator('h1')).toHaveText('Pajottegem');
	});

	test('the dossier register filters by addressee and leads to the example memorandum', async ({
		page,
		javaScriptEnabled
	}) => {
		await open(page, '/organen/burgemeestersoverleg-halle-vilvoorde', javaScriptEnabled);
		await page.getByRole('link', { name: 'Alle dossiers van dit orgaan' }).click();
		await expect(page).toHaveURL(/\/dossiers\?orgaan=burgemeestersoverleg-halle-vilvoorde$/);
		await page.getByLabel('Geadresseerde').selectOption({ label: 'Vlaams Parlement' });
		await page.getByRole('button', { name: 'Toon dossiers' }).click();
		await expect(page).toHaveURL(/geadresseerde=vlaams-parlement/);
		await expect(page.getByRole('status')).toHaveText('1 dossier');
		await page
			.getByRole('link', { name: 'Memorandum schoolinfrastructuur Halle-Vilvoorde (voorbeeld)' })
			.click();
		await expect(page.locator('h1')).toHaveText(
			'Memorandum schoolinfrastructuur Halle-Vilvoorde (voorbeeld)'
		);
		await expect(page.getByRole('note')).toContainText('Voorbeeld');
		await expect(page.getByRole('img', { name: /Tijdlijn van het dossier/ })).toHaveCount(1);
		await expect(page.locator('main')).toContainText('Antwoord van Vlaamse Regering');
		await expect(page.locator('main')).toContainText('(te laat)');

		await open(page, '/dossiers?geadresseerde=bestaat-niet', javaScriptEnabled);
		await expect(page.getByRole('note')).toHaveText(
			'Onbekende waarde voor geadresseerde: "bestaat-niet". Die filter werd niet toegepast.'
		);
	});

	test('home → region → body by keyboard', async ({ page, javaScriptEnabled }) => {
		await open(page, '/', javaScriptEnabled);
		await page.getByRole('link', { name: 'Regio Halle-Vilvoorde', exact: true }).press('Enter');
		await expect(page).toHaveURL(/\/regio\/halle-vilvoorde$/);
		await expect(page.locator('h1')).toHaveText('Regio Halle-Vilvoorde');

		await page
			.locator('main')
			.getByRole('link', { name: 'Stuurgroep Toekomstforum', exact: true })
			.press('Enter');
		await expect(page).toHaveURL(/\/organen\/stuurgroep-toekomstforum$/);
		await expect(page.locator('h1')).toHaveText('Stuurgroep Toekomstforum');
	});

	test('home → region → body by click', async ({ page, javaScriptEnabled }) => {
		await open(page, '/', javaScriptEnabled);
		await page.getByRole('link', { name: 'Regio Leuven', exact: true }).click();
		await expect(page).toHaveURL(/\/regio\/leuven$/);
		await expect(page.locator('h1')).toHaveText('Regio Leuven');

		await page
			.locator('main')
			.getByRole('link', { name: 'Taskforce Spitsregio Leuven', exact: true })
			.click();
		await expect(page).toHaveURL(/\/organen\/taskforce-spitsregio-leuven$/);
		await expect(page.locator('h1')).toHaveText('Taskforce Spitsregio Leuven');
		// The breadcrumb leads back to the region.
		await page
			.getByRole('navigation', { name: 'Kruimelpad' })
			.getByRole('link', { name: 'Regio Leuven' })
			.click();
		await expect(page).toHaveURL(/\/regio\/leuven$/);
	});
});
