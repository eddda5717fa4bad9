/**
 * Mail templates in Dutch (English follows with the public-face issue): plain text + HTML, with
 * the site's name and contact in the footer. Values are escaped for the HTML part.
 */
import type { SiteSettings } from '../settings/settings.schema';
import type { Mail } from './mail.service';

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

type Block = { text: string } | { link: string; label: string };

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
