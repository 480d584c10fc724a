import type { ResponseMonitor, Store, Wave } from '../store/store.js';

export interface WaveOverview {
  readonly wave: Wave;
  readonly monitor: ResponseMonitor;
}

/**
 * Every wave with its responses by Bundesland and size class (the public start page): a published closed
 * wave with those of its publication, as its report, so that a late import shows nowhere in public.
 */
export async function waveOverview(store: Pick<Store, 'listWaves' | 'responseMonitor'>): Promise<WaveOverview[]> {
  const waves = await store.listWaves();
  const published = (wave: Wave) => wave.status === 'closed' && wave.publishedAt !== null;
  return Promise.all(waves.map(async (wave) => ({ wave, monitor: await store.responseMonitor(wave.id, { published: published(wave) }) })));
}
