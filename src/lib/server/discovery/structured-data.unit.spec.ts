import { describe, expect, it } from 'vitest';
import { brusselsIso, meetingEvent, organisationLd, siteOrganization } from './structured-data';

const meeting = {
	id: '00000000-0000-4000-8000-000000000001',
	displayTitle: 'Taskforce — 27 november 2026',
	startsAt: new Date('2026-11-27T13:00:00Z'),
	endsAt: new Date('2026-11-27T15:00:00Z'),
	location: 'Provinciehuis, Leuven',
	onlineUrl: null,
	status: 'agenda_published',
	bodySlug: 'taskforce',
	bodyName: { nl: 'Taskforce', en: 'Task force' }
};

describe('brusselsIso', () => {
	it('gives Brussels wall-clock time with its offset, in winter and in summer', () => {
		expect(brusselsIso(new Date('2026-11-27T13:00:00Z'))).toBe('2026-11-27T14:00:00+01:00');
		expect(brusselsIso(new Date('2026-07-01T13:00:00Z'))).toBe('2026-07-01T15:00:00+02:00');
	});
});

describe('meetingEvent', () => {
	it('is a schema.org Event with place, organiser and status', () => {
		const ld = meetingEvent(meeting, 'https://x.example', 'en');
		expect(ld).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Event',
			name: meeting.displayTitle,
			url: `https://x.example/en/vergaderingen/${meeting.id}`,
			startDate: '2026-11-27T14:00:00+01:00',
			endDate: '2026-11-27T16:00:00+01:00',
			eventStatus: 'https://schema.org/EventScheduled',
			eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
			location: { '@type': 'Place', name: 'Provinciehuis, Leuven' },
			organizer: {
				'@type': 'Organization',
				name: 'Task force',
				url: 'https://x.example/en/organen/taskforce'
			}
		});
	});

	it('says cancelled, online and mixed meetings', () => {
		const ld = meetingEvent(
			{ ...meeting, status: 'cancelled', onlineUrl: 'https://meet.example/x' },
			'https://x.example',
			'nl'
		);
		expect(ld.eventStatus).toBe('https://schema.org/EventCancelled');
		expect(ld.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
		expect(ld.location).toHaveLength(2);
	});
});

describe('Organization', () => {
	it('describes the partnership from its settings, logo included when set', () => {
		const ld = siteOrganization(
			{
				name: 'ERSV',
				colours: { primary: '#000000', accent: '#ffffff' },
				email: 'info@x.example',
				logoFileId: '00000000-0000-4000-8000-000000000002'
			},
			'https://x.example',
			'nl'
		);
		expect(ld).toMatchObject({
			'@type': 'Organization',
			name: 'ERSV',
			url: 'https://x.example/',
			email: 'info@x.example',
			logo: 'https://x.example/bestanden/00000000-0000-4000-8000-000000000002'
		});
	});

	it('describes an organisation with its own website', () => {
		const ld = organisationLd(
			{ slug: 'acv', name: { nl: 'ACV' }, website: 'https://acv.example' },
			'https://x.example',
			'nl'
		);
		expect(ld).toMatchObject({
			name: 'ACV',
			url: 'https://x.example/organisaties/acv',
			sameAs: ['https://acv.example']
		});
	});
});
