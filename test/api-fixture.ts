// The JSON API in-process for tests: the survey fixture (open wave "w" with invitations) plus a closed
// demo wave "alt", an analyst and an admin with API keys, and call(): every reply is checked against the
// OpenAPI document (/api/openapi.json) — its status must be documented for the operation and its body
// must validate against the documented schema (ajv, draft 2020-12). That is the contract test of every
// response the API test files produce.
import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Hono } from 'hono';
import type { Store } from '../src/store/store.js';
import { addUser } from '../src/tasks/analyst-accounts.js';
import { createApiKey } from '../src/tasks/api-keys.js';
import { closedDemoWave } from './support/closed-demo-wave.js';
import { surveyFixture } from './support/survey-fixture.js';

export interface ApiReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed when the reply is JSON. */
  readonly json: any;
  readonly bytes: Uint8Array;
}

export interface CallInit {
  /** A key (default: the analyst's); null sends no Authorization header. */
  readonly key?: string | null;
  readonly body?: string | Uint8Array;
  readonly type?: string;
  readonly headers?: Record<string, string>;
  /** Client address (rate limits). */
  readonly client?: string;
}

export interface ApiFixture {
  readonly store: Store;
  readonly app: Hono;
  readonly analystKey: string;
  readonly adminKey: string;
  readonly logged: string[];
  call(method: string, path: string, init?: CallInit): Promise<ApiReply>;
  /** Fails when an internal error was logged, then closes the store. */
  close(): Promise<void>;
}

type Json = Record<string, any>;

export async function apiFixture(): Promise<ApiFixture> {
  const f = await surveyFixture();
  await closedDemoWave(f.store, 'alt');
  await addUser(f.store, { email: 'ana@test.example', role: 'analyst', password: 'ein-langes-test-passwort' }, 'test');
  await addUser(f.store, { email: 'ada@test.example', role: 'admin', password: 'ein-langes-test-passwort' }, 'test');
  const analystKey = (await createApiKey(f.store, { email: 'ana@test.example', name: 'Skript' }, 'test')).key;
  const adminKey = (await createApiKey(f.store, { email: 'ada@test.example' }, 'test')).key;
  const contract = await contractOf(f.app);
  const call = async (method: string, path: string, init: CallInit = {}): Promise<ApiReply> => {
    const reply = await request(f.app, method, path, init, init.key === undefined ? analystKey : init.key);
    contract(method, path, reply);
    return reply;
  };
  // Closing also checks that no request of the file logged an internal error.
  const close = async () => {
    try {
      assert.deepEqual(f.logged, [], 'no internal error was logged');
    } finally {
      await f.close();
    }
  };
  return { store: f.store, app: f.app, analystKey, adminKey, logged: f.logged, call, close };
}

export async function request(app: Hono, method: string, path: string, init: CallInit, key: string | null): Promise<ApiReply> {
  const headers = new Headers(init.headers);
  if (key !== null) headers.set('Authorization', `Bearer ${key}`);
  if (init.type !== undefined) headers.set('Content-Type', init.type);
  const response = await app.request(path, { method, headers, body: init.body as BodyInit | undefined }, { incoming: { socket: { remoteAddress: init.client ?? '203.0.113.9' } } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const isJson = (response.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: response.status, headers: response.headers, text, json: isJson && text !== '' ? JSON.parse(text) : undefined, bytes };
}

/** A checker of replies against the served OpenAPI document. */
export async function contractOf(app: Hono): Promise<(method: string, path: string, reply: ApiReply) => void> {
  const document = (await request(app, 'GET', '/api/openapi.json', {}, null)).json as Json;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const compiled = new Map<object, ValidateFunction>();
  const validatorOf = (schema: object) => compiled.get(schema) ?? compiled.set(schema, ajv.compile(schema)).get(schema)!;
  return (method, path, reply) => {
    const operation = operationOf(document, method, path);
    assert.ok(operation, `${method} ${path} steht nicht im OpenAPI-Dokument`);
    const documented = operation.responses[String(reply.status)] ?? operation.responses.default;
    assert.ok(documented, `${method} ${path}: Status ${reply.status} ist nicht dokumentiert`);
    const response = documented.$ref ? document.components.responses.Error : documented;
    const content = response.content as Record<string, { schema: Json }>;
    const type = (reply.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const entry = Object.entries(content).find(([documentedType]) => documentedType.split(';')[0]!.trim() === type);
    assert.ok(entry, `${method} ${path} ${reply.status}: Inhaltstyp ${type} ist nicht dokumentiert`);
    if (type !== 'application/json') return;
    const schema = entry[1].schema.$ref ? document.components.schemas.ApiError : entry[1].schema;
    const validate = validatorOf(schema);
    assert.ok(validate(reply.json), `${method} ${path} ${reply.status} verletzt das Schema: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
  };
}

/** The operation whose path template matches `path` (without query). */
export function operationOf(document: Json, method: string, path: string): Json | undefined {
  const plain = path.split('?')[0]!;
  for (const [template, methods] of Object.entries(document.paths as Record<string, Json>)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(plain) && methods[method.toLowerCase()]) return methods[method.toLowerCase()] as Json;
  }
  return undefined;
}
