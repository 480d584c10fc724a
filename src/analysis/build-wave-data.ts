// Responses and register rows → the column-wise WaveData of statistics.md "Tables, groupings, cells" and
// "Missing values": not asked, not answered and incomplete multi questions are all MISSING.
import { deriveVariables } from '../instrument/derive-variables.js';
import type { FlatResponse, Instrument } from '../instrument/model.js';
import { isItemAsked, isQuestionAsked } from '../instrument/routing.js';
import { STATES } from '../register/states.js';
import { SIZE_CLASSES, UNIT_TYPES, type RegisterUnit } from '../register/unit.js';
import { GROUPING_NAMES, tableVariables, type FlatTableVariable, type TableVariable } from './table-variables.js';
import { codeColumn, MISSING, type CodedVariable, type WaveData } from './wave-data.js';

export interface WaveResponse {
  readonly ags: string;
  readonly answers: FlatResponse;
}

const STATE_NAMES: readonly string[] = STATES.map((state) => state.name);

/**
 * @param units the respondents' register rows (any order; matched by AGS)
 * @param extraBy further groupings (`--by`), each a table variable name; the default ones are skipped
 * @throws RangeError when an `extraBy` name is no table variable (callers check first, see tableVariables)
 */
export function buildWaveData(
  instrument: Instrument,
  waveId: string,
  units: readonly RegisterUnit[],
  responses: readonly WaveResponse[],
  extraBy: readonly string[] = [],
): WaveData {
  const variables = codeVariables(instrument, responses);
  const byAgs = new Map(units.map((unit) => [unit.ags, unit]));
  const respondentUnits = responses.map((response) => byAgs.get(response.ags));
  const groupings = [...defaultGroupings(variables, respondentUnits), ...extraGroupings(variables, extraBy)];
  return {
    waveId,
    n: responses.length,
    ags: responses.map((response) => response.ags),
    variables,
    groupings,
    population: Float64Array.from(respondentUnits, (unit) => unit?.population ?? 0),
  };
}

/** How to read each flat table variable; one per column, in the order of tableVariables. */
interface FlatPlan {
  readonly names: readonly string[];
  readonly lookups: readonly ReadonlyMap<string, number>[];
  readonly codes: readonly Uint8Array[];
  /** Per column: its completeness check (indices of columns that must all be filled), or -1. */
  readonly complete: Int32Array;
  readonly completeChecks: readonly Int32Array[];
  /** Per column: its routing check, or -1 (always asked). */
  readonly asked: Int32Array;
  readonly routingChecks: readonly ((flat: FlatResponse) => boolean)[];
}

function codeVariables(instrument: Instrument, responses: readonly WaveResponse[]): CodedVariable[] {
  const specs = tableVariables(instrument);
  const coded = specs.map((spec) => ({ name: spec.name, values: spec.values, codes: codeColumn(responses.length) }));
  const plan = flatPlan(instrument, specs, coded);
  const derived = specs.flatMap((spec, index) =>
    spec.source === 'derived' ? [{ name: spec.name, lookup: lookupOf(spec.values), codes: coded[index]!.codes }] : [],
  );
  const raw = new Array<string | undefined>(plan.names.length);
  const complete = new Uint8Array(plan.completeChecks.length);
  const asked = new Uint8Array(plan.routingChecks.length);
  for (let i = 0; i < responses.length; i++) {
    const answers = responses[i]!.answers;
    for (let j = 0; j < raw.length; j++) raw[j] = answers[plan.names[j]!];
    for (let c = 0; c < complete.length; c++) complete[c] = plan.completeChecks[c]!.every((j) => isFilled(raw[j])) ? 1 : 0;
    for (let c = 0; c < asked.length; c++) asked[c] = plan.routingChecks[c]!(answers) ? 1 : 0;
    for (let j = 0; j < raw.length; j++) {
      const value = raw[j];
      if (!isFilled(value)) continue;
      const [check, route] = [plan.complete[j]!, plan.asked[j]!];
      if ((check >= 0 && complete[check] === 0) || (route >= 0 && asked[route] === 0)) continue;
      const code = plan.lookups[j]!.get(value);
      if (code !== undefined) plan.codes[j]![i] = code;
    }
    const values: Readonly<Record<string, string | null>> = deriveVariables(answers);
    for (const { name, lookup, codes } of derived) {
      const value = values[name];
      if (value === null || value === undefined) continue;
      const code = lookup.get(value);
      if (code === undefined) throw new Error(`Abgeleiteter Wert „${value}“ von ${name} liegt nicht im Wertebereich`);
      codes[i] = code;
    }
  }
  return coded;
}

