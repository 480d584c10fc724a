// Property-based fuzzing of the importers (issue 11 "Fuzzing"): generated response and register CSV files
// and instrument files
// — structured, mutated byte by byte, or noise — either import completely or are refused with a German
// message and change nothing. Fixed seeds; fast-check prints seed and path of any counterexample.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { DmError } from '../src/errors.js';
import { flatVariables } from '../src/instrument/flat-variables.js';
import { formatIssueDe } from '../src/instrument/messages.de.js';
import { instrument2019 } from '../src/instrument/waves/instrument-2019.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { importRegister } from '../src/tasks/import-register.js';
import { importResponses } from '../src/tasks/import-responses.js';
import { importInstrumentFile } from '../src/tasks/instrument-files.js';

const RUNS = 1_000;
const SEED = 20_191_204;
const fixture = (name: string) => readFileSync(new URL(`fixtures/good/${name}`, import.meta.url));
const GEMEINDEN = fixture('test-gemeinden.csv');
const KREISE = fixture('test-kreise.csv');

let store: Store;

before(async () => {
  store = await openStore({});
  await importRegister(store, { gemeinden: GEMEINDEN, kreise: KREISE, referenceDate: '2024-12-31', populationDate: '2023-12-31', source: 'Test', actor: 'test' });
  await store.createWave({ id: 'w', title: 'Fuzz', instrumentVersion: '2019' });
});
after(() => store.close());

