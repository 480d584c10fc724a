// Response rate (issue 5, methods annex and Karte 1): respondents / units of the target population, by Land.
// Target population: the wave's target (`wave target`) when one is set; otherwise every real unit of the
// register (Städte, Gemeinden, Landkreise), as an empty target means. Demo waves have no target: their
// synthetic respondents stand in for register units of the same Land, type and size class, so the demo's
// rate is computed against the real register (the demo register itself would be 100 % by construction).
import type { WaveData } from '../analysis/wave-data.js';
import { MISSING } from '../analysis/wave-data.js';
import type { RegisterUnit } from '../register/unit.js';

export interface ResponseRates {
  readonly basis: 'target' | 'register';
  /** By German Land name: respondents and units of the target population. */
  readonly byState: Readonly<Record<string, { readonly respondents: number; readonly population: number }>>;
  readonly respondents: number;
  readonly population: number;
}

/** `population`: the target units (basis "target") or the real register units (basis "register"). */
export function responseRates(data: WaveData, population: readonly RegisterUnit[], basis: ResponseRates['basis']): ResponseRates {
  const byState: Record<string, { respondents: number; population: number }> = {};
  const entry = (state: string) => (byState[state] ??= { respondents: 0, population: 0 });
  for (const unit of population) entry(unit.state).population++;
  const inTarget = new Set(population.map((unit) => unit.ags));
  const states = data.groupings.find((grouping) => grouping.name === 'state');
  let respondents = 0;
  data.ags.forEach((ags, i) => {
    const code = states?.codes[i] ?? MISSING;
    if (code === MISSING || (basis === 'target' && !inTarget.has(ags))) return;
    entry(states!.values[code]!).respondents++;
    respondents++;
  });
  return { basis, byState, respondents, population: population.length };
}
