import { v5 as uuidv5 } from 'uuid';

/** Namespace for Streekplatform's deterministic ids (a fixed random UUID). */
const NAMESPACE = '6d1f4b52-3f0e-4f7a-9c35-2b8e0f1a9c11';

/**
 * Deterministic UUIDv5 of a record kind and its natural key (NIS code or slug), so that a seeded
 * record has the same id in every fresh database and exports and imports match.
 */
export function seededId(kind: string, key: string): string {
	return uuidv5(`${kind}:${key}`, NAMESPACE);
}

/** "Kapelle-op-den-Bos" → "kapelle-op-den-bos". */
export function slugify(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' en ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
