// Wave life cycle: create, open, close, reopen (interfaces.md `wave`).
import { dmError } from '../errors.js';
import type { Store, Wave, WaveStatus } from '../store/store.js';
import { berlinDayBoundary } from './berlin-day.js';
import { findInstrument } from './instrument-files.js';
import { publicationOf } from './publication.js';
import { requireWave } from './require-wave.js';

export { requireWave };

export interface WaveInput {
  readonly id: string;
  readonly title: string;
  readonly instrumentVersion: string;
  readonly opens?: string | undefined;
  readonly closes?: string | undefined;
}

const WAVE_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export async function createWave(store: Pick<Store, 'createWave' | 'instrumentVersion'>, input: WaveInput): Promise<Wave> {
  if (!WAVE_ID.test(input.id)) throw dmError('DM_WAVE_ID_INVALID', { wave: input.id });
  if (input.title.trim() === '') throw dmError('DM_USAGE', { detail: 'Titel (--title) darf nicht leer sein.' });
  if (!(await findInstrument(store, input.instrumentVersion))) {
    throw dmError('DM_INSTRUMENT_NOT_FOUND', { version: input.instrumentVersion });
  }
  const opensAt = parseDate(input.opens, 'opens', 'start');
  const closesAt = parseDate(input.closes, 'closes', 'end');
  if (opensAt && closesAt && opensAt >= closesAt) {
    throw dmError('DM_WAVE_PERIOD_INVALID', { detail: 'Das Ende (--closes) muss nach dem Beginn (--opens) liegen.' });
  }
  return store.createWave({ id: input.id, title: input.title.trim(), instrumentVersion: input.instrumentVersion, opensAt, closesAt });
}

export const WAVE_STATUS_DE: Readonly<Record<WaveStatus, string>> = { draft: 'Entwurf', open: 'offen', closed: 'geschlossen' };

/**
 * draft → open → closed → open (reopen); the store checks the transition inside its transaction. The first
 * close publishes the wave (publication.ts).
 */
export async function setWaveStatus(store: Pick<Store, 'setWaveStatus' | 'getWave' | 'instrumentVersion'>, id: string, target: WaveStatus, actor = 'system'): Promise<Wave> {
  const wave = await requireWave(store, id);
  return store.setWaveStatus(id, target, await publicationOf(store, wave, actor));
}


/** `YYYY-MM-DD` (a German calendar day) or a full ISO timestamp with offset → ISO string. */
function parseDate(value: string | undefined, flag: string, edge: 'start' | 'end'): string | null {
  if (value === undefined || value === '') return null;
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? berlinDayBoundary(value, edge)
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))
      ? new Date(value).toISOString()
      : null;
  if (instant === null) throw dmError('DM_WAVE_PERIOD_INVALID', { detail: `--${flag} „${value}“ ist kein gültiges Datum (JJJJ-MM-TT).` });
  return instant;
}