/** German prose without leaked placeholders. */
function assertGerman(text: string): void {
  assert.ok(text.trim().length > 0, 'leere Meldung');
  assert.doesNotMatch(text.replace(/„[^“]*“/g, '„…“'), /undefined|NaN|\[object /, text); // quoted input may say anything
  assert.match(text, /[äöüßÄÖÜ„“]|\b(die|der|das|ist|in|nicht|nichts|wurde|Fehler|Zeile|Spalte|Datei|keine?|gibt|ein|eine|bei|mit|Wert|fehlt)\b/, text);
}

/** A refusal is a coded German error whose issues each read as a German sentence. */
function assertRefusal(error: unknown): void {
  if (!(error instanceof DmError)) throw error;
  assertGerman(error.message);
  for (const issue of error.issues) assertGerman(formatIssueDe(issue));
}

const variables = flatVariables(instrument2019);
const NAMES = ['ags', ...variables.map((variable) => variable.name)];
const VALUES = [...new Set(variables.flatMap((variable) => variable.values ?? []))];
const AGS = ['05999001', '05999002', '09999003', '05998000', '5999001', '99999999', '0599900A', ''];
const NASTY = ['', ' ', '"', '""', '"a""b"', '\n', '\r\n', '\r', ';', ',', '\t', 'ä', 'ß', '\uFEFF', '=HYPERLINK("x")', '+1', '-1', '@a', '1e3', 'NaN', '0x10', '１', '\u0000', '\uD83D\uDE00', 'a'.repeat(2_100)];

const cell = (column: string) =>
  fc.oneof(
    { weight: 4, arbitrary: column === 'ags' ? fc.constantFrom(...AGS) : fc.constantFrom(...(variables.find((v) => v.name === column)?.values ?? ['', 'text'])) },
    { weight: 2, arbitrary: fc.constantFrom(...VALUES, ...NASTY) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
  );

interface CsvShape {
  readonly delimiter: ',' | ';';
  readonly newline: '\n' | '\r\n';
  readonly bom: boolean;
  readonly quoting: 'needed' | 'all' | 'never';
}

const shape: fc.Arbitrary<CsvShape> = fc.record({
  delimiter: fc.constantFrom(',' as const, ';' as const),
  newline: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  quoting: fc.constantFrom('needed' as const, 'all' as const, 'never' as const),
});

function csv(header: readonly string[], rows: readonly (readonly string[])[], { delimiter, newline, bom, quoting }: CsvShape): string {
  const quote = (value: string) =>
    quoting === 'all' || (quoting === 'needed' && /[",;\r\n]/.test(value)) ? `"${value.replaceAll('"', '""')}"` : value;
  return (bom ? '\uFEFF' : '') + [header, ...rows].map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

/** Flips, inserts or deletes bytes (a damaged upload). */
const mutated = (base: fc.Arbitrary<Uint8Array>) =>
  fc
    .tuple(base, fc.array(fc.tuple(fc.constantFrom('flip', 'insert', 'delete'), fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
    .map(([bytes, edits]) => {
      const out = [...bytes];
      for (const [kind, at, byte] of edits) {
        const i = out.length === 0 ? 0 : at % out.length;
        if (kind === 'flip' && out.length > 0) out[i] = byte;
        else if (kind === 'insert') out.splice(i, 0, byte);
        else out.splice(i, 1);
      }
      return Uint8Array.from(out);
    });

const encode = (text: string) => new TextEncoder().encode(text);

const responsesFile: fc.Arbitrary<Uint8Array> = (() => {
  const structured = fc
    .tuple(fc.uniqueArray(fc.constantFrom(...NAMES.slice(0, 60), 'lieblingsfarbe', 'AGS', ''), { minLength: 1, maxLength: 8 }), shape, fc.nat({ max: 4 }))
    .chain(([columns, form, count]) => {
      const header = fc.boolean().map((withAgs) => (withAgs && !columns.includes('ags') ? ['ags', ...columns] : columns));
      return header.chain((head) =>
        fc.array(fc.tuple(...head.map((column) => cell(column))), { minLength: count, maxLength: count }).map((rows) => encode(csv(head, rows, form))),
      );
    });
  // The valid rows of a good fixture, each cell sometimes replaced by a value of its column or a nasty one.
  const [header, ...rows] = new TextDecoder().decode(fixture('responses-minimal.csv')).trim().split('\n').map((line) => line.split(','));
  const edited = fc
    .tuple(
      fc.subarray(rows, { minLength: 1 }),
      fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, fc.array(fc.tuple(fc.nat({ max: header!.length - 1 }), fc.nat()), { minLength: 1, maxLength: 2 })),
      shape,
    )
    .chain(([chosen, edits, form]) =>
      fc.tuple(...edits.map(([column]) => cell(header![column]!))).map((values) => {
        const out = chosen.map((row) => [...row]);
        edits.forEach(([column, row], i) => (out[row % out.length]![column] = values[i]!));
        return encode(csv(header!, out, form));
      }),
    );
  return fc.oneof(
    { weight: 4, arbitrary: structured },
    { weight: 3, arbitrary: edited },
    { weight: 3, arbitrary: mutated(fc.oneof(structured, edited)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  );
})();

async function responsesState(): Promise<string> {
  return JSON.stringify([await store.responsesForWave('w'), (await store.auditLog()).length]);
}

test(`responses importer: ${RUNS} generated files import completely or are refused in German, changing nothing`, async () => {
  let imported = 0;
  await fc.assert(
    fc.asyncProperty(responsesFile, async (bytes) => {
      const before = await responsesState();
      try {
        const result = await importResponses(store, { waveId: 'w', bytes, fileName: 'fuzz.csv', actor: 'fuzz' });
        imported++;
        const responses = await store.responsesForWave('w');
        assert.ok(result.rows > 0 && result.inserted + result.updated === result.rows);
        assert.ok(responses.length >= result.inserted);
      } catch (error) {
        assertRefusal(error);
        assert.equal(await responsesState(), before, 'a refused file changed the store');
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
  assert.ok(imported > 0, 'the generator also produces valid files');
});

const REGISTER_HEADER = ['ags', 'name', 'state_code', 'state', 'district_ags', 'district', 'type', 'population', 'area_km2'];
const GOOD_ROWS = new TextDecoder()
  .decode(GEMEINDEN)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.match(/("[^"]*"|[^,]*)(,|$)/g)!.slice(0, REGISTER_HEADER.length).map((field) => field.replace(/,$/, '').replace(/^"|"$/g, '')));
const FIELD_VALUES = ['0599900', '16999001', '05999001x', '', 'Müßig „Ort“', '"', 'XX', 'Atlantis', '1', 'Dorf', '0', '-5', '8.120', '1e9', 'viele', '40,00', 'x'];
/** A valid row of the test register, sometimes with one or two fields replaced. */
const registerRow = fc
  .tuple(fc.constantFrom(...GOOD_ROWS), fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, fc.array(fc.tuple(fc.nat({ max: REGISTER_HEADER.length - 1 }), fc.constantFrom(...FIELD_VALUES)), { minLength: 1, maxLength: 2 })))
  .map(([row, edits]) => {
    const out = [...row];
    for (const [field, value] of edits) out[field] = value;
    return out;
  });

const registerFile: fc.Arbitrary<Uint8Array> = (() => {
  const structured = fc
    .tuple(fc.oneof({ weight: 3, arbitrary: fc.shuffledSubarray(REGISTER_HEADER, { minLength: REGISTER_HEADER.length }) }, fc.shuffledSubarray(REGISTER_HEADER)), fc.uniqueArray(registerRow, { maxLength: 4, selector: (row) => row[0] }), shape)
    .map(([header, rows, form]) => encode(csv(header, rows.map((row) => header.map((name) => row[REGISTER_HEADER.indexOf(name)]!)), form)));
  return fc.oneof({ weight: 5, arbitrary: structured }, { weight: 3, arbitrary: mutated(structured) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) });
})();

async function registerState(): Promise<string> {
  return JSON.stringify([await store.registerInfo(), await store.registerUnits(), (await store.auditLog()).length]);
}

test(`register importer: ${RUNS} generated files replace the register completely or are refused in German, changing nothing`, async () => {
  let imported = 0;
  await fc.assert(
    fc.asyncProperty(registerFile, fc.boolean(), async (gemeinden, withKreise) => {
      const before = await registerState();
      try {
        const input = { gemeinden, kreise: withKreise ? KREISE : undefined, referenceDate: '2024-12-31', populationDate: '2023-12-31', source: 'Fuzz', actor: 'fuzz' };
        const result = await importRegister(store, input);
        imported++;
        assert.equal((await store.registerUnits()).filter((unit) => !unit.synthetic).length, result.units);
      } catch (error) {
        assertRefusal(error);
        assert.equal(await registerState(), before, 'a refused file changed the register');
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
  assert.ok(imported > 0, 'the generator also produces valid files');
});

// Instrument files (issue 9): the valid 2021 fixture, mutated structurally (a value replaced, removed or
// duplicated at a random JSON path) or byte by byte, under five version ids: once a version is stored, a
// valid file with its id is refused as immutable (and the check stays cheap: it reads every stored version).
const VALID_INSTRUMENT = JSON.parse(readFileSync(new URL('fixtures/instruments/valid-2021.json', import.meta.url), 'utf8')) as Record<string, unknown>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Replaces, removes or duplicates the node reached by `steps` (each step picks a child by index). */
function mutate(value: Json, steps: readonly number[], kind: 'replace' | 'remove' | 'duplicate', replacement: Json): Json {
  if (steps.length === 0 || value === null || typeof value !== 'object') return kind === 'replace' ? replacement : value;
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  if (keys.length === 0) return value;
  const key = keys[steps[0]! % keys.length]!;
  const copy: Json = Array.isArray(value) ? [...value] : { ...value };
  const child = (copy as Record<string | number, Json>)[key]!;
  if (steps.length === 1 && kind !== 'replace') {
    if (Array.isArray(copy)) copy.splice(key as number, kind === 'remove' ? 1 : 0, ...(kind === 'duplicate' ? [child] : []));
    else if (kind === 'remove') delete (copy as Record<string, Json>)[key as string];
    return copy;
  }
  (copy as Record<string | number, Json>)[key] = mutate(child, steps.slice(1), kind, replacement);
  return copy;
}

const instrumentFile: fc.Arbitrary<Uint8Array> = (() => {
  const structured = fc
    .tuple(
      fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
      fc.constantFrom('replace' as const, 'remove' as const, 'duplicate' as const),
      fc.oneof(fc.constantFrom<Json>(null, '', 'strategy_status', 'ja', [], {}, 0, -1, true), fc.jsonValue() as fc.Arbitrary<Json>),
      fc.nat(),
    )
    .map(([steps, kind, replacement, id]) => {
      const document = mutate({ ...VALID_INSTRUMENT, version: id % 4 === 0 ? 'fuzz' : `fuzz-${id % 4}` } as Json, steps, kind, replacement);
      return encode(JSON.stringify(document));
    });
  const valid = fc.nat().map((id) => encode(JSON.stringify({ ...VALID_INSTRUMENT, version: `fuzz-${id % 4}` })));
  return fc.oneof({ weight: 6, arbitrary: structured }, { weight: 1, arbitrary: valid }, { weight: 2, arbitrary: mutated(structured) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) });
})();

test(`instrument importer: ${RUNS} generated files are stored complete or refused with German messages and paths, storing nothing`, async () => {
  let imported = 0;
  await fc.assert(
    fc.asyncProperty(instrumentFile, async (bytes) => {
      const before = (await store.instrumentVersions()).length;
      try {
        const result = await importInstrumentFile(store, bytes, 'fuzz');
        if (result.ok) {
          imported++;
          assert.equal((await store.instrumentVersions()).length, before + 1);
          return;
        }
        assert.ok(result.issues.length > 0);
        for (const issue of result.issues) assertGerman(issue.message);
      } catch (error) {
        assertRefusal(error);
      }
      assert.equal((await store.instrumentVersions()).length, before, 'a refused file stored a version');
    }),
    { numRuns: RUNS, seed: SEED },
  );
  assert.ok(imported > 0, 'the generator also produces valid files');
});
