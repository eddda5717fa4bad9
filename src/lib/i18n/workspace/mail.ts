/**
 * Workspace messages: mail (`ws.mail.…`): the text of every mail to a user (sent in the user's
 * language, users.locale) and the page "Mijn account" with the mail preferences. Dutch is the
 * source; the type of `en` makes it complete.
 */
export const nl = {
	// Shared by the mails
	'ws.mail.greeting': 'Beste {name},',
	'ws.mail.footer.reason':
		'U krijgt deze e-mail omdat meldingen over „{kind}” voor uw account aan staan.',
	'ws.mail.footer.link': 'Meldingen wijzigen',

	// Invitation and password reset
	'ws.mail.invitation.subject': 'Uitnodiging voor de werkruimte',
	'ws.mail.invitation.body':
		'{invitedBy} nodigt u uit voor de werkruimte van {site}. Kies via de link hieronder een wachtwoord.',
	'ws.mail.invitation.link': 'Wachtwoord kiezen',
	'ws.mail.invitation.expiry':
		'De link werkt één keer en vervalt op {expiresAt}. Verwachtte u deze uitnodiging niet? Dan mag u deze e-mail negeren.',
	'ws.mail.reset.subject': 'Nieuw wachtwoord kiezen',
	'ws.mail.reset.body':
		'Iemand vroeg een nieuw wachtwoord aan voor uw account. Was u dat, kies dan via de link hieronder een nieuw wachtwoord.',
	'ws.mail.reset.link': 'Nieuw wachtwoord kiezen',
	'ws.mail.reset.expiry':
		'De link werkt één keer en vervalt op {expiresAt}. Vroeg u niets aan? Dan hoeft u niets te doen: uw wachtwoord blijft ongewijzigd.',

	// Kinds of notification (the preferences)
	'ws.mail.kind.meeting_invitations': 'Uitnodigingen voor vergaderingen',
	'ws.mail.kind.meeting_invitations.hint':
		'Wanneer een orgaan waarvan u lid bent een vergadering plant.',
	'ws.mail.kind.agenda_changes': 'Wijzigingen aan de agenda',
	'ws.mail.kind.agenda_changes.hint':
		'Wanneer de agenda of de stukken van een vergadering veranderen.',
	'ws.mail.kind.minutes': 'Verslagen',
	'ws.mail.kind.minutes.hint':
		'Wanneer het verslag van een vergadering klaar is voor nalezing of goedgekeurd is.',
	'ws.mail.kind.advice': 'Adviezen',
	'ws.mail.kind.advice.hint':
		'Wanneer een advies uw orgaan bereikt, of de uitkomst van een advies van uw orgaan terugkomt.',
	'ws.mail.kind.reminders': 'Herinneringen',
	'ws.mail.kind.reminders.hint':
		'Wanneer het verslag van een gehouden vergadering nog ontbreekt (voor secretarissen), en wanneer de voortgang van uw acties in een plan gemeld moet worden.',
	'ws.mail.kind.digest': 'Wekelijks overzicht',
	'ws.mail.kind.digest.hint':
		'Elke maandag: wat er de voorbije week gebeurde in de organen waarvan u lid bent.',
	'ws.mail.kind.news': 'Nieuws',
	'ws.mail.kind.news.hint': 'Nieuws van de organen waarvan u lid bent.',

	// Weekly digest
	'ws.mail.digest.subject': 'Wekelijks overzicht: {period}',
	'ws.mail.digest.period': '{from} tot en met {to}',
	'ws.mail.digest.intro': 'Dit gebeurde van {period} in de organen waarvan u lid bent.',
	'ws.mail.digest.body': '{body}:',
	'ws.mail.digest.meetingHeld': 'Vergadering gehouden op {day}: {title}',
	'ws.mail.digest.decision': 'Besluit {reference}: {title} ({status})',
	'ws.mail.digest.decisionList': 'Besluitenlijst van {body}',
	'ws.mail.digest.adviceReceived': 'Advies ontvangen van {from}: {title}',
	'ws.mail.digest.adviceSettled': 'Advies van {from} afgehandeld ({outcome}): {title}',
	'ws.mail.digest.adviceOutcome': 'Uitkomst van het advies aan {to} ({outcome}): {title}',
	'ws.mail.digest.minutesApproved': 'Verslag goedgekeurd: {title}',

	// Minutes reminder
	'ws.mail.minutesReminder.subject': 'Herinnering: het verslag van „{title}” ontbreekt nog',
	'ws.mail.minutesReminder.body':
		'De vergadering „{title}” van {body} vond plaats op {day}. Meer dan {days} dagen later is er nog geen verslag. Als secretaris kunt u het verslag per agendapunt schrijven en daarna ter nalezing versturen.',
	'ws.mail.minutesReminder.link': 'Het verslag schrijven',

	// Advice notifications
	'ws.mail.adviceArrived.subject': 'Nieuw advies van {from}: {title}',
	'ws.mail.adviceArrived.body': '{from} stuurt {to} een advies: „{title}”.',
	'ws.mail.adviceArrived.link': 'Adviezen van {body}',
	'ws.mail.adviceOutcome.subject': 'Uitkomst van uw advies „{title}”: {outcome}',
	'ws.mail.adviceOutcome.body': '{to} heeft het advies van {from} „{title}” {outcome} op {day}.',
	'ws.mail.adviceOutcome.link': 'Het spoor van het advies',

	// Meeting invitations
	'ws.mail.meeting.subject.invitation': 'Uitnodiging: {title}',
	'ws.mail.meeting.subject.changed': 'Gewijzigd: {title}',
	'ws.mail.meeting.subject.cancelled': 'Geannuleerd: {title}',
	'ws.mail.meeting.invitation': 'U bent uitgenodigd voor {title} op {when}.',
	'ws.mail.meeting.changed': 'De vergadering {title} is gewijzigd. Nu: {when}.',
	'ws.mail.meeting.cancelled': 'De vergadering van {when} gaat niet door. Reden: {reason}',
	'ws.mail.meeting.location': 'Plaats: {location}',
	'ws.mail.meeting.online': 'Online deelnemen',
	'ws.mail.meeting.agenda': 'Agenda:\n{agenda}',
	'ws.mail.meeting.respond': 'Agenda bekijken en antwoorden (aanwezig of verontschuldigd)',
	'ws.mail.meeting.icsInvitation': 'uitnodiging.ics',
	'ws.mail.meeting.icsCancellation': 'annulering.ics',

	// Minutes review
	'ws.mail.review.subject': 'Ontwerpverslag ter nalezing: {title}',
	'ws.mail.review.body': 'Het ontwerpverslag van {title} ligt klaar om na te lezen.',
	'ws.mail.review.noMinutes': '(nog geen verslag bij dit punt)',
	'ws.mail.review.link': 'Verslag nalezen en opmerkingen geven',

	// Plan reminders
	'ws.mail.planReminder.subjectOne': 'Herinnering: 1 actie wacht op uw voortgangsmelding',
	'ws.mail.planReminder.subjectMany': 'Herinnering: {count} acties wachten op uw voortgangsmelding',
	'ws.mail.planReminder.bodyOne':
		'U bent eigenaar van een actie die op een update wacht. Meld kort hoe ze vordert: de status van het plan volgt uit wat u meldt.',
	'ws.mail.planReminder.bodyMany':
		'U bent eigenaar van {count} acties die op een update wachten. Meld kort hoe ze vorderen: de status van het plan volgt uit wat u meldt.',
	'ws.mail.planReminder.plan': '{plan}:',
	'ws.mail.planReminder.link': 'Al uw acties die op een update wachten',
	'ws.mail.planReminder.lastUpdate': 'laatste update {period}',
	'ws.mail.planReminder.noUpdate': 'nog geen update',

	// Dossier reminders
	'ws.mail.dossierReminder.subject': 'Herinnering: nog geen antwoord van {who} op „{title}”',
	'ws.mail.dossierReminder.body':
		'Het standpunt „{title}” werd op {sentOn} aan {who} verstuurd. Een antwoord werd verwacht tegen {dueOn}, maar er is er nog geen vastgelegd.',
	'ws.mail.dossierReminder.ask':
		'Vraag het antwoord op, of leg het vast in het dossier zodra het er is.',
	'ws.mail.dossierReminder.link': 'Naar het dossier',

	// Mijn account
	'ws.mail.account.title': 'Mijn account',
	'ws.mail.account.role': 'Rol',
	'ws.mail.account.password': 'Wachtwoord',
	'ws.mail.account.changePassword': 'Wachtwoord wijzigen',
	'ws.mail.account.byMail': '(u krijgt een link per e-mail)',
	'ws.mail.account.bodies': 'Mijn organen en rollen',
	'ws.mail.account.noBodies': 'U hebt op dit moment geen rol in een orgaan.',
	'ws.mail.account.sessions': 'Sessies',
	'ws.mail.account.sessionsIntro': 'De toestellen waarop u nu bent ingelogd.',
	'ws.mail.account.device': 'Toestel',
	'ws.mail.account.ip': 'IP-adres',
	'ws.mail.account.loggedIn': 'Ingelogd',
	'ws.mail.account.lastSeen': 'Laatst actief',
	'ws.mail.account.action': 'Actie',
	'ws.mail.account.thisSession': 'Deze sessie (dit toestel)',
	'ws.mail.account.useLogout': 'Gebruik “Uitloggen”',
	'ws.mail.account.endSession': 'Deze sessie beëindigen',
	'ws.mail.account.forgotLogout':
		'Bent u ergens vergeten uit te loggen, of herkent u een sessie niet?',
	'ws.mail.account.endOthers': 'Alle andere sessies beëindigen',
	'ws.mail.account.twoFactor': 'Tweestapsverificatie',
	'ws.mail.account.twoFactorOnSince': 'Tweestapsverificatie is {state} sinds {date}.',
	'ws.mail.account.twoFactorOn': 'ingeschakeld',
	'ws.mail.account.codesLeftOne': 'U hebt nog {count} ongebruikte herstelcode.',
	'ws.mail.account.codesLeftMany': 'U hebt nog {count} ongebruikte herstelcodes.',
	'ws.mail.account.twoFactorRequired': 'Voor uw rol is tweestapsverificatie verplicht.',
	'ws.mail.account.disableTitle': 'Tweestapsverificatie uitschakelen',
	'ws.mail.account.disableIntro':
		'Vul uw wachtwoord in om te bevestigen. Uw andere sessies worden dan beëindigd.',
	'ws.mail.account.disable': 'Uitschakelen',
	'ws.mail.account.twoFactorOffIs': 'Tweestapsverificatie is {state}.',
	'ws.mail.account.twoFactorOff': 'niet ingeschakeld',
	'ws.mail.account.twoFactorWhy':
		'Met een code uit een authenticatie-app op uw telefoon kan niemand inloggen die alleen uw wachtwoord kent.',
	'ws.mail.account.twoFactorSetup': 'Tweestapsverificatie instellen',
	'ws.mail.account.notifications': 'E-mailmeldingen',
	'ws.mail.account.notificationsIntro':
		'Kies over welke onderwerpen u e-mails krijgt. Uitnodigingen en e-mails over uw account krijgt u altijd.',
	'ws.mail.account.notificationsField': 'Meldingen',
	'ws.mail.account.sendMeMailAbout': 'Stuur mij e-mails over',
	'ws.mail.account.saveNotifications': 'Meldingen bewaren',
	'ws.mail.account.language': 'Taal van e-mails en werkruimte',
	'ws.mail.account.languageIntro':
		'In deze taal krijgt u e-mails van het platform (uitnodigingen, meldingen, herinneringen), en in deze taal opent de werkruimte na het aanmelden.',
	'ws.mail.account.languageField': 'Taal',
	'ws.mail.account.languageSwitch': 'De werkruimte in het {language} openen',
	'ws.mail.account.saveLanguage': 'Taal bewaren',
	'ws.mail.account.myData': 'Mijn gegevens',
	'ws.mail.account.myDataIntro':
		'Download alles wat het platform over u bewaart: uw account, de persoonsgegevens die aan uw account gekoppeld zijn, uw lidmaatschappen, sessies en wat u in de werkruimte deed. Meer uitleg staat in de',
	'ws.mail.account.privacyStatement': 'privacyverklaring',
	'ws.mail.account.download': 'Mijn gegevens downloaden (JSON)',
	'ws.mail.account.erasure': 'Verwijdering vragen',
	'ws.mail.account.erasureRequested':
		'U vroeg op {date} om uw persoonsgegevens te laten verwijderen. Het secretariaat behandelt uw vraag: uw naam en contactgegevens worden dan gewist, terwijl de geschiedenis van de organen bewaard blijft.',
	'ws.mail.account.erasureIntro':
		'Het secretariaat wist dan uw naam, e-mailadres en telefoonnummer. Dat u in een orgaan zetelde, blijft bewaard zonder uw naam, zodat besluiten en verslagen kloppen. Uw account wordt daarna uitgeschakeld.',
	'ws.mail.account.confirmation': 'Bevestiging',
	'ws.mail.account.erasureConfirm': 'Ik vraag om mijn persoonsgegevens te laten verwijderen.',
	'ws.mail.account.crumbWorkspace': 'Werkruimte',
	'ws.mail.account.done.notifications': 'Uw meldingen zijn bewaard.',
	'ws.mail.account.done.language': 'Uw taal is bewaard.',
	'ws.mail.account.done.erasure':
		'Uw vraag om verwijdering is verstuurd. Het secretariaat neemt contact met u op.',
	'ws.mail.account.done.endSession': 'Die sessie is beëindigd.',
	'ws.mail.account.done.endOthers': 'Alle andere sessies zijn beëindigd.',
	'ws.mail.account.done.twoFactorOff':
		'Tweestapsverificatie is uitgeschakeld. Uw andere sessies zijn beëindigd.',
	'ws.mail.account.signIn': 'Meld u aan om verder te gaan.'
} as const;

