/**
 * iCalendar (RFC 5545) for meetings, written with the `ics` library: one stable UID per meeting,
 * SEQUENCE raised on every change sent out, STATUS:CANCELLED (and METHOD:CANCEL in mails) when
 * a meeting is cancelled. Invitations and the feeds share this one mapping.
 */
import { createEvents, type EventAttributes } from 'ics';

export type CalendarMeeting = {
	id: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	location: string | null;
	onlineUrl: string | null;
	status: string;
	cancelReason: string | null;
	sequence: number;
	updatedAt: Date;
	createdAt: Date;
	/** The public (or workspace) page of the meeting. */
	url: string;
	/** Agenda lines, already filtered to what the reader may see. */
	agenda: string[];
};

export const PRODUCT_ID = '-//Streekplatform//Vergaderingen//NL';

/** The stable UID: derived from the meeting id and the host, never from the time. */
export const meetingUid = (id: string, origin: string) => `${id}@${new URL(origin).hostname}`;

export type Party = { name: string; email: string };

function event(
	m: CalendarMeeting,
	origin: string,
	to?: { organizer: Party; attendee: Party }
): EventAttributes {
	const cancelled = m.status === 'cancelled';
	const description = [
		...(cancelled && m.cancelReason ? [`Geannuleerd: ${m.cancelReason}`, ''] : []),
		...(m.agenda.length ? ['Agenda:', ...m.agenda, ''] : []),
		...(m.onlineUrl ? [`Online: ${m.onlineUrl}`] : []),
		m.url
	].join('\n');
	return {
		uid: meetingUid(m.id, origin),
		sequence: m.sequence,
		start: m.startsAt.getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: m.endsAt.getTime(),
		endInputType: 'utc',
		endOutputType: 'utc',
		title: cancelled ? `Geannuleerd: ${m.title}` : m.title,
		description,
		location: m.location ?? m.onlineUrl ?? undefined,
		url: m.url,
		status: cancelled ? 'CANCELLED' : 'CONFIRMED',
		created: m.createdAt.getTime(),
		lastModified: m.updatedAt.getTime(),
		// iTIP (RFC 5546) requests and cancellations name the organiser and the invitee.
		...(to
			? {
					organizer: to.organizer,
					attendees: [{ ...to.attendee, rsvp: false, role: 'REQ-PARTICIPANT' as const }]
				}
			: {})
	};
}

/** A calendar of meetings (a feed), or — with `method` — an invitation or cancellation. */
export function calendar(
	items: CalendarMeeting[],
	origin: string,
	opts: {
		name?: string;
		method?: 'REQUEST' | 'CANCEL' | 'PUBLISH';
		to?: { organizer: Party; attendee: Party };
	} = {}
): string {
	const { error, value } = createEvents(
		items.map((m) => event(m, origin, opts.to)),
		{ productId: PRODUCT_ID, method: opts.method ?? 'PUBLISH', calName: opts.name }
	);
	if (error || value === null) throw error ?? new Error('iCalendar could not be written');
	return foldOctets(value);
}

/**
 * Refold content lines to at most 75 octets (RFC 5545 §3.1): the `ics` library folds at 75
 * characters, so lines with accents or emoji grew past the limit. Never splits a character.
 */
export function foldOctets(text: string): string {
	const logical: string[] = [];
	for (const line of text.split('\r\n')) {
		if (/^[ \t]/.test(line) && logical.length) logical[logical.length - 1] += line.slice(1);
		else logical.push(line);
	}
	const folded = logical.map((line) => {
		const parts: string[] = [];
		let current = '';
		let octets = 0;
		for (const char of line) {
			const size = Buffer.byteLength(char, 'utf8');
			// The first part holds 75 octets; each continuation starts with one space.
			if (octets + size > (parts.length ? 74 : 75)) {
				parts.push(current);
				current = '';
				octets = 0;
			}
			current += char;
			octets += size;
		}
		parts.push(current);
		return parts.join('\r\n ');
	});
	return folded.join('\r\n');
}
