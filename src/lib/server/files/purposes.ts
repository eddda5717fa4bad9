/**
 * What each kind of upload may be: one table, purpose → allowed types (sniffed from the content)
 * and maximum size. SVG is never allowed: it is a document that can carry scripts.
 */
const MB = 1024 * 1024;

/** Readable Dutch names of the types the app knows, for messages and the UI. */
export const typeLabels: Record<string, string> = {
	'image/png': 'PNG',
	'image/jpeg': 'JPEG',
	'image/webp': 'WebP',
	'image/gif': 'GIF',
	'image/svg+xml': 'SVG',
	'application/xml': 'XML',
	'application/pdf': 'PDF',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (PPTX)',
	'application/vnd.oasis.opendocument.text': 'OpenDocument-tekst (ODT)',
	'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument-rekenblad (ODS)',
	'application/vnd.oasis.opendocument.presentation': 'OpenDocument-presentatie (ODP)',
	'application/x-msdownload': 'EXE'
};

export type PurposeRule = {
	/** Dutch name of the use, for messages ("een logo"). */
	label: string;
	/** MIME types as file-type reports them. */
	types: readonly string[];
	maxBytes: number;
	/**
	 * Anyone may download files of this purpose (GET /bestanden/[id]). Non-public files are served
	 * only by routes that decide access themselves (see serveFile).
	 */
	public: boolean;
};

export const filePurposes = {
	logo: {
		label: 'een logo',
		types: ['image/png', 'image/jpeg', 'image/webp'],
		maxBytes: 2 * MB,
		public: true
	},
	document: {
		label: 'een document',
		types: [
			'application/pdf',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'application/vnd.oasis.opendocument.text',
			'image/png',
			'image/jpeg'
		],
		maxBytes: 25 * MB,
		public: false
	},
	/** Attachments of a plan's progress updates (plans/updates.service.ts); served by the plan's routes. */
	plan_update: {
		label: 'een bijlage',
		types: [
			'application/pdf',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'application/vnd.openxmlformats-officedocument.presentationml.presentation',
			'application/vnd.oasis.opendocument.text',
			'application/vnd.oasis.opendocument.spreadsheet',
			'application/vnd.oasis.opendocument.presentation',
			'image/png',
			'image/jpeg',
			'image/webp'
		],
		maxBytes: 25 * MB,
		public: false
	},
	/** Lead images and Markdown images of news items and pages (content/content.service.ts). */
	content_image: {
		label: 'een afbeelding bij een bericht',
		types: ['image/png', 'image/jpeg', 'image/webp'],
		maxBytes: 5 * MB,
		public: true
	}
} as const satisfies Record<string, PurposeRule>;

export type FilePurpose = keyof typeof filePurposes;

export function purposeRule(purpose: string): PurposeRule | undefined {
	return Object.hasOwn(filePurposes, purpose) ? filePurposes[purpose as FilePurpose] : undefined;
}

export const typeLabel = (mime: string) => typeLabels[mime] ?? mime;

/** "PNG, JPEG of WebP" */
export function allowedTypesText(rule: PurposeRule): string {
	const names = rule.types.map(typeLabel);
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} of ${names.at(-1)}` : names[0];
}

/** "2 MB", "25 MB", "512 kB" */
export function formatBytes(bytes: number): string {
	if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`.replace('.', ',');
	return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
