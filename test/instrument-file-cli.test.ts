// Instrument versions as files through run(argv, io): the published schema accepts the 2019 export and
// the 2021 example; `instrument validate` rejects each broken fixture with its German message and JSON
// path; `import` stores nothing from a broken file and never overwrites a version; `diff` lists changes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';

const FIXTURES = new URL('./fixtures/instruments/', import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const schema: object = JSON.parse(readFileSync(new URL('../docs/instrument.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false }).compile(schema);

/** Per broken file: the JSON path and the German message of its first issue. */
const BROKEN: Readonly<Record<string, readonly [string, RegExp]>> = {
  '01-not-json': ['(Datei)', /kein gültiges JSON/],
  '02-not-an-object': ['(Datei)', /kein JSON-Objekt/],
  '03-missing-version': ['/version', /Pflichtfeld „version“ fehlt/],
  '04-empty-title': ['/title', /„title“ .* fehlt oder ist leer/],
  '05-no-sections': ['/sections', /mindestens einen Abschnitt/],
  '06-duplicate-section-id': ['/sections/2/id', /Abschnitts-ID „strategie“ kommt doppelt vor \(zuerst unter \/sections\/1\/id\)/],
  '07-duplicate-question-id': ['/sections/1/questions/2/id', /Frage-ID „strategy_fields“ kommt doppelt vor/],
  '08-invalid-question-id': ['/sections/8/questions/2/id', /Frage-ID „Anmerkungen__frei“ ist ungültig/],
  '09-unknown-question-type': ['/sections/8/questions/0/type', /Fragetyp „dropdown“ von „peer_exchange“ gibt es nicht/],
  '10-duplicate-option-id': ['/sections/0/questions/0/options/2/id', /„buergermeister“ kommt doppelt vor/],
  '11-single-without-options': ['/sections/3/questions/2/options', /„ki_einsatz“ braucht mindestens eine Option/],
  '12-showif-unknown-variable': ['/sections/1/questions/1/showIf/variable', /unbekannte Variable „strategy_state“/],
  '13-showif-unknown-value': ['/sections/1/questions/2/showIf/in/1', /nennt den Wert „ja“, den „strategy_status“ nicht hat/],
  '14-showif-later-question': ['/sections/1/questions/0/showIf/variable', /„peer_exchange“, das nicht vorher gefragt wird/],
  '15-itemshowif-unknown-grid': ['/sections/2/questions/1/itemShowIf/question', /verweist auf „komponenten“/],
  '16-multi-max-too-large': ['/sections/1/questions/1/max', /„max“ von „strategy_fields“ muss eine ganze Zahl von 1 bis 10/],
  '17-derived-unknown': ['/derived/19', /Abgeleitete Variable „digital_index“ gibt es nicht/],
  '18-derived-option-removed': ['/sections/2/questions/1/itemShowIf/in/0', /„im_einsatz“, den „components“ nicht hat/],
  '19-derived-question-removed': ['/derived/17', /„fiber_engaged“ braucht die Frage „fiber“, die in dieser Version fehlt/],
  '20-derived-item-removed': ['/sections/6/questions/0/items', /Item „civic_tech“ von „community_support“ wurde entfernt, aber die abgeleitete Variable „community_count“/],
  '21-comparability-unknown-previous': ['/comparability/previous', /Vorgängerversion „2017“ gibt es nicht/],
  '22-comparability-renamed-unknown-from': ['/comparability/questions/respondent_function/from', /Frage „role“ gibt es in Version 2019 nicht/],
  '23-comparability-merge-unknown-option': ['/comparability/questions/training/options/nicht_angeboten/1', /„vielleicht“ ist keine Option von „training“/],
  '24-comparability-same-but-options-differ': ['/comparability/questions/training/status', /„same“ für „training“, aber die Optionen unterscheiden sich/],
  '25-comparability-unknown-status': ['/comparability/questions/ki_einsatz/status', /„status“ muss eines von same, renamed/],
};

let cli: MemoryCli;
before(async () => {
  cli = await memoryCli();
  for (const name of readdirSync(new URL('broken/', FIXTURES))) cli.files.set(`broken/${name}`, bytes(`broken/${name}`));
  cli.files.set('valid-2021.json', bytes('valid-2021.json'));
});
after(() => cli.close());

test('the published schema accepts the 2019 export and the 2021 example', async () => {
  const exported = await cli.run('instrument', '--json');
  for (const doc of [JSON.parse(exported.stdout), JSON.parse(readFileSync(new URL('valid-2021.json', FIXTURES), 'utf8'))]) {
    assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 3)));
  }
});

test('instrument validate: every broken file fails with its German message and JSON path (at least 15)', async () => {
  const names = readdirSync(new URL('broken/', FIXTURES)).map((name) => name.replace(/\.json$/, '')).sort();
  assert.ok(names.length >= 15);
  assert.deepEqual(names, Object.keys(BROKEN).sort());
  for (const name of names) {
    const [path, message] = BROKEN[name]!;
    const result = await cli.run('instrument', 'validate', `broken/${name}.json`);
    assert.equal(result.code, 3, `${name}: ${result.stderr}`);
    const first = result.stderr.split('\n')[0]!;
    assert.ok(first.startsWith(`  ${path}: `), `${name}: ${first}`);
    assert.match(first, message, name);
    assert.match(result.stderr, /ist ungültig: \d+ Fehler\. Es wurde nichts gespeichert\./);
  }
});

test('instrument validate: the 2021 example and the 2019 export are valid', async () => {
  const result = await cli.run('instrument', 'validate', 'valid-2021.json');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Fragebogen-Version „2021“ ist gültig: 22 Fragen, 19 abgeleitete Variablen/);
  cli.files.set('2019.json', new TextEncoder().encode((await cli.run('instrument', '--json')).stdout));
  assert.equal((await cli.run('instrument', 'validate', '2019.json')).code, 0);
});

