// Property-based fuzzing of the LimeSurvey response import: the fixture export damaged byte by byte or cell
// by cell, and the fixture mapping with fields replaced by nonsense, either import completely or are
// refused with a coded German error, changing nothing. Fixed seed; fast-check prints any counterexample.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { DmError } from '../src/errors.js';
import { formatIssueDe } from '../src/instrument/messages.de.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { importLimeSurveyResponses } from '../src/tasks/import-limesurvey-responses.js';
import { register, unit } from './store-suite/store-fixture.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000); // issue 11: at least 1,000 cases per importer and CI run
const SEED = 20_190_603;
const interop = (name: string) => readFileSync(new URL(`fixtures/interop/${name}`, import.meta.url));
const EXPORT = new TextDecoder().decode(interop('limesurvey-responses.csv'));
const MAPPING = JSON.parse(interop('limesurvey-mapping.json').toString('utf8')) as Record<string, any>;
const AGS = [...EXPORT.matchAll(/"(0[0-9]{7})"/g)].map((m) => m[1]!);

let store: Store;
before(async () => {
  store = await openStore({});
  await store.replaceRegister(register([...new Set(AGS)].map((ags) => unit(ags))));
  await store.createWave({ id: 'w', title: 'Fuzz', instrumentVersion: '2019' });
});
after(() => store.close());

const NASTY = ['', 'Y', 'N', 'N/A', '-oth-', 'A9', '1', '0', '"', '\n', ';', ',', 'ä', '\uFEFF', '=1+1', '\u0000', 'x'.repeat(2_100), '05111000', '5111000'];
const JUNK = [null, 1, true, 'x', '', [], {}, ['a'], { variable: 'comments' }, { variable: 'gibtsnicht' }, { variable: 'strategy_status', answers: 'fehlt' }, { A1: 'vorhanden' }];

/** The export with some cells (header included) replaced, then maybe some bytes flipped, inserted or deleted. */
const exportFile = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...NASTY)), { maxLength: 4 }),
    fc.array(fc.tuple(fc.constantFrom('flip', 'insert', 'delete'), fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
  )
  .map(([cells, edits]) => {
    const rows = EXPORT.split('\r\n').map((line) => line.split('","'));
    for (const [row, column, value] of cells) {
      const line = rows[row % rows.length]!;
      line[column % line.length] = value.replaceAll('"', '""');
    }
    const out = [...new TextEncoder().encode(rows.map((line) => line.join('","')).join('\r\n'))];
    for (const [kind, at, byte] of edits) {
      const i = at % out.length;
      if (kind === 'flip') out[i] = byte;
      else if (kind === 'insert') out.splice(i, 0, byte);
      else out.splice(i, 1);
    }
    return Uint8Array.from(out);
  });

/** The mapping with up to three fields (top level, a column entry, or inside one) replaced by junk. */
const mappingFile = fc
  .array(fc.tuple(fc.constantFrom('top', 'column', 'inner'), fc.nat(), fc.constantFrom(...JUNK)), { maxLength: 3 })
  .map((edits) => {
    const mapping = structuredClone(MAPPING);
    const columns = Object.keys(mapping.columns);
    for (const [where, at, junk] of edits) {
      const top = ['unitColumn', 'ignore', 'answerSets', 'columns', 'includeIncomplete', 'extra'];
      if (where === 'top') mapping[top[at % top.length]!] = junk;
      else if (typeof mapping.columns === 'object' && mapping.columns !== null && !Array.isArray(mapping.columns)) {
        const column = columns[at % columns.length]!;
        if (where === 'column') mapping.columns[column] = junk;
        else if (typeof mapping.columns[column] === 'object' && mapping.columns[column] !== null) mapping.columns[column].answers = junk;
      }
    }
    return new TextEncoder().encode(JSON.stringify(mapping));
  });

function assertGerman(text: string): void {
  assert.ok(text.trim().length > 0, 'leere Meldung');
  assert.doesNotMatch(text.replace(/„[^“]*“/g, '„…“'), /undefined|NaN|\[object /, text);
}

test(`LimeSurvey import: ${RUNS} damaged exports and mappings import completely or are refused in German, changing nothing`, async () => {
  let imported = 0;
  await fc.assert(
    fc.asyncProperty(exportFile, mappingFile, async (bytes, mapping) => {
      const before = JSON.stringify([await store.responsesForWave('w'), (await store.auditLog()).length]);
      try {
        const result = await importLimeSurveyResponses(store, { waveId: 'w', bytes, mapping, fileName: 'fuzz.csv', mappingName: 'fuzz.json', actor: 'fuzz' });
        imported += 1;
        assert.equal(result.rows, result.inserted + result.updated);
      } catch (error) {
        if (!(error instanceof DmError)) throw error;
        assert.ok(error.status >= 400 && error.status < 500, error.code);
        assertGerman(error.message);
        for (const issue of error.issues) assertGerman(formatIssueDe(issue));
        assert.equal(JSON.stringify([await store.responsesForWave('w'), (await store.auditLog()).length]), before, 'a refusal changes nothing');
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
  assert.ok(imported > 0, 'some generated inputs are valid');
});
