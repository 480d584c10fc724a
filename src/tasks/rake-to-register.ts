// statistics.md "Weighted" for the tasks: a wave raked to its target population in the register, or
// DM_WEIGHTING_IMPOSSIBLE with the reason in German (never a RangeError reaching the user).
import type { WaveData } from '../analysis/wave-data.js';
import { rakeWave } from '../analysis/weighting/rake-wave.js';
import type { RakingResult } from '../analysis/weighting/rake-weights.js';
import { dmError } from '../errors.js';
import type { RegisterUnit } from '../register/unit.js';

/** @param register every unit of the register */
export function rakeToRegister(data: WaveData, register: readonly RegisterUnit[]): RakingResult {
  const known = new Set(register.map((unit) => unit.ags));
  const missing = data.ags.find((ags) => !known.has(ags));
  if (missing !== undefined) {
    throw dmError('DM_WEIGHTING_IMPOSSIBLE', { detail: `AGS ${missing} einer Antwort der Welle „${data.waveId}“ fehlt im Gemeindeverzeichnis.` });
  }
  try {
    return rakeWave(data, register);
  } catch (error) {
    if (error instanceof RangeError) throw dmError('DM_WEIGHTING_IMPOSSIBLE', { detail: `Welle „${data.waveId}“: ${error.message}.` });
    throw error;
  }
}
