// A wave's submitted responses → the labelled ExportDataset (formats/export-dataset.ts). The codes come
// from the same WaveData as `analyze`, so every export counts exactly as the results document does;
// routing adds which missing values were "not asked" and which "not answered" (instrument.md).
import { buildWaveData } from '../analysis/build-wave-data.js';
import { MISSING, type CodedVariable, type WaveData } from '../analysis/wave-data.js';
import { dmError } from '../errors.js';
import {
  NOT_ANSWERED,
  NOT_ASKED,
  type ExportColumn,
  type ExportDataset,
  type ExportVariable,
  type ValueLabel,
} from '../formats/export-dataset.js';
import { flatVariables, type FlatVariable } from '../instrument/flat-variables.js';
import { instrumentIndex } from '../instrument/instrument-index.js';
import type { Instrument, Question } from '../instrument/model.js';
import { isItemAsked, isQuestionAsked } from '../instrument/routing.js';
import { SIZE_CLASS_LABELS } from '../register/size-class-labels.js';
import { STATES } from '../register/states.js';
import type { RegisterUnit } from '../register/unit.js';
import type { Store, StoredResponse, Wave } from '../store/store.js';
import { requireInstrument } from './instrument-files.js';
import { rakeToRegister, targetPopulation } from './rake-to-register.js';
import { requireWave } from './waves.js';
import { DERIVED_INPUTS_2019 } from '../instrument/derived-inputs-2019.js';

export type ExportDatasetStore = Pick<Store, 'getWave' | 'responsesForWave' | 'registerUnits' | 'instrumentVersion' | 'targetUnits'>;

export interface ExportDatasetInput {
  readonly waveId: string;
  /** Free text and e-mail (direct identifiers) included: the admins' internal export only. */
  readonly intern?: boolean;
  /** Adds the raking weight (statistics.md "Weighted") as variable `gewicht`. */
  readonly weighted?: boolean;
}

export interface LoadedExport {
  readonly wave: Wave;
  readonly instrument: Instrument;
  readonly data: WaveData;
  readonly responses: readonly StoredResponse[];
  readonly units: readonly RegisterUnit[];
}

const UNIT_TYPE_LABELS: Readonly<Record<string, string>> = {
  kreisfreie_stadt: 'Kreisfreie Stadt',
  kreisangehoerige_gemeinde: 'Kreisangehörige Gemeinde',
  landkreis: 'Landkreis',
};
const ORDINAL = new Set(['broadband_grade', 'egov_band', 'community_band']);
const COUNTS = new Set(['egov_count', 'community_count', 'data_use_count']);

/** Submitted responses with their register rows. Throws DM_WAVE_NOT_FOUND, DM_WAVE_NO_RESPONSES. */
export async function loadExport(store: ExportDatasetStore, waveId: string): Promise<LoadedExport> {
  const wave = await requireWave(store, waveId);
  const instrument = await requireInstrument(store, wave.instrumentVersion);
  const responses = (await store.responsesForWave(wave.id)).filter((response) => response.status === 'submitted');
  if (responses.length === 0) throw dmError('DM_WAVE_NO_RESPONSES', { wave: wave.id });
  const units = await store.registerUnits(responses.map((response) => response.ags));
  return { wave, instrument, data: buildWaveData(instrument, wave.id, units, responses), responses, units };
}

export async function buildExportDataset(store: ExportDatasetStore, input: ExportDatasetInput): Promise<ExportDataset> {
  const loaded = await loadExport(store, input.waveId);
  const weights = input.weighted ? await rakedWeights(store, loaded.wave, loaded.data) : undefined;
  return exportDataset(loaded, { intern: input.intern === true, weights });
}

async function rakedWeights(store: ExportDatasetStore, wave: Wave, data: WaveData): Promise<Float64Array> {
  return rakeToRegister(data, await store.registerUnits(), await targetPopulation(store, wave)).weights;
}

