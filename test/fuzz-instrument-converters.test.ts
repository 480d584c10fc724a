// Property-based fuzzing of the LimeSurvey and SurveyJS questionnaire importers (issue 10 item 3, in the style
// of fuzz-importers.test.ts): the fixtures, damaged byte by byte, truncated, or changed at a random JSON path,
// are either converted (the result validated: a version or issues, each a German sentence) or refused with a
// coded German error — never an unexpected exception. Fixed seeds; fast-check prints any counterexample.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { DmError } from '../src/errors.js';
import { parseShowIfExpression, resolveShowIf } from '../src/formats/show-if-expression.js';
import { convertInstrument, type InstrumentSource } from '../src/tasks/convert-instrument.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1_000); // issue 11: at least 1,000 cases per importer and CI run
const SEED = 20_251_204;
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/interop/${name}`, import.meta.url)));
const LSS = [fixture('limesurvey3-inline.lss'), fixture('limesurvey6-l10n.lss')];
const SURVEYJS = [fixture('surveyjs-mehrsprachig.json'), fixture('surveyjs-bedingungen.json')];
/** The store port the conversion reads (no versions imported yet). */
const NO_VERSIONS = { instrumentVersions: async () => [] };

const damaged = (bases: readonly Uint8Array[]) =>
  fc
    .tuple(fc.constantFrom(...bases), fc.array(fc.tuple(fc.constantFrom('flip', 'insert', 'delete', 'truncate'), fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
    .map(([bytes, edits]) => {
      let out = [...bytes];
      for (const [kind, at, byte] of edits) {
        const i = out.length === 0 ? 0 : at % out.length;
        if (kind === 'flip' && out.length > 0) out[i] = byte;
        else if (kind === 'insert') out.splice(i, 0, byte);
        else if (kind === 'delete') out.splice(i, 1);
        else out = out.slice(0, i);
      }
      return Uint8Array.from(out);
    });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Replaces the node reached by `steps` (each step picks a child by index) with `replacement`. */
function replaceAt(value: Json, steps: readonly number[], replacement: Json): Json {
  if (steps.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[steps[0]! % keys.length]!;
  const copy: Json = Array.isArray(value) ? [...value] : { ...value };
  (copy as Record<string | number, Json>)[key] = replaceAt((value as Record<string | number, Json>)[key]!, steps.slice(1), replacement);
  return copy;
}

const REPLACEMENTS: Json[] = [null, '', 'x', 0, -1, 1.5, true, [], {}, 'radiogroup', 'matrixdropdown', "{portal} = 'yes'", '{', "{x} anyof [", ['a', 'a'], [{ value: null }], { de: 5 }];
const editedSurveyJs = fc
  .tuple(fc.constantFrom(...SURVEYJS), fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), fc.oneof(fc.constantFrom(...REPLACEMENTS), fc.jsonValue() as fc.Arbitrary<Json>)), { minLength: 1, maxLength: 3 }))
  .map(([bytes, edits]) => {
    let document = JSON.parse(new TextDecoder().decode(bytes)) as Json;
    for (const [steps, replacement] of edits) document = replaceAt(document, steps, replacement);
    return new TextEncoder().encode(JSON.stringify(document));
  });

/** German prose without leaked placeholders. */
function assertGerman(text: string): void {
  assert.ok(text.trim().length > 0, 'leere Meldung');
  assert.doesNotMatch(text.replace(/„[^“]*“/g, '„…“'), /undefined|NaN|\[object /, text);
  assert.match(text, /[äöüßÄÖÜ„“]|\b(die|der|das|ist|sind|und|wird|wurden?|nicht|keine?|Datei|Frage)\b/, text);
}

async function convertsOrRefuses(from: InstrumentSource, bytes: Uint8Array): Promise<'converted' | 'refused'> {
  try {
    const result = await convertInstrument(NO_VERSIONS, { from, bytes, version: 'fuzz' });
    for (const finding of result.converted.findings) assertGerman(`${finding.feature} – ${finding.reason}`);
    if (!result.check.ok) for (const issue of result.check.issues) assertGerman(issue.message);
    return 'converted';
  } catch (error) {
    if (!(error instanceof DmError)) throw error;
    assert.ok(['DM_LSS_INVALID', 'DM_SURVEYJS_INVALID'].includes(error.code), error.code);
    assertGerman(error.message);
    return 'refused';
  }
}

test(`LimeSurvey importer: ${RUNS} damaged .lss files convert or are refused in German, never throw otherwise`, async () => {
  const seen = new Set<string>();
  await fc.assert(fc.asyncProperty(damaged(LSS), async (bytes) => void seen.add(await convertsOrRefuses('lss', bytes))), { numRuns: RUNS, seed: SEED });
  assert.deepEqual([...seen].sort(), ['converted', 'refused']);
});

test(`SurveyJS importer: ${RUNS} damaged or edited forms convert or are refused in German, never throw otherwise`, async () => {
  const seen = new Set<string>();
  const files = fc.oneof({ weight: 3, arbitrary: editedSurveyJs }, { weight: 2, arbitrary: damaged(SURVEYJS) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) });
  await fc.assert(fc.asyncProperty(files, async (bytes) => void seen.add(await convertsOrRefuses('surveyjs', bytes))), { numRuns: RUNS, seed: SEED });
  assert.deepEqual([...seen].sort(), ['converted', 'refused']);
});

const TOKENS = ['Q1', 'Q1.NAOK', '{q}', '{q.r}', 'M', '==', '=', '!=', '<>', 'eq', 'ne', '>', 'anyof', 'notanyof', 'contains', 'empty', 'notempty', 'and', 'or', '&&', '||', '!', 'not', '(', ')', '[', ']', ',', '"A1"', "'y'", '1', '0', 'true', 'is_empty', '.shown', '~', '{', '}', '"', "'"];

test(`show-if expressions: ${RUNS * 5} random token sequences parse and resolve or are named as not mappable, never throw`, () => {
  const target = (variable: string) =>
    variable === 'M' ? { id: 'm', type: 'multi', options: new Map([['A1', 'a1']]) } : variable.startsWith('Q1') || variable.startsWith('q') ? { id: 'q1', type: 'single', options: new Map([['A1', 'a1'], ['y', 'y'], ['1', 'eins']]) } : `„${variable}“ ist keine Frage`;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }), fc.boolean(), (tokens, spaced) => {
      const parsed = parseShowIfExpression(tokens.join(spaced ? ' ' : ''));
      if (!parsed.ok) return assertGerman(parsed.reason);
      const resolved = resolveShowIf(parsed.expression, target);
      if (resolved.kind === 'unmapped') assertGerman(resolved.reason);
      if (resolved.kind === 'condition') assert.ok(resolved.condition.in.length > 0 && resolved.condition.in.every((value) => ['a1', 'y', 'eins'].includes(value)));
    }),
    { numRuns: RUNS * 5, seed: SEED },
  );
});
