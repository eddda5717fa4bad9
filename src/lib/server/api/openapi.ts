/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the services use.
 * Every public resource gets its operations here; a test checks this list against the route tree.
 */
import { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { areaListQuery, areaOut } from '../areas/areas.schema';
import { bodyListQuery, bodyOut } from '../bodies/bodies.schema';
import { publicMembershipListOut } from '../bodies/memberships.api';
import {
	dossierDetailOut,
	dossierListQuery,
	dossierPageOut,
	dossierSlugParam
} from '../dossiers/dossiers.api';
import {
	contentDetailOut,
	contentSlugParam,
	newsListQuery,
	newsPageOut
} from '../content/content.api';
import {
	agendaItemListOut,
	decisionListQuery,
	decisionOut,
	decisionPageOut,
	meetingDetailOut,
	meetingListQuery,
	meetingOut
} from '../meetings/meetings.api';
import { indicatorListOut, observationListQuery, observationPageOut } from '../monitor/api';
import { indicatorOut } from '../monitor/catalogue.schema';
import { observationPushIn, observationPushOut } from '../monitor/import/push';
import { cursorPageOut } from '../pagination';
import { organisationListQuery, organisationOut } from '../organisations/organisations.schema';
import {
	actionOut,
	measureDetailOut,
	planDetailOut,
	planListQuery,
	planPageOut,
	planUpdateListOut
} from '../plans/plans.api';

const apiErrorOut = z
	.object({
		error: z.object({
			code: z.string(),
			message: z.string(),
			fields: z.record(z.string(), z.array(z.string())).optional(),
			requestId: z.string()
		})
	})
	.meta({ id: 'ApiError' });

const jsonContent = (schema: z.ZodType) => ({ 'application/json': { schema } });
const errors = {
	'400': { description: 'Ongeldige invoer', content: jsonContent(apiErrorOut) },
	'404': { description: 'Niet gevonden', content: jsonContent(apiErrorOut) }
};
const idParam = z.object({ id: z.uuid() });

/** A list and a by-id operation for one resource. */
function resource(
	name: string,
	tag: string,
	item: z.ZodType,
	listQuery: z.ZodObject,
	pageId: string
): ZodOpenApiPathsObject {
	return {
		[`/${name}`]: {
			get: {
				operationId: `list_${name}`,
				tags: [tag],
				summary: `List ${name} (cursor pagination)`,
				requestParams: { query: listQuery },
				responses: {
					'200': { description: 'One page', content: jsonContent(cursorPageOut(item, pageId)) },
					'400': errors['400']
				}
			}
		},
		[`/${name}/{id}`]: {
			get: {
				operationId: `get_${name}`,
				tags: [tag],
				summary: `One of the ${name} by id`,
				requestParams: { path: idParam },
				responses: {
					'200': { description: 'Found', content: jsonContent(item) },
					...errors
				}
			}
		}
	};
}

/** Public meetings (cursor pages by start time), their items, and the decisions register. */
const meetingPaths: ZodOpenApiPathsObject = {
	'/meetings': {
		get: {
			operationId: 'list_meetings',
			tags: ['Meetings'],
			summary: 'List public meetings by start time (cursor pagination)',
			requestParams: { query: meetingListQuery },
			responses: {
				'200': {
					description: 'One page',
					content: jsonContent(cursorPageOut(meetingOut, 'MeetingPage'))
				},
				'400': errors['400']
			}
		}
	},
	'/meetings/{id}': {
		get: {
			operationId: 'get_meetings',
			tags: ['Meetings'],
			summary: 'One public meeting with its public agenda items and public decisions',
			requestParams: { path: idParam },
			responses: {
				'200': { description: 'Found', content: jsonContent(meetingDetailOut) },
				...errors
			}
		}
	},
	'/meetings/{id}/items': {
		get: {
			operationId: 'list_meeting_items',
			tags: ['Meetings'],
			summary: 'The public agenda items of a public meeting, numbered and timed',
			requestParams: { path: idParam },
			responses: {
				'200': { description: 'Found', content: jsonContent(agendaItemListOut) },
				...errors
			}
		}
	},
	'/decisions': {
		get: {
			operationId: 'list_decisions',
			tags: ['Decisions'],
			summary: 'The public decisions register, newest first (25 a page)',
			requestParams: { query: decisionListQuery },
			responses: {
				'200': { description: 'One page', content: jsonContent(decisionPageOut) },
				'400': errors['400']
			}
		}
	},
	'/decisions/{id}': {
		get: {
			operationId: 'get_decisions',
			tags: ['Decisions'],
			summary: 'One public decision by id',
			requestParams: { path: idParam },
			responses: {
				'200': { description: 'Found', content: jsonContent(decisionOut) },
				...errors
			}
		}
	}
};

/** The regional monitor: the indicator catalogue and observations (JSON or CSV). */
const monitorPaths: ZodOpenApiPathsObject = {
	'/indicators': {
		get: {
			operationId: 'list_indicators',
			tags: ['Monitor'],
			summary: 'The indicator catalogue, by domain and position',
			responses: {
				'200': { description: 'Every indicator', content: jsonContent(indicatorListOut) }
			}
		}
	},
	'/indicators/{code}': {
		get: {
			operationId: 'get_indicators',
			tags: ['Monitor'],
			summary: 'One indicator by code',
			requestParams: { path: z.object({ code: z.string() }) },
			responses: {
				'200': { description: 'Found', content: jsonContent(indicatorOut) },
				'404': errors['404']
			}
		}
	},
	'/observations': {
		get: {
			operationId: 'list_observations',
			tags: ['Monitor'],
			summary:
				'Observations by indicator, area (NIS code or region slug), period range and level (cursor pagination); CSV with Accept: text/csv',
			requestParams: { query: observationListQuery },
			responses: {
				'200': {
					description: 'One page (CSV: the same page; the next cursor in X-Next-Cursor)',
					content: {
						...jsonContent(observationPageOut),
						'text/csv': { schema: z.string() }
					}
				},
				'400': errors['400']
			}
		},
		post: {
			operationId: 'push_observations',
			tags: ['Monitor'],
			summary:
				'Push observations of one indicator (API token with the observations:write scope); validated like a file import, all or nothing — refused observations are listed as fields observations.N',
			security: [{ bearer: [] }],
			requestBody: { content: jsonContent(observationPushIn) },
			responses: {
				'201': { description: 'Stored: the counts', content: jsonContent(observationPushOut) },
				'400': errors['400'],
				'401': { description: 'Geen API-sleutel', content: jsonContent(apiErrorOut) },
				'403': {
					description: 'Sleutel zonder observations:write',
					content: jsonContent(apiErrorOut)
				}
			}
		}
	}
};

/** Published plans with their tree and computed statuses; their measures, actions and updates. */
const planPaths: ZodOpenApiPathsObject = {
	'/plans': {
		get: {
			operationId: 'list_plans',
			tags: ['Plans'],
			summary: 'List published plans with their computed status (cursor pagination)',
			requestParams: { query: planListQuery },
			responses: {
				'200': { description: 'One page', content: jsonContent(planPageOut) },
				'400': errors['400']
			}
		}
	},
	'/plans/{id}': {
		get: {
			operationId: 'get_plans',
			tags: ['Plans'],
			summary: 'One published plan with its tree: themes, objectives with measures, actions',
			requestParams: { path: idParam },
			responses: {
				'200': { description: 'Found', content: jsonContent(planDetailOut) },
				...errors
			}
		}
	},
	'/measures/{id}': {
		get: {
			operationId: 'get_measures',
			tags: ['Plans'],
			summary: 'One measure of a published plan with its trajectory and observations',
			requestParams: { path: idParam },
			responses: {
				'200': { description: 'Found', content: jsonContent(measureDetailOut) },
				...errors
			}
		}
	},
	'/actions/{id}': {
		get: {
			operationId: 'get_actions',
			tags: ['Plans'],
			summary: 'One action of a published plan',
			requestParams: { path: idParam },
			responses: {
				'200': { description: 'Found', content: jsonContent(actionOut) },
				...errors
			}
		}
	},
	'/actions/{id}/updates': {
		get: {
			operationId: 'list_action_updates',
			tags: ['Plans'],
			summary: 'The progress updates of an action of a published plan, newest first',
			requestParams: { path: idParam },
			responses: {
				'200': { description: 'Found', content: jsonContent(planUpdateListOut) },
				...errors
			}
		}
	}
};

/** Published influence dossiers: the register and one dossier with its documents and timeline. */
const dossierPaths: ZodOpenApiPathsObject = {
	'/dossiers': {
		get: {
			operationId: 'list_dossiers',
			tags: ['Dossiers'],
			summary:
				'List published dossiers with their computed stage, addressees and policy domains (cursor pagination)',
			requestParams: { query: dossierListQuery },
			responses: {
				'200': { description: 'One page', content: jsonContent(dossierPageOut) },
				'400': errors['400']
			}
		}
	},
	'/dossiers/{slug}': {
		get: {
			operationId: 'get_dossiers',
			tags: ['Dossiers'],
			summary:
				'One published dossier by slug: position, public decisions, addressees with their answers, public documents, plan items and timeline',
			requestParams: { path: dossierSlugParam },
			responses: {
				'200': { description: 'Found', content: jsonContent(dossierDetailOut) },
				'404': errors['404']
			}
		}
	}
};

/** Published news items and pages. */
const contentPaths: ZodOpenApiPathsObject = {
	'/news': {
		get: {
			operationId: 'list_news',
			tags: ['News'],
			summary:
				'List published news, newest first, by body, region or policy domain (cursor pagination)',
			requestParams: { query: newsListQuery },
			responses: {
				'200': { description: 'One page', content: jsonContent(newsPageOut) },
				'400': errors['400']
			}
		}
	},
	'/news/{slug}': {
		get: {
			operationId: 'get_news',
			tags: ['News'],
			summary: 'One published news item by slug, its text as Markdown and sanitised HTML',
			requestParams: { path: contentSlugParam },
			responses: {
				'200': { description: 'Found', content: jsonContent(contentDetailOut) },
				'404': errors['404']
			}
		}
	},
	'/pages/{slug}': {
		get: {
			operationId: 'get_pages',
			tags: ['News'],
			summary: 'One published page by slug, its text as Markdown and sanitised HTML',
			requestParams: { path: contentSlugParam },
			responses: {
				'200': { description: 'Found', content: jsonContent(contentDetailOut) },
				'404': errors['404']
			}
		}
	}
};

let cached: ReturnType<typeof createDocument> | undefined;

/**
 * What api/public-api.ts adds to every operation, whatever its endpoint: the 304 of a matching
 * If-None-Match on reads, and the 429 of the anonymous rate limit.
 */
function withEnvelope(doc: ReturnType<typeof createDocument>) {
	const limited = {
		description: 'Te veel verzoeken (anonieme limiet per IP-adres); opnieuw na Retry-After',
		headers: {
			'Retry-After': { description: 'Seconds until the limit resets', schema: { type: 'integer' } }
		},
		content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } }
	} as const;
	for (const item of Object.values(doc.paths ?? {})) {
		for (const [method, op] of Object.entries(item ?? {})) {
			if (!op || typeof op !== 'object' || !('responses' in op) || !op.responses) continue;
			if (method === 'get') {
				op.responses['304'] = { description: 'Niet gewijzigd: If-None-Match noemde de ETag' };
			}
			op.responses['429'] = structuredClone(limited);
		}
	}
	return doc;
}

