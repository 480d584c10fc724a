// The OpenAPI 3.1 document of the JSON API, generated from the operation list and its zod schemas
// (z.toJSONSchema, draft 2020-12 — OpenAPI 3.1's dialect): no second copy of any shape.
import { z } from 'zod';
import type { ApiOperation } from './api-operation.js';
import { ApiErrorSchema } from './api-schemas.js';

type Json = Record<string, unknown>;

const ERROR_RESPONSE = { $ref: '#/components/responses/Error' };

export function openApiDocument(operations: readonly ApiOperation[]): Json {
  const paths: Record<string, Json> = {
    '/api/openapi.json': { get: meta('openApiDocument', 'Dieses Dokument (OpenAPI 3.1)', 'application/json') },
    '/api/docs': { get: meta('apiDocs', 'Lesbare Beschreibung der API (HTML)', 'text/html') },
  };
  for (const operation of operations) {
    const path = openApiPath(operation.path);
    paths[path] = { ...paths[path], [operation.method]: describe(operation) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kommunaler Digitalmonitor – JSON-API',
      version: '1',
      description:
        'Die Analyseaufgaben der Kommandozeile als JSON-API. Anmeldung mit „Authorization: Bearer <API-Schlüssel>“ (digitalmonitor apikey create); der Schlüssel hat die Rolle seines Kontos. Fehler: {code, message, issues} mit stabilem Code (docs/errors.md) und deutscher Meldung.',
    },
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'API-Schlüssel (dm_…)' } },
      schemas: { ApiError: jsonSchema(ApiErrorSchema, 'output') },
      responses: { Error: { description: 'Fehler', content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } } },
    },
    security: [{ apiKey: [] }],
  };
}

/** `/v1/waves/:wave` (Hono, below /api) → `/api/v1/waves/{wave}`. */
export function openApiPath(honoPath: string): string {
  return `/api${honoPath.replace(/:([A-Za-z]+)/g, '{$1}')}`;
}

function describe(operation: ApiOperation): Json {
  const errors = ['400', '401', '403', '404', '409', '422', '429', ...(operation.body ? ['413', '415'] : [])];
  return {
    operationId: operation.id,
    summary: operation.summary,
    ...(operation.description === undefined ? {} : { description: operation.description }),
    'x-role': operation.role,
    parameters: [...parameters(operation.params, 'path'), ...parameters(operation.query, 'query')],
    ...(operation.body ? { requestBody: requestBody(operation) } : {}),
    responses: {
      [String(operation.success.status)]: success(operation),
      ...Object.fromEntries(errors.sort().map((status) => [status, ERROR_RESPONSE])),
      default: ERROR_RESPONSE,
    },
  };
}

function parameters(schema: z.ZodObject, where: 'path' | 'query'): Json[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...rest } = jsonSchema(field as z.ZodType, 'input');
    const optional = (field as z.ZodType).safeParse(undefined).success;
    return { name, in: where, required: where === 'path' || !optional, ...(description === undefined ? {} : { description }), schema: rest };
  });
}

function requestBody(operation: ApiOperation): Json {
  const body = operation.body!;
  if (body.kind === 'csv') {
    return { required: true, content: { 'text/csv': { schema: { type: 'string', description: `flache CSV, höchstens ${body.maxBytes} Bytes` } } } };
  }
  return { required: true, content: { 'application/json': { schema: jsonSchema(body.schema, 'input') } } };
}

function success(operation: ApiOperation): Json {
  const { description } = operation.success;
  if ('mediaTypes' in operation.success) {
    return { description, content: Object.fromEntries(operation.success.mediaTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])) };
  }
  return { description, content: { 'application/json': { schema: jsonSchema(operation.success.schema, 'output') } } };
}

function meta(operationId: string, summary: string, type: string): Json {
  return { operationId, summary, security: [], responses: { '200': { description: summary, content: { [type]: { schema: type === 'text/html' ? { type: 'string' } : { type: 'object' } } } } } };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  return rest;
}
