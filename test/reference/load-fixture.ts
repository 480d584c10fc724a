// Reads a reference fixture (make-fixtures.ts) into the shapes the analysis takes.
import { readFileSync } from 'node:fs';
import { MISSING, type CodedVariable, type WaveData } from '../../src/analysis/wave-data.js';
import type { TargetMargins } from '../../src/analysis/weighting/target-margins.js';

export interface Fixture {
  readonly data: WaveData;
  readonly target: TargetMargins;
  readonly sizeClass: CodedVariable;
  readonly state: CodedVariable;
}

const HERE = new URL('.', import.meta.url).pathname;

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

export function loadFixture(name: string): Fixture {
  const [header = [], ...respondents] = rows(`${HERE}${name}/respondents.csv`);
  const [, ...specs] = rows(`${HERE}${name}/variables.csv`);
  const [, ...register] = rows(`${HERE}${name}/register.csv`);
  const coded = (column: string, values: readonly string[]): CodedVariable => {
    const index = header.indexOf(column);
    const lookup = new Map(values.map((value, code) => [value, code]));
    return { name: column, values, codes: Uint8Array.from(respondents, (row) => lookup.get(row[index] ?? '') ?? MISSING) };
  };
  const variables = specs.filter(([, role]) => role === 'variable').map(([name = '', , values = '']) => coded(name, values.split('|')));
  const groupings = specs.filter(([, role]) => role === 'grouping').map(([name = '', , values = '']) => coded(name, values.split('|')));
  const sizeClass = groupings.find((g) => g.name === 'size_class')!;
  const state = groupings.find((g) => g.name === 'state')!;
  const sizeClasses = sizeClass.values.filter((value) => register.some(([k]) => k === value));
  const states = state.values.filter((value) => register.some(([, t]) => t === value));
  const units = new Float64Array(sizeClasses.length * states.length);
  for (const [k = '', t = '', count = '0'] of register) units[sizeClasses.indexOf(k) * states.length + states.indexOf(t)]! += Number(count);
  return {
    data: {
      waveId: name,
      n: respondents.length,
      ags: respondents.map((row) => row[0] ?? ''),
      variables,
      groupings,
      population: new Float64Array(respondents.length),
    },
    target: { sizeClasses, states, units, unitTypes: ['kreisangehoerige_gemeinde'] },
    sizeClass,
    state,
  };
}
