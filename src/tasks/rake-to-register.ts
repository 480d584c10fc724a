// statistics.md "Weighted" for the tasks: a wave raked to its target population in the register, or
// DM_WEIGHTING_IMPOSSIBLE with the reason in German (never a RangeError reaching the user).
import type { WaveData } from '../analysis/wave-data.js';
import { rakeWave } from '../analysis/weighting/rake-wave.js';
import type { RakingResult } from '../analysis/weighting/rake-weights.js';
import { dmError } from '../errors.js';
import type { RegisterUnit } from '../register/unit.js';
import type { Store, Wave } from '../store/store.js';

/** The units a wave is raked to: its own target population where one is set, else undefined (the register). */
export async function targetPopulation(store: Pick<Store, 'targetUnits'>, wave: Pick<Wave, 'id' | 'target'>): Promise<RegisterUnit[] | undefined> {
  return wave.target ? store.targetUnits(wave.id) : undefined;
}

/**
 * @param register every unit of the register
 * @param population the wave's target population (targetPopulation), default the register
 */
export function rakeToRegister(data: WaveData, register: readonly RegisterUnit[], population: readonly RegisterUnit[] = register): RakingResult {
  const known = new Set(register.map((unit) => unit.ags));
  const missing = data.ags.find((ags) => !known.has(ags));
  if (missing !== undefined) {
    throw dmError('DM_WEIGHTING_IMPOSSIBLE', { detail: `AGS ${missing} einer Antwort der Welle „${data.waveId}“ fehlt im Gemeindeverzeichnis.` });
  }
  try {
    return rakeWave(data, register, population);
  } catch (error) {
    if (error instanceof RangeError) throw dmError('DM_WEIGHTING_IMPOSSIBLE', { detail: `Welle „${data.waveId}“: ${error.message}.` });
    throw error;
  }
}
