/**
 * Row-by-row validation of an import against the database as it is. Pure once the referenced
 * records are loaded (`load` makes a fixed number of queries, whatever the file's size).
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { bodies, memberships, membershipRoles, organisations, people } from '../db/schema';
import type { MembershipRole } from '../db/schema';
import { termsOverlap } from '../bodies/memberships.service';
import type { RowError, SourceRow } from './columns';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Role codes as exported, and the Dutch words people type. */
const roleWords: Record<string, MembershipRole> = {
	voorzitter: 'chair',
	ondervoorzitter: 'vice_chair',
	secretaris: 'secretary',
	lid: 'member',
	waarnemer: 'observer',
	deskundige: 'expert',
	ondersteuning: 'support',
	redacteur: 'editor'
};
const yes = ['ja', 'j', 'true', 'waar', '1', 'yes', 'x'];
const no = ['', 'nee', 'n', 'false', 'onwaar', '0', 'no'];

export type PersonValues = {
	givenName: string;
	familyName: string;
	email: string | null;
	phone: string | null;
};
export type MembershipValues = {
	bodyId: string;
	role: MembershipRole;
	organisationId: string | null;
	startOn: string | null;
	endOn: string | null;
	publicName: boolean;
	publicNameConsentAt: Date | null;
	note: string | null;
};

/** A valid row, resolved: which person (existing id, or a new one keyed by the row) and membership. */
export type ResolvedRow = {
	line: number;
	personKey: string;
	personId: string | null;
	person: PersonValues;
	membershipId: string | null;
	membership: MembershipValues | null;
};

export type Loaded = Awaited<ReturnType<typeof load>>;

/**
 * Query by a list of ids in parts: one query for any ordinary file, and never past the limit of
 * parameters a statement may carry (65,535) for a huge one.
 */
async function inChunks<T>(ids: string[], query: (part: string[]) => Promise<T[]>): Promise<T[]> {
	const out: T[] = [];
	for (let i = 0; i < ids.length; i += 20_000) out.push(...(await query(ids.slice(i, i + 20_000))));
	return out;
}

/** The records the rows refer to, in a fixed number of queries (up to 20,000 ids each). */
export async function load(db: DbOrTx, rows: SourceRow[]) {
	const ids = (col: 'person_id' | 'membership_id') => [
		...new Set(rows.map((r) => r.values[col].toLowerCase()).filter((v) => UUID.test(v)))
	];
	const slugs = (col: 'body_slug' | 'organisation_slug') => [
		...new Set(rows.map((r) => r.values[col]).filter(Boolean))
	];
	const personIds = ids('person_id');
	const membershipIds = ids('membership_id');
	const [peopleRows, bodyRows, orgRows] = await Promise.all([
		inChunks(personIds, (part) => db.select().from(people).where(inArray(people.id, part))),
		slugs('body_slug').length
			? db
					.select({ id: bodies.id, slug: bodies.slug })
					.from(bodies)
					.where(inArray(bodies.slug, slugs('body_slug')))
			: [],
		slugs('organisation_slug').length
			? db
					.select({ id: organisations.id, slug: organisations.slug })
					.from(organisations)
					.where(inArray(organisations.slug, slugs('organisation_slug')))
			: []
	]);
	// Every membership named in the file, and every membership of the people in it (for overlaps).
	const membershipRows = [
		...(await inChunks(membershipIds, (part) =>
			db.select().from(memberships).where(inArray(memberships.id, part))
		)),
		...(await inChunks(personIds, (part) =>
			db.select().from(memberships).where(inArray(memberships.personId, part))
		))
	];
	return {
		people: new Map(peopleRows.map((p) => [p.id, p])),
		memberships: new Map(membershipRows.map((m) => [m.id, m])),
		bodies: new Map(bodyRows.map((b) => [b.slug, b.id])),
		organisations: new Map(orgRows.map((o) => [o.slug, o.id]))
	};
}

export type Scope = { bodyId?: string; bodySlug?: string; keepIds: boolean };

const text = (v: string, max: number, label: string, errors: string[]) => {
	if (v.length > max) errors.push(`${label} is te lang (hoogstens ${max} tekens).`);
	return v === '' ? null : v;
};

function validDate(v: string, label: string, errors: string[]): string | null {
	if (v === '') return null;
	if (!DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
		errors.push(`${label} "${v}" is geen geldige datum (JJJJ-MM-DD).`);
		return null;
	}
	return v;
}

