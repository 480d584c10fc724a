import { dmError } from '../errors.js';
import type { Store, Wave } from '../store/store.js';

/** The wave, or DM_WAVE_NOT_FOUND. */
export async function requireWave(store: Pick<Store, 'getWave'>, id: string): Promise<Wave> {
  const wave = await store.getWave(id);
  if (!wave) throw dmError('DM_WAVE_NOT_FOUND', { wave: id });
  return wave;
}
