import type { Reroute } from '@sveltejs/kit';
import { delocalizePath } from '$lib/i18n';

/** English pages live under /en with the same paths: route them to the same files. */
export const reroute: Reroute = ({ url }) => delocalizePath(url.pathname);
