import type { TrendDocument } from '../analysis/trend/trend-document.js';
import { DmError, type ErrorCode } from '../errors.js';
import type { Store, Wave } from '../store/store.js';
import { analyzeTrendOfWaves, type TrendStore } from './analyze-trend.js';

/** Reasons to try the next earlier wave instead. */
const NOT_COMPARABLE: readonly ErrorCode[] = ['DM_WAVE_NO_RESPONSES', 'DM_TREND_NO_MAPPING', 'DM_INSTRUMENT_NOT_FOUND'];

/**
 * The trend from the latest earlier closed wave that can be compared with `wave` (same demo flag, started
 * before it, with responses and a declared mapping) to `wave`; undefined when there is none. For the
 * report chapter "Entwicklung seit <Welle>" (issue 9) and the explorer's (weighted or not); `published`: from
 * the waves' publications, for the public.
 */
export async function trendSincePrevious(
  store: TrendStore & Pick<Store, 'listWaves'>,
  wave: Wave,
  options: { readonly weighted?: boolean; readonly published?: boolean } = {},
): Promise<TrendDocument | undefined> {
  const start = (w: Wave) => w.opensAt ?? w.createdAt;
  const earlier = (await store.listWaves())
    .filter((w) => w.id !== wave.id && w.status === 'closed' && w.demo === wave.demo && start(w) < start(wave))
    .sort((a, b) => start(b).localeCompare(start(a)));
  for (const candidate of earlier) {
    try {
      return await analyzeTrendOfWaves(store, { waveIds: [candidate.id, wave.id], weighted: options.weighted === true, published: options.published === true });
    } catch (error) {
      if (!(error instanceof DmError && NOT_COMPARABLE.includes(error.code))) throw error;
    }
  }
  return undefined;
}
