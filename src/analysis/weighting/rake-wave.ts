// statistics.md "Weighted": the raking of a wave's respondents to its target population in the register.
import type { RegisterUnit } from '../../register/unit.js';
import type { WaveData } from '../wave-data.js';
import { rakeWeights, type RakingResult } from './rake-weights.js';
import { targetMargins } from './target-margins.js';

/**
 * @param register every unit of the register (the respondents' rows among them)
 * @param population the units to rake to: the wave's own target population where one is defined, else the
 *   register (statistics.md "Target population"); respondents outside it still count as their own units
 * @throws RangeError when a respondent has no register row or the groupings size_class / state are absent
 */
export function rakeWave(data: WaveData, register: readonly RegisterUnit[], population: readonly RegisterUnit[] = register): RakingResult {
  const byAgs = new Map(register.map((unit) => [unit.ags, unit]));
  const seen = new Set<string>();
  const respondents: RegisterUnit[] = [];
  for (const ags of data.ags) {
    if (seen.has(ags)) continue;
    seen.add(ags);
    const unit = byAgs.get(ags);
    if (!unit) throw new RangeError(`AGS ${ags} fehlt im Gemeindeverzeichnis: ohne Register keine Gewichtung`);
    respondents.push(unit);
  }
  const grouping = (name: string) => {
    const found = data.groupings.find((candidate) => candidate.name === name);
    if (!found) throw new RangeError(`Gruppierung „${name}“ fehlt: ohne sie keine Gewichtung`);
    return found;
  };
  return rakeWeights({ sizeClass: grouping('size_class'), state: grouping('state'), target: targetMargins(population, respondents) });
}
