/**
 * Mail templates in Dutch (English follows with the public-face issue): plain text + HTML, with
 * the site's name and contact in the footer. Values are escaped for the HTML part.
 */
import type { SiteSettings } from '../settings/settings.schema';
import type { Mail } from './mail.service';
import { notificationKindLabels, type NotificationKind } from './preferences.service';

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

export type Block = { text: string } | { link: string; label: string };

function render(settings: SiteSettings, to: string, subject: string, blocks: Block[]): Mail {
	const footer = [settings.legalName ?? settings.name, settings.address, settings.email]
		.filter(Boolean)
		.join(' · ');
	const text = [
		...blocks.map((b) => ('text' in b ? b.text : `${b.label}:\n${b.link}`)),
		'—',
		footer
	].join('\n\n');
	const html = `<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b">
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
	args: { to: string; subject: string; blocks: Block[] }
) => render(settings, args.to, args.subject, args.blocks);

export function invitationMail(
	settings: SiteSettings,
	args: { to: string; name: string; invitedBy: string; link: string; expiresAt: string }
): Mail {
	return render(settings, args.to, 'Uitnodiging voor de werkruimte', [
		{ text: `Beste ${args.name},` },
		{
			text: `${args.invitedBy} nodigt u uit voor de werkruimte van ${settings.name}. Kies via de link hieronder een wachtwoord.`
		},
		{ link: args.link, label: 'Wachtwoord kiezen' },
		{
			text: `De link werkt één keer en vervalt op ${args.expiresAt}. Verwachtte u deze uitnodiging niet? Dan mag u deze e-mail negeren.`
		}
	]);
}

export function resetMail(
	settings: SiteSettings,
	args: { to: string; name: string; link: string; expiresAt: string }
): Mail {
	return render(settings, args.to, 'Nieuw wachtwoord kiezen', [
		{ text: `Beste ${args.name},` },
		{
			text: 'Iemand vroeg een nieuw wachtwoord aan voor uw account. Was u dat, kies dan via de link hieronder een nieuw wachtwoord.'
		},
		{ link: args.link, label: 'Nieuw wachtwoord kiezen' },
		{
			text: `De link werkt één keer en vervalt op ${args.expiresAt}. Vroeg u niets aan? Dan hoeft u niets te doen: uw wachtwoord blijft ongewijzigd.`
		}
	]);
}

/** Where a user changes which notifications they receive (login required). */
export const preferencesPath = '/beheer/account#meldingen';

/**
 * The footer of every notification mail: which kind it is and where to turn it off. Invitations,
 * resets and other account mails are not notifications and do not carry it.
 */
export function notificationFooter(origin: string, kind: NotificationKind): Block[] {
	return [
		{
			text: `U krijgt deze e-mail omdat meldingen over „${notificationKindLabels[kind].label.toLowerCase()}” voor uw account aan staan.`
		},
		{ link: new URL(preferencesPath, origin).toString(), label: 'Meldingen wijzigen' }
	];
}

/** A notification mail: the blocks of the message, then the notification footer. */
export function notificationMail(
	settings: SiteSettings,
	args: { to: string; subject: string; kind: NotificationKind; origin: string; blocks: Block[] }
): Mail {
	return render(settings, args.to, args.subject, [
		...args.blocks,
		...notificationFooter(args.origin, args.kind)
	]);
}
