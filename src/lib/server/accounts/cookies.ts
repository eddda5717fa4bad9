import type { Cookies } from '@sveltejs/kit';
import { localizeHref, type Locale } from '../../i18n';
import { config } from '../config';
import { SESSION_COOKIE } from './sessions.service';

/** HttpOnly, SameSite=Lax, Secure over https; lives as long as the session may. */
export function setSessionCookie(cookies: Cookies, token: string, url: URL): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: config().SESSION_MAX_HOURS * 3600
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/**
 * Only workspace paths are valid targets after login (no open redirect). Without one, the
 * workspace's start page in `locale` (a user's own language after login).
 */
export function safeReturnPath(value: string | null, locale: Locale = 'nl'): string {
	return value && /^\/(en\/)?beheer(\/[^\s]*)?$/.test(value) && !value.startsWith('//')
		? value
		: localizeHref('/beheer', locale);
}
