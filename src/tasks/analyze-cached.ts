// `analyze` behind a small cache per store: the results document of (wave, weighted, by) is reused while
// the store's analysisStamp for the wave is unchanged (same submitted responses, same register). Concurrent
// equal requests share one computation. Callers must not mutate the returned document.
import type { Store } from '../store/store.js';
import { analyze, type AnalyzeInput, type ResultsDocument, type WeightedTablesRunner } from './analyze.js';
import type { WaveDataStore } from './load-wave-data.js';

/** Documents kept per store (least recently used dropped first); the demo wave's is about 2 MB as JSON. */
const MAX_ENTRIES = 8;

interface Entry {
  readonly stamp: string;
  readonly result: Promise<ResultsDocument>;
}

const caches = new WeakMap<object, Map<string, Entry>>();

export async function analyzeCached(
  store: WaveDataStore & Pick<Store, 'analysisStamp'>,
  input: AnalyzeInput,
  runner?: WeightedTablesRunner,
): Promise<ResultsDocument> {
  const cache = caches.get(store) ?? caches.set(store, new Map()).get(store)!;
  const key = JSON.stringify([input.waveId, input.weighted === true, [...(input.by ?? [])]]);
  const stamp = await store.analysisStamp(input.waveId);
  const hit = cache.get(key);
  if (hit?.stamp === stamp) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.result;
  }
  const result = analyze(store, input, runner);
  cache.set(key, { stamp, result });
  // Errors (unknown wave, no responses, bad `by`) are not kept.
  result.catch(() => cache.get(key)?.result === result && cache.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return result;
}
