import { z } from 'zod';

export const apiVersion = '1.0.0';

export const problemSchema = z
  .object({
    type: z.string().describe('URI naming the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('What went wrong and how to fix it, in the language asked for (Accept-Language: nl or en)'),
    instance: z.string().optional(),
    code: z.string().describe('A stable code, e.g. VALIDATION_FAILED, NOT_FOUND, VERSION_CONFLICT; the modules add their own (docs/api.md lists them)'),
    errors: z
      .array(z.object({ field: z.string().describe('e.g. body.email'), code: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per field that needs fixing'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

const descriptions: Record<number, string> = {
  400: 'Bad input: malformed JSON or fields that need fixing (see errors)',
  401: 'Not logged in',
  403: 'Logged in, but not allowed',
  404: 'Not found',
  409: 'Conflict: duplicate value or changed in the meantime',
  413: 'Request body too large',
  429: 'Too many requests or attempts: wait the seconds in Retry-After',
  500: 'Unexpected failure; nothing was changed',
};

/** Error responses for an operation's OpenAPI entry: 400 and 500 always, plus the ones named. */
export function problemResponses(...statuses: number[]) {
  const all = [...new Set([400, ...statuses, 500])].sort();
  return Object.fromEntries(
    all.map((status) => [status, { description: descriptions[status] ?? 'Problem', content: { 'application/problem+json': { schema: problemSchema } } }]),
  ) as Record<number, { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } }>;
}

type OpenApiDocument = {
  paths?: Record<string, Record<string, { responses?: Record<string, { description?: string; content?: unknown; headers?: Record<string, unknown> }> }>>;
  servers?: { url: string }[];
  components?: Record<string, unknown>;
};

/**
 * Makes the generated document follow the NL GOV API Design Rules: paths relative to the versioned
 * server URL, and every success response declaring the API-Version header.
 */
export function finishOpenApiDocument<T extends OpenApiDocument>(document: T, publicUrl: string): T {
  const paths: NonNullable<OpenApiDocument['paths']> = {};
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    const relative = path.startsWith('/api/v1') ? path.slice('/api/v1'.length) || '/' : path;
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (/^[23]/.test(status)) {
          response.headers = { ...response.headers, 'API-Version': { $ref: '#/components/headers/API-Version' } };
        }
      }
      // Every API operation is rate limited (rate-limits.ts): each may answer 429 with Retry-After.
      if (operation.responses) {
        const tooMany = operation.responses['429'] ?? { description: descriptions[429], content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
        tooMany.headers = { ...tooMany.headers, 'Retry-After': { $ref: '#/components/headers/Retry-After' } };
        operation.responses['429'] = tooMany;
      }
    }
    paths[relative] = operations;
  }
  return {
    ...document,
    paths,
    servers: [{ url: `${publicUrl.replace(/\/$/, '')}/api/v1` }],
    components: {
      ...document.components,
      headers: {
        'API-Version': { description: 'The full version of the API that answered', schema: { type: 'string', example: apiVersion } },
        'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
      },
    },
  };
}
