// The JSON API under /api: `Authorization: Bearer <key>` (the key's account and role), JSON in and out,
// errors as `{code, message, issues}` — never an HTML page. Operations: wave-operations.ts,
// result-operations.ts and instrument-operations.ts; the OpenAPI document describes the same list.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { DmError, dmError } from '../../errors.js';
import type { User } from '../../store/store.js';
import { hasRole } from '../../tasks/analyst-accounts.js';
import { apiKeyUser } from '../../tasks/api-keys.js';
import type { RateLimit } from '../rate-limit.js';
import { apiDocsPage } from './api-docs-page.js';
import { apiErrorBody, requestInvalid } from './api-error.js';
import type { ApiDeps, ApiFile, ApiJsonText, ApiOperation } from './api-operation.js';
import { parseJsonBody } from './json-body.js';
import { openApiDocument } from './openapi-document.js';
import { INSTRUMENT_OPERATIONS } from './instrument-operations.js';
import { INSTRUMENT_CONVERT_OPERATIONS } from './instrument-convert-operations.js';
import { INVITATION_OPERATIONS } from './invitation-operations.js';
import { RESULT_OPERATIONS } from './result-operations.js';
import { WAVE_OPERATIONS } from './wave-operations.js';

export const API_OPERATIONS: readonly ApiOperation[] = [...WAVE_OPERATIONS, ...RESULT_OPERATIONS, ...INSTRUMENT_OPERATIONS, ...INVITATION_OPERATIONS, ...INSTRUMENT_CONVERT_OPERATIONS];

/** JSON request bodies; the response import has its own, larger limit. */
const MAX_JSON_BYTES = 64 * 1024;

export interface ApiRouteDeps extends ApiDeps {
  readonly log: (line: string) => void;
  /** Requests per key (per process). */
  readonly perKey: RateLimit;
  /** Requests with an unknown, expired or revoked key, per client address (the failed sign-ins' budget). */
  readonly failedPerClient: RateLimit;
  readonly clientKey: (c: Context) => string;
}

type ApiEnv = { Variables: { apiUser: User } };

export function apiRoutes(deps: ApiRouteDeps): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  api.onError((error, c) => errorResponse(c, error, deps.log));
  const document = openApiDocument(API_OPERATIONS);
  api.get('/openapi.json', (c) => c.json(document));
  api.get('/docs', (c) => c.html(apiDocsPage(document)));
  for (const operation of API_OPERATIONS) {
    const limit = operation.body?.maxBytes ?? MAX_JSON_BYTES;
    api.on(operation.method.toUpperCase(), operation.path, gate(deps, operation), tooLarge(limit), (c) => handle(c, deps, operation));
  }
  const allowed = allowedMethods([{ method: 'get', path: '/openapi.json' }, { method: 'get', path: '/docs' }, ...API_OPERATIONS]);
  api.all('/*', (c) => {
    const methods = allowed(c.req.path.slice('/api'.length));
    if (methods.length === 0) throw dmError('DM_API_ROUTE_UNKNOWN', { path: c.req.path });
    c.header('Allow', methods.join(', '));
    throw dmError('DM_METHOD_NOT_ALLOWED', { detail: c.req.method });
  });
  return api;
}

/** Key → account (401), rate limit (429), role (403), content type (415): in this order. */
function gate(deps: ApiRouteDeps, operation: ApiOperation): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const authorization = c.req.header('Authorization');
    const found = await apiKeyUser(deps.store, authorization);
    if (!found) {
      // Only a presented key can be a guess; a request without one costs nothing.
      const attempt = authorization === undefined ? { ok: true as const } : deps.failedPerClient.take(deps.clientKey(c));
      if (!attempt.ok) throw rateLimited(c, attempt.retryAfterSeconds);
      throw dmError('DM_API_KEY_INVALID');
    }
    const taken = deps.perKey.take(`key:${found.keyId}`);
    if (!taken.ok) throw rateLimited(c, taken.retryAfterSeconds);
    if (!hasRole(found.user, operation.role)) throw dmError('DM_FORBIDDEN', { role: operation.role });
    if (operation.body) requireContentType(c, operation.body.kind === 'csv' ? 'text/csv' : 'application/json');
    c.set('apiUser', found.user);
    await next();
  };
}

/** The methods of the API routes matching a path below /api (for 405 and its Allow header). */
function allowedMethods(routes: readonly { readonly method: string; readonly path: string }[]): (path: string) => string[] {
  const patterns = routes.map((route) => ({ method: route.method.toUpperCase(), pattern: new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`) }));
  return (path) => [...new Set(patterns.filter((route) => route.pattern.test(path)).map((route) => route.method))];
}

function rateLimited(c: Context, seconds: number): DmError {
  c.header('Retry-After', String(seconds));
  return dmError('DM_RATE_LIMITED', { detail: seconds });
}

function requireContentType(c: Context, expected: string): void {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== expected) throw dmError('DM_UNSUPPORTED_MEDIA_TYPE', { detail: expected });
}

function tooLarge(maxSize: number): MiddlewareHandler {
  const detail = maxSize >= 1024 * 1024 ? `${maxSize / 1024 / 1024} MB` : `${maxSize / 1024} KB`;
  return bodyLimit({ maxSize, onError: () => Promise.reject(dmError('DM_BODY_TOO_LARGE', { detail })) });
}

async function handle(c: Context<ApiEnv>, deps: ApiDeps, operation: ApiOperation): Promise<Response> {
  const params = operation.params.safeParse(c.req.param());
  if (!params.success) throw requestInvalid('path', params.error);
  const query = operation.query.safeParse(c.req.query());
  if (!query.success) throw requestInvalid('query', query.error);
  const body = await readBody(c, operation);
  const result = await operation.handle({ params: params.data, query: query.data, body, user: c.var.apiUser, deps, url: c.req.url });
  if (isFile(result)) {
    const data = typeof result.data === 'string' ? result.data : (result.data.buffer.slice(result.data.byteOffset, result.data.byteOffset + result.data.byteLength) as ArrayBuffer);
    return c.body(data, 200, { 'Content-Type': result.mediaType, 'Content-Disposition': `attachment; filename="${result.fileName}"` });
  }
  if (isJsonText(result)) return c.body(result.text, operation.success.status, { 'Content-Type': 'application/json' });
  return c.json(result as object, operation.success.status);
}

function isJsonText(value: unknown): value is ApiJsonText {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'json-text';
}

async function readBody(c: Context, operation: ApiOperation): Promise<unknown> {
  if (!operation.body) return undefined;
  if (operation.body.kind === 'csv') return new Uint8Array(await c.req.arrayBuffer());
  const parsed = operation.body.schema.safeParse(parseJsonBody(new Uint8Array(await c.req.arrayBuffer())), { reportInput: true });
  if (!parsed.success) throw requestInvalid('body', parsed.error);
  return parsed.data;
}

function isFile(value: unknown): value is ApiFile {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'file';
}

function errorResponse(c: Context, error: Error, log: (line: string) => void): Response {
  c.header('Cache-Control', 'no-store');
  if (error instanceof DmError && error.status < 500) return c.json(apiErrorBody(error), error.status as 400);
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(apiErrorBody(dmError('DM_BAD_REQUEST', { detail: 'Die Anfrage konnte nicht gelesen werden.' })), error.status);
  }
  if (error instanceof DmError && error.status !== 500) return c.json(apiErrorBody(error), error.status as 503);
  log(`Interner Fehler bei ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
  return c.json(apiErrorBody(dmError('DM_INTERNAL')), 500);
}
