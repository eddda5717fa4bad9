/**
 * The licence of the open data. Default: Creative Commons Attribution 4.0 — the licence
 * international portals (data.europa.eu) and re-users recognise without reading it, asking what
 * the Flemish "Modellicentie voor gratis hergebruik" asks too (attribution, nothing more); a
 * partnership that must use the Flemish model licence chooses it with the site setting
 * `openDataLicence`.
 */
import type { SiteSettings } from '../settings/settings.schema';

export const openDataLicences = {
	'cc-by-4.0': {
		name: 'Creative Commons Naamsvermelding 4.0 Internationaal (CC BY 4.0)',
		nameEn: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
		url: 'https://creativecommons.org/licenses/by/4.0/deed.nl',
		spdx: 'CC-BY-4.0'
	},
	'modellicentie-gratis-hergebruik': {
		name: 'Modellicentie voor gratis hergebruik (Vlaamse overheid)',
		nameEn: 'Flemish model licence for free re-use',
		url: 'https://data.vlaanderen.be/doc/licentie/modellicentie-gratis-hergebruik/v1.0',
		spdx: null
	}
} as const;

export type OpenDataLicenceKey = keyof typeof openDataLicences;
export const openDataLicenceKeys = Object.keys(openDataLicences) as [
	OpenDataLicenceKey,
	...OpenDataLicenceKey[]
];

export function openDataLicence(settings: Pick<SiteSettings, 'openDataLicence'>) {
	const key = settings.openDataLicence ?? 'cc-by-4.0';
	return { key, ...openDataLicences[key] };
}
