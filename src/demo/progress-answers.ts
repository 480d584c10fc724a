// Two years of plausible progress for one demo response (issue 9 "Demo"): strategies, components,
// training, fibre and data instruments move up a step with fixed chances. Questions that a step newly
// asks (strategy details, the operator of a component now in use, FIM ratings) take the answers of a
// donor from the same wave that answered them, so every response stays valid under the instrument.
import type { FlatResponse } from '../instrument/model.js';
import { chance } from './random-draws.js';
import type { Random } from './random-stream.js';

/** Per question (or grid) prefix: value → [next value, chance]. */
const STEPS: readonly (readonly [RegExp, Readonly<Record<string, readonly [string, number]>>])[] = [
  [/^strategy_status$/, { in_entwicklung: ['vorhanden', 0.22], geplant: ['in_entwicklung', 0.3], kein_thema: ['geplant', 0.2] }],
  [/^components__/, { geplant: ['im_einsatz', 0.4], nein: ['geplant', 0.15] }],
  [/^fim_known$/, { nein: ['ja', 0.25] }],
  [/^training__/, { geplant: ['angeboten', 0.4], nein: ['geplant', 0.1] }],
  [/^fiber__[a-z_]+$/, { geplant: ['ja', 0.3] }],
  [/^data_instruments__/, { gar_nicht: ['gering', 0.15], gering: ['hoch', 0.15] }],
];

const STRATEGY_ASKED = new Set(['vorhanden', 'in_entwicklung']);
const STRATEGY_DETAILS = /^strategy_(fields|goals|links|ozg)/;

export function progressAnswers(answers: FlatResponse, donors: readonly FlatResponse[], random: Random): FlatResponse {
  const next: Record<string, string | undefined> = { ...answers };
  for (const [name, value] of Object.entries(answers)) {
    const rule = STEPS.find(([pattern]) => pattern.test(name));
    const step = value === undefined ? undefined : rule?.[1][value];
    if (step && chance(random, step[1])) next[name] = step[0];
  }
  if (!STRATEGY_ASKED.has(answers['strategy_status'] ?? '') && STRATEGY_ASKED.has(next['strategy_status'] ?? '')) {
    copyFrom(next, donor(donors, random, (d) => STRATEGY_ASKED.has(d['strategy_status'] ?? '')), (name) => STRATEGY_DETAILS.test(name));
  }
  for (const name of Object.keys(answers).filter((n) => n.startsWith('components__'))) {
    if (answers[name] === 'im_einsatz' || next[name] !== 'im_einsatz') continue;
    const item = name.slice('components__'.length);
    copyFrom(next, donor(donors, random, (d) => d[name] === 'im_einsatz'), (n) => n.startsWith(`operator__${item}__`));
  }
  if (answers['fim_known'] !== 'ja' && next['fim_known'] === 'ja') {
    copyFrom(next, donor(donors, random, (d) => d['fim_known'] === 'ja'), (n) => n.startsWith('fim_helpfulness__'));
  }
  return Object.freeze(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined && value !== '')));
}

function donor(donors: readonly FlatResponse[], random: Random, fits: (donor: FlatResponse) => boolean): FlatResponse {
  const start = Math.floor(random() * donors.length);
  for (let k = 0; k < donors.length; k++) {
    const candidate = donors[(start + k) % donors.length]!;
    if (fits(candidate)) return candidate;
  }
  throw new Error('progressAnswers: kein Spender für neu gestellte Fragen');
}

function copyFrom(target: Record<string, string | undefined>, source: FlatResponse, columns: (name: string) => boolean): void {
  for (const name of Object.keys(target)) if (columns(name)) delete target[name];
  for (const [name, value] of Object.entries(source)) if (columns(name)) target[name] = value;
}