export function openApiDocument(serverUrl = '/api/v1') {
	cached ??= createDocument({
		openapi: '3.1.0',
		info: {
			title: 'Streekplatform API',
			version: '1.0.0',
			description:
				"Open data of the regional partnership: areas, organisations, bodies, public meetings and decisions, the monitor, published plans and published influence dossiers. JSON, cursor pagination (`cursor` and `limit`; the answer's `nextCursor` is the next page's `cursor`, null on the last page), no authentication for public data. Every successful read has an ETag (send it back as If-None-Match for a 304); public reads may be made from any origin (CORS); anonymous callers are limited per IP address (429 with Retry-After).",
			license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' }
		},
		servers: [{ url: serverUrl }],
		components: {
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'An API token (accounts)' }
			}
		},
		paths: {
			...resource('areas', 'Areas', areaOut, areaListQuery, 'AreaPage'),
			...resource(
				'organisations',
				'Organisations',
				organisationOut,
				organisationListQuery,
				'OrganisationPage'
			),
			...resource('bodies', 'Bodies', bodyOut, bodyListQuery, 'BodyPage'),
			'/bodies/{id}/memberships': {
				get: {
					operationId: 'list_body_memberships',
					tags: ['Bodies'],
					summary:
						"The current members of a body who agreed to a public name (the body page's rule)",
					requestParams: { path: idParam },
					responses: {
						'200': { description: 'Found', content: jsonContent(publicMembershipListOut) },
						...errors
					}
				}
			},
			...meetingPaths,
			...monitorPaths,
			...planPaths,
			...dossierPaths,
			...contentPaths,
			'/openapi.json': {
				get: {
					operationId: 'openapi',
					tags: ['Meta'],
					summary: 'This OpenAPI 3.1 document',
					responses: {
						'200': {
							description: 'The document',
							content: jsonContent(z.object({ openapi: z.string() }).loose())
						}
					}
				}
			}
		}
	});
	// Idempotent: sets the same two responses on each call.
	return withEnvelope(cached);
}
