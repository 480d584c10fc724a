// Validates a results document against docs/results-document.schema.json, after a JSON round trip (a
// NaN becomes null there and fails the schema).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

const schema: object = JSON.parse(readFileSync(new URL('../../docs/results-document.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false }).compile(schema);

/** Throws an assertion error listing the first schema violations. */
export function assertValidResults(doc: unknown): void {
  const json: unknown = typeof doc === 'string' ? JSON.parse(doc) : JSON.parse(JSON.stringify(doc));
  if (validate(json)) return;
  const errors = (validate.errors ?? []).slice(0, 10).map((error) => `${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  assert.fail(`results document violates the schema:\n${errors.join('\n')}`);
}

/** Whether the schema accepts `doc` (for tests that expect a rejection). */
export function isValidResults(doc: unknown): boolean {
  return validate(JSON.parse(JSON.stringify(doc))) === true;
}
