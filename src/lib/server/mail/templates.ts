/**
 * Mail templates in the recipient's language (users.locale; Dutch for people without an account):
 * plain text + HTML, with the site's name and contact in the footer. The text lives in the
 * workspace catalogue (`ws.mail.…`, src/lib/i18n/workspace/mail.ts). Values are escaped for the
 * HTML part.
 */
import { localizeHref, translate, translator, type Locale } from '../../i18n';
import type { SiteSettings } from '../settings/settings.schema';
import type { Mail } from './mail.service';
import { notificationKindLabel, type NotificationKind } from './preferences.service';

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

export type Block = { text: string } | { link: string; label: string };

function render(
	settings: SiteSettings,
	to: string,
	subject: string,
	blocks: Block[],
	locale: Locale = 'nl'
): Mail {
	const footer = [settings.legalName ?? settings.name, settings.address, settings.email]
		.filter(Boolean)
		.join(' · ');
	const text = [
		...blocks.map((b) => ('text' in b ? b.text : `${b.label}:\n${b.link}`)),
		'—',
		footer
	].join('\n\n');
	const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b">
${blocks
	.map((b) =>
		'text' in b
			? `<p>${escapeHtml(b.text)}</p>`
			: `<p><a href="${escapeHtml(b.link)}" style="color:${settings.colours.primary}">${escapeHtml(b.label)}</a></p>`
	)
	.join('\n')}
<hr><p style="font-size:0.9em;color:#4a4a4a">${escapeHtml(footer)}</p></body></html>`;
	return { to, subject: `${subject} — ${settings.name}`, text, html };
}

/** A message without the notification footer (for recipients without an account). */
export const plainMail = (
	settings: SiteSettings,
	args: { to: string; subject: string; blocks: Block[]; locale?: Locale }
) => render(settings, args.to, args.subject, args.blocks, args.locale);

/** An invitation in `locale` (Dutch by default); `link` and `expiresAt` come localized. */
export function invitationMail(
	settings: SiteSettings,
	args: {
		to: string;
		name: string;
		invitedBy: string;
		link: string;
		expiresAt: string;
		locale?: Locale;
	}
): Mail {
	const locale = args.locale ?? 'nl';
	const t = translator(locale);
	return render(
		settings,
		args.to,
		t('ws.mail.invitation.subject'),
		[
			{ text: t('ws.mail.greeting', { name: args.name }) },
			{ text: t('ws.mail.invitation.body', { invitedBy: args.invitedBy, site: settings.name }) },
			{ link: args.link, label: t('ws.mail.invitation.link') },
			{ text: t('ws.mail.invitation.expiry', { expiresAt: args.expiresAt }) }
		],
		locale
	);
}

export function resetMail(
	settings: SiteSettings,
	args: { to: string; name: string; link: string; expiresAt: string; locale?: Locale }
): Mail {
	const locale = args.locale ?? 'nl';
	const t = translator(locale);
	return render(
		settings,
		args.to,
		t('ws.mail.reset.subject'),
		[
			{ text: t('ws.mail.greeting', { name: args.name }) },
			{ text: t('ws.mail.reset.body') },
			{ link: args.link, label: t('ws.mail.reset.link') },
			{ text: t('ws.mail.reset.expiry', { expiresAt: args.expiresAt }) }
		],
		locale
	);
}

/** Where a user changes which notifications they receive (login required), in Dutch. */
export const preferencesPath = '/beheer/account#meldingen';

/** An absolute link to the page `path` (a Dutch path) in `locale`. */
export const absoluteLink = (path: string, locale: Locale, origin: string) =>
	new URL(localizeHref(path, locale), origin).toString();

/**
 * The footer of every notification mail: which kind it is and where to turn it off. Invitations,
 * resets and other account mails are not notifications and do not carry it.
 */
export function notificationFooter(
	origin: string,
	kind: NotificationKind,
	locale: Locale = 'nl'
): Block[] {
	return [
		{
			text: translate(locale, 'ws.mail.footer.reason', {
				kind: notificationKindLabel(kind, locale).label.toLowerCase()
			})
		},
		{
			link: absoluteLink(preferencesPath, locale, origin),
			label: translate(locale, 'ws.mail.footer.link')
		}
	];
}

/** A notification mail in `locale`: the blocks of the message, then the notification footer. */
export function notificationMail(
	settings: SiteSettings,
	args: {
		to: string;
		subject: string;
		kind: NotificationKind;
		origin: string;
		blocks: Block[];
		locale?: Locale;
	}
): Mail {
	return render(
		settings,
		args.to,
		args.subject,
		[...args.blocks, ...notificationFooter(args.origin, args.kind, args.locale)],
		args.locale
	);
}