/** Validate one row on its own and resolve its references. */
function resolveRow(row: SourceRow, loaded: Loaded, scope: Scope, errors: string[]): ResolvedRow {
	const v = row.values;
	const personId = v.person_id.toLowerCase() || null;
	if (personId && !UUID.test(personId))
		errors.push(`person_id "${v.person_id}" is geen geldige id.`);
	else if (personId && !loaded.people.has(personId) && !scope.keepIds)
		errors.push(`Onbekende persoon: person_id ${personId} bestaat niet.`);
	if (!v.given_name) errors.push('Voornaam (given_name) ontbreekt.');
	if (!v.family_name) errors.push('Familienaam (family_name) ontbreekt.');
	if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email))
		errors.push(`E-mailadres "${v.email}" is ongeldig.`);
	const person: PersonValues = {
		givenName: text(v.given_name, 200, 'Voornaam', errors) ?? '',
		familyName: text(v.family_name, 200, 'Familienaam', errors) ?? '',
		email: text(v.email, 320, 'E-mailadres', errors),
		phone: text(v.phone, 50, 'Telefoon', errors)
	};

	const membershipId = v.membership_id.toLowerCase() || null;
	const hasMembership =
		membershipId !== null ||
		[
			'body_slug',
			'role',
			'organisation_slug',
			'start_on',
			'end_on',
			'public_name_consent_at',
			'note'
		].some((c) => v[c as keyof typeof v] !== '') ||
		!no.includes(v.public_name.toLowerCase());
	let membership: MembershipValues | null = null;
	if (!hasMembership) {
		if (scope.bodyId) errors.push('Elke regel moet een lidmaatschap van dit orgaan bevatten.');
	} else {
		const existing = membershipId ? loaded.memberships.get(membershipId) : undefined;
		if (membershipId && !UUID.test(membershipId))
			errors.push(`membership_id "${v.membership_id}" is geen geldige id.`);
		else if (membershipId && !existing && !scope.keepIds)
			errors.push(`Onbekend lidmaatschap: membership_id ${membershipId} bestaat niet.`);
		else if (existing && existing.personId !== personId)
			errors.push(`Lidmaatschap ${membershipId} hoort bij een andere persoon.`);
		else if (existing && scope.bodyId && existing.bodyId !== scope.bodyId)
			errors.push(`Lidmaatschap ${membershipId} hoort bij een ander orgaan.`);
		const bodyId = v.body_slug ? loaded.bodies.get(v.body_slug) : undefined;
		if (
			existing &&
			bodyId &&
			existing.bodyId !== bodyId &&
			!(scope.bodyId && existing.bodyId !== scope.bodyId)
		)
			errors.push(
				`Lidmaatschap ${membershipId} kan niet naar een ander orgaan verhuizen: beëindig het en voeg een nieuwe regel toe.`
			);
		if (!v.body_slug) errors.push('Orgaan (body_slug) ontbreekt.');
		else if (!bodyId) errors.push(`Onbekend orgaan: "${v.body_slug}".`);
		else if (scope.bodyId && bodyId !== scope.bodyId)
			errors.push(`Orgaan "${v.body_slug}" valt buiten deze import (alleen "${scope.bodySlug}").`);
		const roleText = v.role.toLowerCase() || 'member';
		const role = (membershipRoles as readonly string[]).includes(roleText)
			? (roleText as MembershipRole)
			: roleWords[roleText];
		if (!role) errors.push(`Onbekende rol: "${v.role}".`);
		const organisationId = v.organisation_slug
			? loaded.organisations.get(v.organisation_slug)
			: null;
		if (v.organisation_slug && !organisationId)
			errors.push(`Onbekende organisatie: "${v.organisation_slug}".`);
		const startOn = validDate(v.start_on, 'Begindatum', errors);
		const endOn = validDate(v.end_on, 'Einddatum', errors);
		if (startOn && endOn && endOn < startOn)
			errors.push(`Het lidmaatschap eindigt (${endOn}) voor het begint (${startOn}).`);
		const pn = v.public_name.toLowerCase();
		const publicName = yes.includes(pn);
		if (!publicName && !no.includes(pn))
			errors.push(`public_name "${v.public_name}" moet ja of nee zijn.`);
		let consent: Date | null = null;
		if (v.public_name_consent_at) {
			const iso = DATE.test(v.public_name_consent_at)
				? `${v.public_name_consent_at}T00:00:00Z`
				: v.public_name_consent_at;
			consent = new Date(iso);
			if (Number.isNaN(consent.getTime())) {
				errors.push(`Toestemmingsdatum "${v.public_name_consent_at}" is ongeldig.`);
				consent = null;
			}
		}
		if (publicName && !v.public_name_consent_at)
			errors.push('Een publieke naam vraagt een datum van toestemming (public_name_consent_at).');
		membership = {
			bodyId: bodyId ?? '',
			role: role ?? 'member',
			organisationId: organisationId ?? null,
			startOn,
			endOn,
			publicName,
			publicNameConsentAt: consent,
			note: text(v.note, 2000, 'Opmerking', errors)
		};
	}
	return {
		line: row.line,
		personKey: personId ?? `nieuw:${row.line}`,
		personId,
		person,
		membershipId,
		membership
	};
}