export const en: Record<keyof typeof nl, string> = {
	'ws.mail.greeting': 'Dear {name},',
	'ws.mail.footer.reason':
		'You receive this e-mail because notifications about “{kind}” are on for your account.',
	'ws.mail.footer.link': 'Change notifications',

	'ws.mail.invitation.subject': 'Invitation to the workspace',
	'ws.mail.invitation.body':
		'{invitedBy} invites you to the workspace of {site}. Choose a password through the link below.',
	'ws.mail.invitation.link': 'Choose a password',
	'ws.mail.invitation.expiry':
		'The link works once and expires on {expiresAt}. Were you not expecting this invitation? Then you can ignore this e-mail.',
	'ws.mail.reset.subject': 'Choose a new password',
	'ws.mail.reset.body':
		'Someone asked for a new password for your account. If that was you, choose a new password through the link below.',
	'ws.mail.reset.link': 'Choose a new password',
	'ws.mail.reset.expiry':
		'The link works once and expires on {expiresAt}. Did you not ask for this? Then you need not do anything: your password stays the same.',

	'ws.mail.kind.meeting_invitations': 'Meeting invitations',
	'ws.mail.kind.meeting_invitations.hint': 'When a body you are a member of plans a meeting.',
	'ws.mail.kind.agenda_changes': 'Changes to the agenda',
	'ws.mail.kind.agenda_changes.hint': 'When the agenda or the documents of a meeting change.',
	'ws.mail.kind.minutes': 'Minutes',
	'ws.mail.kind.minutes.hint':
		'When the minutes of a meeting are ready for review or have been approved.',
	'ws.mail.kind.advice': 'Advice',
	'ws.mail.kind.advice.hint':
		'When advice reaches your body, or the outcome of advice from your body comes back.',
	'ws.mail.kind.reminders': 'Reminders',
	'ws.mail.kind.reminders.hint':
		'When the minutes of a meeting that was held are still missing (for secretaries), and when the progress of your actions in a plan is due.',
	'ws.mail.kind.digest': 'Weekly overview',
	'ws.mail.kind.digest.hint':
		'Every Monday: what happened in the past week in the bodies you are a member of.',
	'ws.mail.kind.news': 'News',
	'ws.mail.kind.news.hint': 'News from the bodies you are a member of.',

	'ws.mail.digest.subject': 'Weekly overview: {period}',
	'ws.mail.digest.period': '{from} to {to}',
	'ws.mail.digest.intro': 'This is what happened from {period} in the bodies you are a member of.',
	'ws.mail.digest.body': '{body}:',
	'ws.mail.digest.meetingHeld': 'Meeting held on {day}: {title}',
	'ws.mail.digest.decision': 'Decision {reference}: {title} ({status})',
	'ws.mail.digest.decisionList': 'Decisions of {body}',
	'ws.mail.digest.adviceReceived': 'Advice received from {from}: {title}',
	'ws.mail.digest.adviceSettled': 'Advice from {from} settled ({outcome}): {title}',
	'ws.mail.digest.adviceOutcome': 'Outcome of the advice to {to} ({outcome}): {title}',
	'ws.mail.digest.minutesApproved': 'Minutes approved: {title}',

	'ws.mail.minutesReminder.subject': 'Reminder: the minutes of “{title}” are still missing',
	'ws.mail.minutesReminder.body':
		'The meeting “{title}” of {body} took place on {day}. More than {days} days later there are still no minutes. As secretary you can write the minutes per agenda item and then send them for review.',
	'ws.mail.minutesReminder.link': 'Write the minutes',

	'ws.mail.adviceArrived.subject': 'New advice from {from}: {title}',
	'ws.mail.adviceArrived.body': '{from} sends advice to {to}: “{title}”.',
	'ws.mail.adviceArrived.link': 'Advice of {body}',
	'ws.mail.adviceOutcome.subject': 'Outcome of your advice “{title}”: {outcome}',
	'ws.mail.adviceOutcome.body': '{to} settled the advice of {from} “{title}” on {day}: {outcome}.',
	'ws.mail.adviceOutcome.link': 'The trail of the advice',

	'ws.mail.meeting.subject.invitation': 'Invitation: {title}',
	'ws.mail.meeting.subject.changed': 'Changed: {title}',
	'ws.mail.meeting.subject.cancelled': 'Cancelled: {title}',
	'ws.mail.meeting.invitation': 'You are invited to {title} on {when}.',
	'ws.mail.meeting.changed': 'The meeting {title} has changed. Now: {when}.',
	'ws.mail.meeting.cancelled': 'The meeting of {when} will not take place. Reason: {reason}',
	'ws.mail.meeting.location': 'Location: {location}',
	'ws.mail.meeting.online': 'Join online',
	'ws.mail.meeting.agenda': 'Agenda:\n{agenda}',
	'ws.mail.meeting.respond': 'View the agenda and reply (attending or apologies)',
	'ws.mail.meeting.icsInvitation': 'invitation.ics',
	'ws.mail.meeting.icsCancellation': 'cancellation.ics',

	'ws.mail.review.subject': 'Draft minutes for review: {title}',
	'ws.mail.review.body': 'The draft minutes of {title} are ready for review.',
	'ws.mail.review.noMinutes': '(no minutes for this item yet)',
	'ws.mail.review.link': 'Review the minutes and comment',

	'ws.mail.planReminder.subjectOne': 'Reminder: 1 action is waiting for your progress update',
	'ws.mail.planReminder.subjectMany':
		'Reminder: {count} actions are waiting for your progress update',
	'ws.mail.planReminder.bodyOne':
		'You own an action that is waiting for an update. Report briefly how it is progressing: the status of the plan follows from what you report.',
	'ws.mail.planReminder.bodyMany':
		'You own {count} actions that are waiting for an update. Report briefly how they are progressing: the status of the plan follows from what you report.',
	'ws.mail.planReminder.plan': '{plan}:',
	'ws.mail.planReminder.link': 'All your actions waiting for an update',
	'ws.mail.planReminder.lastUpdate': 'last update {period}',
	'ws.mail.planReminder.noUpdate': 'no update yet',

	'ws.mail.dossierReminder.subject': 'Reminder: no answer yet from {who} to “{title}”',
	'ws.mail.dossierReminder.body':
		'The position “{title}” was sent to {who} on {sentOn}. An answer was expected by {dueOn}, but none has been recorded yet.',
	'ws.mail.dossierReminder.ask':
		'Ask for the answer, or record it in the dossier as soon as it arrives.',
	'ws.mail.dossierReminder.link': 'Go to the dossier',

	'ws.mail.account.title': 'My account',
	'ws.mail.account.role': 'Role',
	'ws.mail.account.password': 'Password',
	'ws.mail.account.changePassword': 'Change password',
	'ws.mail.account.byMail': '(you will receive a link by e-mail)',
	'ws.mail.account.bodies': 'My bodies and roles',
	'ws.mail.account.noBodies': 'You currently have no role in a body.',
	'ws.mail.account.sessions': 'Sessions',
	'ws.mail.account.sessionsIntro': 'The devices you are logged in on now.',
	'ws.mail.account.device': 'Device',
	'ws.mail.account.ip': 'IP address',
	'ws.mail.account.loggedIn': 'Logged in',
	'ws.mail.account.lastSeen': 'Last active',
	'ws.mail.account.action': 'Action',
	'ws.mail.account.thisSession': 'This session (this device)',
	'ws.mail.account.useLogout': 'Use “Log out”',
	'ws.mail.account.endSession': 'End this session',
	'ws.mail.account.forgotLogout':
		'Did you forget to log out somewhere, or do you not recognise a session?',
	'ws.mail.account.endOthers': 'End all other sessions',
	'ws.mail.account.twoFactor': 'Two-step verification',
	'ws.mail.account.twoFactorOnSince': 'Two-step verification has been {state} since {date}.',
	'ws.mail.account.twoFactorOn': 'on',
	'ws.mail.account.codesLeftOne': 'You have {count} unused recovery code left.',
	'ws.mail.account.codesLeftMany': 'You have {count} unused recovery codes left.',
	'ws.mail.account.twoFactorRequired': 'Two-step verification is required for your role.',
	'ws.mail.account.disableTitle': 'Turn off two-step verification',
	'ws.mail.account.disableIntro':
		'Enter your password to confirm. Your other sessions will then be ended.',
	'ws.mail.account.disable': 'Turn off',
	'ws.mail.account.twoFactorOffIs': 'Two-step verification is {state}.',
	'ws.mail.account.twoFactorOff': 'off',
	'ws.mail.account.twoFactorWhy':
		'With a code from an authenticator app on your phone, nobody who only knows your password can log in.',
	'ws.mail.account.twoFactorSetup': 'Set up two-step verification',
	'ws.mail.account.notifications': 'E-mail notifications',
	'ws.mail.account.notificationsIntro':
		'Choose which subjects you receive e-mails about. You always receive invitations and e-mails about your account.',
	'ws.mail.account.notificationsField': 'Notifications',
	'ws.mail.account.sendMeMailAbout': 'Send me e-mails about',
	'ws.mail.account.saveNotifications': 'Save notifications',
	'ws.mail.account.language': 'Language of e-mails and workspace',
	'ws.mail.account.languageIntro':
		'The platform sends you e-mails (invitations, notifications, reminders) in this language, and the workspace opens in it after you log in.',
	'ws.mail.account.languageField': 'Language',
	'ws.mail.account.languageSwitch': 'Open the workspace in {language}',
	'ws.mail.account.saveLanguage': 'Save language',
	'ws.mail.account.myData': 'My data',
	'ws.mail.account.myDataIntro':
		'Download everything the platform keeps about you: your account, the personal data linked to your account, your memberships, sessions and what you did in the workspace. More explanation is in the',
	'ws.mail.account.privacyStatement': 'privacy statement',
	'ws.mail.account.download': 'Download my data (JSON)',
	'ws.mail.account.erasure': 'Request erasure',
	'ws.mail.account.erasureRequested':
		'On {date} you asked for your personal data to be erased. The secretariat is handling your request: your name and contact details will then be erased, while the history of the bodies is kept.',
	'ws.mail.account.erasureIntro':
		'The secretariat then erases your name, e-mail address and phone number. That you sat on a body is kept without your name, so that decisions and minutes remain correct. Your account is then disabled.',
	'ws.mail.account.confirmation': 'Confirmation',
	'ws.mail.account.erasureConfirm': 'I ask for my personal data to be erased.',
	'ws.mail.account.crumbWorkspace': 'Workspace',
	'ws.mail.account.done.notifications': 'Your notifications have been saved.',
	'ws.mail.account.done.language': 'Your language has been saved.',
	'ws.mail.account.done.erasure':
		'Your request for erasure has been sent. The secretariat will contact you.',
	'ws.mail.account.done.endSession': 'That session has been ended.',
	'ws.mail.account.done.endOthers': 'All other sessions have been ended.',
	'ws.mail.account.done.twoFactorOff':
		'Two-step verification has been turned off. Your other sessions have been ended.',
	'ws.mail.account.signIn': 'Log in to continue.'
};
