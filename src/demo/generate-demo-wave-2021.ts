// The second synthetic wave `2021-demo` (issue 9 "Demo"): about 60 % of the 2019 demo units answer again,
// the rest are new pseudonymous units; every answer has moved on by two years (progress-answers.ts).
// Pure and deterministic: same register → same wave; the 2019 demo is not changed by it.
import { flatVariables } from '../instrument/flat-variables.js';
import type { FlatResponse } from '../instrument/model.js';
import { instrument2019 } from '../instrument/waves/instrument-2019.js';
import type { RegisterUnit } from '../register/unit.js';
import { generateDemoWave, type DemoWave } from './generate-demo-wave.js';
import { progressAnswers } from './progress-answers.js';
import { shuffled } from './random-draws.js';
import { randomStream } from './random-stream.js';

const SEED = 2021;
/** 2019 demo units that answer again (60 % of 412), and new units; 412 in all. */
export const PANEL_UNITS = 247;
export const NEW_UNITS = 165;
/** New units are numbered from here ("Musterstadt 501"), after every 2019 name. */
const NAME_OFFSET = 500;

export interface DemoWave2021 extends DemoWave {
  /** Only the units that are not in the 2019 demo (to be added to the register). */
  readonly newUnits: RegisterUnit[];
}

/**
 * @param demo2019 generateDemoWave(register) — the panel is drawn from it
 * @example
 * const wave2021 = generateDemoWave2021(register, generateDemoWave(register));
 */
export function generateDemoWave2021(register: readonly RegisterUnit[], demo2019: DemoWave): DemoWave2021 {
  const random = randomStream(SEED, 'panel');
  const panel = shuffled(random, demo2019.units.map((_, i) => i)).slice(0, PANEL_UNITS).sort((a, b) => a - b);
  const fresh = generateDemoWave(register, SEED);
  const newUnits = rekeyed(fresh.units.slice(0, NEW_UNITS), demo2019.units);
  const base: { unit: RegisterUnit; answers: FlatResponse }[] = [
    ...panel.map((i) => ({ unit: demo2019.units[i]!, answers: demo2019.responses[i]!.answers })),
    ...newUnits.map((unit, i) => ({ unit, answers: renamedContact(fresh.responses[i]!.answers, unit) })),
  ];
  const donors = base.map((entry) => entry.answers);
  const progress = randomStream(SEED, 'progress');
  return {
    units: base.map((entry) => entry.unit),
    responses: base.map((entry) => ({ ags: entry.unit.ags, answers: inQuestionnaireOrder(progressAnswers(entry.answers, donors, progress)) })),
    newUnits,
  };
}

/**
 * The fresh units' pseudo-Kreise get numbers no 2019 demo unit uses in their Land (counting down from 99),
 * and their names continue after the 2019 ones, so no key or name of the two demo waves collides.
 */
function rekeyed(units: readonly RegisterUnit[], taken: readonly RegisterUnit[]): RegisterUnit[] {
  const used = new Set(taken.map((unit) => unit.districtAgs));
  const mapping = new Map<string, string>();
  const keyFor = (district: string): string => {
    let key = mapping.get(district);
    if (key !== undefined) return key;
    let number = 99;
    while (used.has(`${district.slice(0, 3)}${String(number).padStart(2, '0')}`)) number -= 1;
    if (number < 1) throw new Error(`Keine freie Demo-Kreisnummer im Land ${district.slice(0, 2)}`);
    key = `${district.slice(0, 3)}${String(number).padStart(2, '0')}`;
    used.add(key);
    mapping.set(district, key);
    return key;
  };
  return units.map((unit) => {
    const district = keyFor(unit.districtAgs);
    return { ...unit, ags: `${district}${unit.ags.slice(5)}`, districtAgs: district, name: renumbered(unit.name), district: renumbered(unit.district) };
  });
}

function renumbered(name: string): string {
  return name.replace(/ (\d{3})$/, (_, number: string) => ` ${String(Number(number) + NAME_OFFSET).padStart(3, '0')}`);
}

function renamedContact(answers: FlatResponse, unit: RegisterUnit): FlatResponse {
  const email = answers['contact_email'];
  if (email === undefined || email === '') return answers;
  const [kind = 'musterstadt', number = '000'] = unit.name.toLowerCase().split(' ');
  return { ...answers, contact_email: `kontakt${number}@${kind}.example` };
}

function inQuestionnaireOrder(answers: FlatResponse): FlatResponse {
  const ordered: Record<string, string> = {};
  for (const { name } of flatVariables(instrument2019)) {
    const value = answers[name];
    if (value !== undefined && value !== '') ordered[name] = value;
  }
  return Object.freeze(ordered);
}