/** The dataset of a loaded wave: key, register groupings, flat variables, derived variables, weight. */
export function exportDataset(loaded: LoadedExport, options: { readonly intern: boolean; readonly weights?: Float64Array | undefined }): ExportDataset {
  const { wave, instrument, data, responses } = loaded;
  const coded = new Map<string, CodedVariable>([...data.groupings, ...data.variables].map((variable) => [variable.name, variable]));
  const variables: ExportVariable[] = [];
  const columns: ExportColumn[] = [];
  const add = (variable: ExportVariable, column: ExportColumn): void => void (variables.push(variable), columns.push(column));
  add(
    { name: 'ags', label: 'Amtlicher Gemeindeschlüssel', source: 'key', type: 'register', measure: 'nominal' },
    { kind: 'text', values: data.ags, missing: new Int8Array(data.n) },
  );
  for (const variable of registerVariables()) add(variable, codedColumn(variable, coded.get(variable.name)!, () => NOT_ANSWERED));
  const index = instrumentIndex(instrument);
  for (const flat of flatVariables(instrument)) {
    const question = index.questionById.get(flat.questionId)!;
    const identifying = flat.kind === 'text' || flat.kind === 'email';
    if (identifying && !options.intern) continue;
    const variable = flatExportVariable(flat, question);
    const missingKind = missingKindOf(instrument, question, flat, responses);
    const source = coded.get(flat.name);
    if (source) add(variable, codedColumn(variable, source, missingKind));
    else add(variable, rawColumn(flat, responses, missingKind));
  }
  for (const derived of instrument.derived) {
    const variable = derivedExportVariable(derived.id, derived.label, derived.definition, coded.get(derived.id)!.values);
    add(variable, codedColumn(variable, coded.get(derived.id)!, derivedMissingKind(instrument, DERIVED_INPUTS_2019[derived.id] ?? [], responses)));
  }
  if (options.weights) {
    add(
      { name: 'gewicht', label: 'Gewicht (Raking auf Größenklasse und Land, statistics.md)', source: 'weight', type: 'weight', measure: 'scale' },
      { kind: 'numeric', values: options.weights },
    );
  }
  return { waveId: wave.id, title: wave.title, demo: wave.demo, n: data.n, weighted: options.weights !== undefined, variables, columns };
}

function registerVariables(): ExportVariable[] {
  const labelled = (values: readonly string[], label: (value: string) => string): ValueLabel[] =>
    values.map((value, i) => ({ code: i + 1, value, label: label(value) }));
  return [
    { name: 'state', label: 'Bundesland', source: 'register', type: 'register', measure: 'nominal', values: labelled(STATES.map((s) => s.name), (v) => v) },
    {
      name: 'size_class',
      label: 'KGSt-Größenklasse',
      source: 'register',
      type: 'register',
      measure: 'nominal',
      values: labelled(Object.keys(SIZE_CLASS_LABELS), (v) => SIZE_CLASS_LABELS[v as keyof typeof SIZE_CLASS_LABELS]),
    },
    {
      name: 'unit_type',
      label: 'Art der Kommune',
      source: 'register',
      type: 'register',
      measure: 'nominal',
      values: labelled(Object.keys(UNIT_TYPE_LABELS), (v) => UNIT_TYPE_LABELS[v]!),
    },
  ];
}

function flatExportVariable(flat: FlatVariable, question: Question): ExportVariable {
  const showIf = showIfText(question);
  const base = { name: flat.name, label: flat.label, source: 'question' as const, type: question.type, ...(showIf ? { showIf } : {}) };
  switch (flat.kind) {
    case 'choice': {
      const options = new Map(('options' in question ? question.options : []).map((option) => [option.id, option.label]));
      const values = (flat.values ?? []).map((value, i) => ({ code: i + 1, value, label: options.get(value) ?? value }));
      return { ...base, measure: ORDINAL.has(flat.name) ? 'ordinal' : 'nominal', values };
    }
    case 'flag':
      return { ...base, measure: 'nominal', values: [{ code: 0, value: '0', label: 'nicht gewählt' }, { code: 1, value: '1', label: 'gewählt' }] };
    case 'number':
      return { ...base, measure: 'scale' };
    case 'text':
    case 'email':
      return { ...base, measure: 'nominal', identifying: true };
  }
}

