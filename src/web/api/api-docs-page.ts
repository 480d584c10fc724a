// /api/docs: the OpenAPI document as a readable page, rendered on the server (no script, no CDN; the
// page's CSP stays default-src 'self'). Every operation with its parameters, body and responses.
import { html } from 'hono/html';
import { type Html, pageLayout } from '../page-layout.js';
import { scrollable } from '../../report/html/scrollable.js';

type Json = Record<string, unknown>;
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly description?: string;
  readonly schema: unknown;
}

export function apiDocsPage(document: Json): Html {
  const paths = document.paths as Record<string, Record<string, Json>>;
  const operations = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
  const info = document.info as { title: string; description: string };
  const schemas = (document.components as { schemas: Json }).schemas;
  return pageLayout(
    'JSON-API',
    html`<h1>${info.title}</h1>
<p>${info.description}</p>
<p>Maschinenlesbar: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Vorgänge</h2>
<ul>${operations.map(({ path, method, operation }) => html`<li><a href="#${String(operation.operationId)}">${method.toUpperCase()} ${path}</a> – ${String(operation.summary)}</li>`)}</ul>
${operations.map(({ path, method, operation }) => operationSection(path, method, operation))}
<h2 id="ApiError">Fehlerformat (ApiError)</h2>
<pre>${JSON.stringify(schemas.ApiError, null, 2)}</pre>`,
  );
}

function operationSection(path: string, method: string, operation: Json): Html {
  const parameters = (operation.parameters ?? []) as Parameter[];
  const body = operation.requestBody as { content: Record<string, { schema: unknown }> } | undefined;
  const responses = operation.responses as Record<string, Json>;
  return html`<section>
<h2 id="${String(operation.operationId)}">${method.toUpperCase()} ${path}</h2>
<p>${String(operation.summary)}${operation.description === undefined ? '' : html` – ${String(operation.description)}`}</p>
<p>Rolle: ${operation['x-role'] === undefined ? 'keine Anmeldung nötig' : roleDe(String(operation['x-role']))}</p>
${parameters.length === 0 ? '' : parameterTable(parameters)}
${body === undefined ? '' : Object.entries(body.content).map(([type, content]) => html`<h3>Körper (${type})</h3><pre>${JSON.stringify(content.schema, null, 2)}</pre>`)}
<h3>Antworten</h3>
<dl>${Object.entries(responses).map(([status, response]) => html`<dt>${status}</dt><dd>${responseText(response)}</dd>`)}</dl>
</section>`;
}

function parameterTable(parameters: readonly Parameter[]): Html {
  return scrollable('Parameter', html`<table><caption>Parameter</caption><thead><tr><th scope="col">Name</th><th scope="col">Ort</th><th scope="col">Pflicht</th><th scope="col">Schema</th><th scope="col">Bedeutung</th></tr></thead>
<tbody>${parameters.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in === 'path' ? 'Pfad' : 'Abfrage'}</td><td>${p.required ? 'ja' : 'nein'}</td><td><code>${JSON.stringify(p.schema)}</code></td><td>${p.description ?? ''}</td></tr>`)}</tbody></table>`);
}

function responseText(response: Json): Html {
  if ('$ref' in response) return html`Fehler im Format <a href="#ApiError">ApiError</a>`;
  const content = (response.content ?? {}) as Record<string, { schema: unknown }>;
  return html`${String(response.description)}${Object.entries(content).map(([type, c]) => html`<br>${type}<pre>${JSON.stringify(c.schema, null, 2)}</pre>`)}`;
}

function roleDe(role: string): string {
  return role === 'admin' ? 'Admin' : 'Analyst oder Admin';
}
