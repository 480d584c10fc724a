import type { ResponseMonitor, Store, Wave } from '../store/store.js';

export interface WaveOverview {
  readonly wave: Wave;
  readonly monitor: ResponseMonitor;
}

/** Every wave with its responses by Bundesland and size class (the analyst's monitoring table). */
export async function waveOverview(store: Pick<Store, 'listWaves' | 'responseMonitor'>): Promise<WaveOverview[]> {
  const waves = await store.listWaves();
  return Promise.all(waves.map(async (wave) => ({ wave, monitor: await store.responseMonitor(wave.id) })));
}