function derivedExportVariable(name: string, label: string, definition: string, domain: readonly string[]): ExportVariable {
  const base = { name, label, definition, source: 'derived' as const, type: 'derived' };
  if (domain.length === 2 && domain.includes('true')) {
    return { ...base, measure: 'nominal', values: [{ code: 0, value: 'false', label: 'nein' }, { code: 1, value: 'true', label: 'ja' }] };
  }
  if (COUNTS.has(name)) return { ...base, measure: 'scale', values: domain.map((value) => ({ code: Number(value), value, label: value })) };
  return { ...base, measure: ORDINAL.has(name) ? 'ordinal' : 'nominal', values: domain.map((value, i) => ({ code: i + 1, value, label: value })) };
}

/** Per row: NOT_ASKED when the show-if condition (of the question or its grid item) fails, else NOT_ANSWERED. */
function missingKindOf(instrument: Instrument, question: Question, flat: FlatVariable, responses: readonly StoredResponse[]): (row: number) => number {
  const itemRouted = 'itemShowIf' in question && question.itemShowIf !== undefined && flat.itemId !== undefined;
  if (question.showIf === undefined && !itemRouted) return () => NOT_ANSWERED;
  return (row) => {
    const answers = responses[row]!.answers;
    const asked = itemRouted ? isItemAsked(instrument, question, flat.itemId!, answers) : isQuestionAsked(instrument, question, answers);
    return asked ? NOT_ANSWERED : NOT_ASKED;
  };
}

/**
 * A derived variable is "nicht gefragt" (-1) where one of its source questions was routed away by an answered
 * filter (fim_helpful__* when fim_known = nein), else "nicht bestimmbar" (-2): a source answer is missing.
 */
function derivedMissingKind(instrument: Instrument, sources: readonly string[], responses: readonly StoredResponse[]): (row: number) => number {
  const index = instrumentIndex(instrument);
  const filtered = sources.flatMap((id) => {
    const question = index.questionById.get(id);
    return question?.showIf ? [question] : [];
  });
  if (filtered.length === 0) return () => NOT_ANSWERED;
  return (row) => {
    const answers = responses[row]!.answers;
    const routedAway = filtered.some((question) => answers[question.showIf!.variable] !== undefined && !isQuestionAsked(instrument, question, answers));
    return routedAway ? NOT_ASKED : NOT_ANSWERED;
  };
}

function showIfText(question: Question): string | undefined {
  if (question.showIf) return `nur wenn ${question.showIf.variable} ∈ {${question.showIf.in.join(', ')}}`;
  if ('itemShowIf' in question && question.itemShowIf) {
    return `je Punkt nur wenn ${question.itemShowIf.question}__<Punkt> ∈ {${question.itemShowIf.in.join(', ')}}`;
  }
  return undefined;
}

/** Codes of a WaveData variable mapped to the export's codes; MISSING becomes the row's missing kind. */
function codedColumn(variable: ExportVariable, source: CodedVariable, missingKind: (row: number) => number): ExportColumn {
  const codeOf = new Map((variable.values ?? []).map((label) => [label.value, label.code]));
  const byCode = Int16Array.from(source.values, (value) => codeOf.get(value) ?? NOT_ANSWERED);
  const values = new Int16Array(source.codes.length);
  for (let i = 0; i < values.length; i++) {
    const code = source.codes[i]!;
    values[i] = code === MISSING ? missingKind(i) : byCode[code]!;
  }
  return { kind: 'numeric', values };
}

function rawColumn(flat: FlatVariable, responses: readonly StoredResponse[], missingKind: (row: number) => number): ExportColumn {
  if (flat.kind === 'number') {
    return {
      kind: 'numeric',
      values: Float64Array.from(responses, (response, i) => {
        const value = response.answers[flat.name];
        return value === undefined || value === '' ? missingKind(i) : Number(value);
      }),
    };
  }
  const missing = new Int8Array(responses.length);
  const values = responses.map((response, i) => {
    const value = response.answers[flat.name] ?? '';
    if (value === '' || missingKind(i) === NOT_ASKED) missing[i] = missingKind(i);
    return missing[i] === 0 ? value : '';
  });
  return { kind: 'text', values, missing };
}
