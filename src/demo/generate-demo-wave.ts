// The synthetic demo wave (PRODUCT.md "Demo data"): 412 pseudonymous respondents whose answers make
// every statement of published-figures.json hold. Pure and deterministic: same register + seed → same wave.
import { flatVariables } from '../instrument/flat-variables.js';
import type { FlatResponse } from '../instrument/model.js';
import { instrument2019 } from '../instrument/waves/instrument-2019.js';
import type { RegisterUnit } from '../register/unit.js';
import type { Answers } from './answers/answers.js';
import { closingAnswers } from './answers/closing-answers.js';
import { communityAnswers } from './answers/community-answers.js';
import { dataAnswers } from './answers/data-answers.js';
import { egovAnswers } from './answers/egov-answers.js';
import { infrastructureAnswers } from './answers/infrastructure-answers.js';
import { responsibilityAnswers } from './answers/responsibility-answers.js';
import { strategyAnswers } from './answers/strategy-answers.js';
import { trainingAnswers } from './answers/training-answers.js';
import { drawProfiles } from './draw-profiles.js';
import { planNonresponse } from './plan-nonresponse.js';
import { pseudonymizeUnits } from './pseudonymize-units.js';
import { randomStream } from './random-stream.js';
import { sampleTemplates } from './sample-templates.js';

export interface DemoWave {
  /** Pseudonymous units (`synthetic: true`), one per response, in the same order. */
  readonly units: RegisterUnit[];
  readonly responses: { ags: string; answers: FlatResponse }[];
}

/**
 * @example
 * const { units, responses } = generateDemoWave(register.units); // 412 of each, seed 2019
 */
export function generateDemoWave(register: readonly RegisterUnit[], seed = 2019): DemoWave {
  const templates = sampleTemplates(register, randomStream(seed, 'sample'));
  const units = pseudonymizeUnits(templates, randomStream(seed, 'pseudonyms'));
  assertNoRealKeys(units, register);
  const profiles = drawProfiles(units, seed);
  const plan = planNonresponse(profiles, seed);
  const responsibility = responsibilityAnswers(profiles, seed);
  const sections = [
    strategyAnswers(profiles, plan, seed),
    egovAnswers(profiles, plan, seed),
    dataAnswers(profiles, plan, seed),
    responsibility,
    trainingAnswers(profiles, plan, seed),
    communityAnswers(profiles, seed),
    infrastructureAnswers(profiles, plan, seed),
    closingAnswers(profiles, responsibility, plan, seed),
  ];
  const responses = units.map((unit, id) => ({
    ags: unit.ags,
    answers: inQuestionnaireOrder(Object.assign({}, ...sections.map((section) => section[id]))),
  }));
  return { units, responses };
}

function assertNoRealKeys(units: readonly RegisterUnit[], register: readonly RegisterUnit[]): void {
  const real = new Set(register.map((unit) => unit.ags));
  const clash = units.find((unit) => real.has(unit.ags));
  if (clash) throw new Error(`Demo-AGS ${clash.ags} gehört zu einer echten Gemeinde`);
}

/**
 * Every flat variable of the instrument must be decided (a generator gap fails here, not in a figure);
 * empty cells are then left out, the same normal form as parseResponsesCsv gives, so that the demo
 * round-trips through CSV import and export unchanged.
 */
function inQuestionnaireOrder(answers: Answers): FlatResponse {
  const variables = flatVariables(instrument2019);
  const known = new Set(variables.map((variable) => variable.name));
  const extra = Object.keys(answers).find((name) => !known.has(name));
  if (extra) throw new Error(`Demo-Antwort mit unbekannter Variable ${extra}`);
  const filled: Record<string, string> = {};
  for (const { name } of variables) {
    const value = answers[name];
    if (value === undefined) throw new Error(`Demo-Antwort ohne Variable ${name}`);
    if (value !== '') filled[name] = value;
  }
  return Object.freeze(filled);
}