function flatPlan(instrument: Instrument, specs: readonly TableVariable[], coded: readonly CodedVariable[]): FlatPlan {
  const flat = specs.flatMap((spec, index) => (spec.source === 'flat' ? [{ spec, codes: coded[index]!.codes }] : []));
  const column = new Map(flat.map(({ spec }, j) => [spec.name, j]));
  const completeness = new Map<string, Int32Array>();
  const routing = new Map<string, (answers: FlatResponse) => boolean>();
  return {
    names: flat.map(({ spec }) => spec.name),
    lookups: flat.map(({ spec }) => lookupOf(spec.values)),
    codes: flat.map(({ codes }) => codes),
    complete: Int32Array.from(flat, ({ spec }) =>
      checkIndex(completeness, spec.completeWith.join(','), () => Int32Array.from(spec.completeWith, (name) => column.get(name)!)),
    ),
    completeChecks: [...completeness.values()],
    asked: Int32Array.from(flat, ({ spec }) => routingIndex(instrument, routing, spec)),
    routingChecks: [...routing.values()],
  };
}

function lookupOf(values: readonly string[]): ReadonlyMap<string, number> {
  return new Map(values.map((value, code) => [value, code]));
}

function checkIndex<T>(checks: Map<string, T>, key: string, make: () => T): number {
  if (key === '') return -1;
  if (!checks.has(key)) checks.set(key, make());
  return [...checks.keys()].indexOf(key);
}

/** Questions sharing a show-if condition share one check; grid items with their own condition get one each. */
function routingIndex(instrument: Instrument, checks: Map<string, (flat: FlatResponse) => boolean>, spec: FlatTableVariable): number {
  const { question, itemId } = spec;
  if ('itemShowIf' in question && question.itemShowIf !== undefined && itemId !== undefined) {
    return checkIndex(checks, `${question.id}__${itemId}`, () => (flat: FlatResponse) => isItemAsked(instrument, question, itemId, flat));
  }
  if (question.showIf === undefined) return -1;
  const key = `${question.showIf.variable} in ${question.showIf.in.join('|')}`;
  return checkIndex(checks, key, () => (flat: FlatResponse) => isQuestionAsked(instrument, question, flat));
}

function defaultGroupings(variables: readonly CodedVariable[], units: readonly (RegisterUnit | undefined)[]): CodedVariable[] {
  // A version without the derivation of a comparison group (e.g. no community_support) has no such grouping.
  const derived = GROUPING_NAMES.slice(0, 3).flatMap((name) => variables.filter((variable) => variable.name === name));
  return [
    ...derived,
    registerGrouping('size_class', SIZE_CLASSES, units, (unit) => unit.sizeClass),
    registerGrouping('state', STATE_NAMES, units, (unit) => unit.state),
    registerGrouping('unit_type', UNIT_TYPES, units, (unit) => unit.unitType),
  ];
}

function registerGrouping(
  name: string,
  values: readonly string[],
  units: readonly (RegisterUnit | undefined)[],
  valueOf: (unit: RegisterUnit) => string,
): CodedVariable {
  const lookup = new Map(values.map((value, code) => [value, code]));
  const codes = codeColumn(units.length);
  units.forEach((unit, i) => unit !== undefined && (codes[i] = lookup.get(valueOf(unit)) ?? MISSING));
  return { name, values, codes };
}

function extraGroupings(variables: readonly CodedVariable[], names: readonly string[]): CodedVariable[] {
  const wanted = [...new Set(names)].filter((name) => !(GROUPING_NAMES as readonly string[]).includes(name));
  return wanted.map((name) => variableNamed(variables, name));
}

function variableNamed(variables: readonly CodedVariable[], name: string): CodedVariable {
  const variable = variables.find((candidate) => candidate.name === name);
  if (!variable) throw new RangeError(`Keine Tabellenvariable „${name}“`);
  return variable;
}

function isFilled(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