const roleLabel = (r: MembershipRole) =>
	Object.entries(roleWords).find(([, v]) => v === r)?.[0] ?? r;

/** Validate every row, then the rows against each other and against the stored memberships. */
export function validateRows(rows: SourceRow[], loaded: Loaded, scope: Scope) {
	const errors: RowError[] = [];
	const resolved: ResolvedRow[] = [];
	const seenMembership = new Map<string, number>();
	const firstOfPerson = new Map<string, ResolvedRow>();
	for (const row of rows) {
		const messages: string[] = [];
		const r = resolveRow(row, loaded, scope, messages);
		if (r.membershipId) {
			const earlier = seenMembership.get(r.membershipId);
			if (earlier !== undefined)
				messages.push(`membership_id ${r.membershipId} staat ook op regel ${earlier}.`);
			else seenMembership.set(r.membershipId, r.line);
		}
		if (r.personId) {
			const first = firstOfPerson.get(r.personId);
			if (!first) firstOfPerson.set(r.personId, r);
			else if (JSON.stringify(first.person) !== JSON.stringify(r.person))
				messages.push(
					`person_id ${r.personId} staat ook op regel ${first.line} met andere gegevens (naam, e-mail of telefoon).`
				);
			else if (!r.membership && !first.membership)
				messages.push(`person_id ${r.personId} staat ook op regel ${first.line}.`);
		}
		// A body's managers may not rename people who are not (yet) in their body.
		const stored = r.personId ? loaded.people.get(r.personId) : undefined;
		if (scope.bodyId && stored && r.personId) {
			const inBody = [...loaded.memberships.values()].some(
				(m) => m.personId === r.personId && m.bodyId === scope.bodyId
			);
			const changed = (['givenName', 'familyName', 'email', 'phone'] as const).some(
				(k) => (stored[k] ?? null) !== r.person[k]
			);
			if (changed && !inBody)
				messages.push(
					'Deze persoon is geen lid van dit orgaan: naam en contactgegevens blijven ongewijzigd.'
				);
		}
		for (const message of messages) errors.push({ line: row.line, message });
		resolved.push(r);
	}

	// Overlapping terms: the memberships as they will be after the import, per person, body and role.
	type Term = { line: number | null; values: MembershipValues; id: string | null };
	const terms = new Map<string, Term[]>();
	const add = (personKey: string, t: Term) => {
		const key = `${personKey}|${t.values.bodyId}|${t.values.role}`;
		terms.set(key, [...(terms.get(key) ?? []), t]);
	};
	const inFile = new Set(resolved.map((r) => r.membershipId).filter(Boolean));
	for (const m of loaded.memberships.values()) {
		if (!inFile.has(m.id)) add(m.personId, { line: null, id: m.id, values: { ...m } });
	}
	for (const r of resolved) {
		if (r.membership?.bodyId)
			add(r.personKey, { line: r.line, id: r.membershipId, values: r.membership });
	}
	for (const list of terms.values()) {
		for (const [i, a] of list.entries()) {
			if (a.line === null) continue;
			const clash = list.find((b, j) => j !== i && termsOverlap(a.values, b.values));
			if (!clash) continue;
			const slug = rows.find((r) => r.line === a.line)?.values.body_slug;
			const where = clash.line === null ? 'een bestaand lidmaatschap' : `regel ${clash.line}`;
			errors.push({
				line: a.line,
				message: `Deze persoon is in dezelfde periode al ${roleLabel(a.values.role)} van orgaan "${slug}" (${where}).`
			});
		}
	}
	errors.sort((a, b) => a.line - b.line);
	return { resolved, errors };
}
