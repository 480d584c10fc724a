// The contract between the JSON API and its OpenAPI 3.1 document: every route of the API is in the
// document (and nothing else), every schema compiles as JSON Schema 2020-12, the request schemas are the
// ones that validate (unknown fields rejected), and /api/docs shows every operation without external
// resources. That every reply validates is checked by api-fixture.ts's call() in each API test file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openApiPath } from '../src/web/api/openapi-document.js';
import { type ApiFixture, apiFixture } from './api-fixture.js';

let f: ApiFixture;
let document: Record<string, any>;
before(async () => {
  f = await apiFixture();
  document = (await f.call('GET', '/api/openapi.json', { key: null })).json;
});
after(() => f.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function documented(): string[] {
  return Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
    Object.keys(methods).filter((method) => METHODS.includes(method)).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

test('the document is OpenAPI 3.1 with bearer keys, and lists exactly the routes of the API', () => {
  assert.equal(document.openapi, '3.1.0');
  assert.deepEqual(document.components.securitySchemes.apiKey, { type: 'http', scheme: 'bearer', description: 'API-Schlüssel (dm_…)' });
  const routes = f.app.routes
    .filter((route) => route.path.startsWith('/api/') && METHODS.includes(route.method.toLowerCase()))
    .map((route) => `${route.method} ${openApiPath(route.path.slice('/api'.length))}`);
  assert.deepEqual([...new Set(routes)].sort(), documented().sort());
  assert.ok(routes.length >= 13, `${routes.length} routes`);
});

test('every operation: an id, its path parameters, a documented success and the error format; all schemas compile (2020-12)', () => {
  const ajv = new Ajv2020({ strict: false });
  const ids = new Set<string>();
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
    for (const [method, operation] of Object.entries(methods)) {
      assert.ok(!ids.has(operation.operationId), `${operation.operationId} twice`);
      ids.add(operation.operationId);
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual((operation.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name).sort(), inPath, `${method} ${path}`);
      for (const parameter of operation.parameters ?? []) ajv.compile(parameter.schema);
      for (const content of Object.values(operation.requestBody?.content ?? {}) as { schema: object }[]) ajv.compile(content.schema);
      const success = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      assert.equal(success.length, 1, `${method} ${path}`);
      for (const content of Object.values(operation.responses[success[0]!].content) as { schema: object }[]) ajv.compile(content.schema);
      if (operation.security?.length === 0) continue;
      for (const status of ['401', '403', '422', '429', 'default']) assert.deepEqual(operation.responses[status], { $ref: '#/components/responses/Error' }, `${method} ${path} ${status}`);
    }
  }
  ajv.compile(document.components.schemas.ApiError);
});

test('the documented request schema is the validating one: unknown fields are refused by both', async () => {
  const schema = document.paths['/api/v1/waves'].post.requestBody.content['application/json'].schema;
  const validate = new Ajv2020({ strict: false }).compile(schema);
  const good = { id: 'vertrag', title: 'Vertragstest', instrumentVersion: '2019' };
  const bad = { ...good, id: 'vertrag2', farbe: 'blau' };
  assert.equal(validate(good), true);
  assert.equal(validate(bad), false);
  const send = (body: object) => f.call('POST', '/api/v1/waves', { body: JSON.stringify(body), type: 'application/json' });
  assert.equal((await send(good)).status, 201);
  assert.equal((await send(bad)).status, 422);
  const query = document.paths['/api/v1/waves/{wave}/analysis'].get.parameters.map((p: { name: string; in: string; required: boolean }) => [p.name, p.in, p.required]);
  assert.deepEqual(query, [['wave', 'path', true], ['weighted', 'query', false], ['by', 'query', false]]);
});

test('/api/docs: every operation with its parameters, served under the strict CSP without external resources', async () => {
  const page = await f.call('GET', '/api/docs', { key: null });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  for (const entry of documented()) {
    const [method, path] = entry.split(' ');
    assert.ok(page.text.includes(`${method} ${path}`), `${entry} fehlt auf /api/docs`);
  }
  assert.match(page.text, /<code>weighted<\/code><\/td><td>Abfrage<\/td><td>nein<\/td>/);
  assert.doesNotMatch(page.text, /<script|<link[^>]+href="https?:|src="https?:/);
  assert.match(page.text, /<html lang="de">/);
});