test('instrument import: nothing from a broken file; a new version once; published versions immutable', async () => {
  const broken = await cli.run('instrument', 'import', 'broken/18-derived-option-removed.json');
  assert.equal(broken.code, 3);
  assert.deepEqual(await cli.store.instrumentVersions(), []);
  const imported = await cli.run('instrument', 'import', 'valid-2021.json');
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /„2021“ importiert/);
  const again = await cli.run('instrument', 'import', 'valid-2021.json');
  assert.equal(again.code, 5);
  assert.match(again.stderr, /„2021“ gibt es bereits; veröffentlichte Versionen sind unveränderlich/);
  const builtIn = await cli.run('instrument', 'import', '2019.json');
  assert.equal(builtIn.code, 5);
  assert.deepEqual((await cli.store.instrumentVersions()).map((row) => row.version), ['2021']);
  const shown = JSON.parse((await cli.run('instrument', '--version', '2021', '--json')).stdout) as { version: string; comparability: unknown };
  assert.equal(shown.version, '2021');
  assert.ok(shown.comparability);
});

test('instrument diff: added, removed and changed questions and options', async () => {
  const result = await cli.run('instrument', 'diff', '2019', '2021');
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines[0], 'Fragebogen 2019 → 2021: 4 Fragen geändert, neu oder entfernt');
  assert.ok(lines.includes('- respondent_role (entfernt)'));
  assert.ok(lines.includes('+ respondent_function (neu)'));
  assert.ok(lines.includes('+ ki_einsatz (neu)'));
  assert.ok(lines.includes('~ training: Optionen neu: nicht_angeboten; Optionen entfernt: geplant, nein; Beschriftung geändert: angeboten'), lines.join('\n'));
  const json = JSON.parse((await cli.run('instrument', 'diff', '2019', '2021', '--json')).stdout) as { kind: string }[];
  assert.equal(json.length, 4);
  assert.equal((await cli.run('instrument', 'diff', '2019', '2030')).code, 4);
});
