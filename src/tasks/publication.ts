// What the public sees of a wave (docs/disclosure.md, "Veröffentlichungsstand"): the responses as they were
// when the wave was first closed. Suppression protects one document; two documents of the same wave that
// differ by one late response would show that municipality's answers in their difference (measured on the
// 2019 demo: 106–148 of 178 variables, with its Land, size class and unit type). So later imports and
// changes reach analysts at once and the public only through an explicit republication.
import { dmError } from '../errors.js';
import { flatVariables } from '../instrument/flat-variables.js';
import type { Instrument } from '../instrument/model.js';
import { personalVariables } from '../instrument/personal-variables.js';
import type { Publication, Store, Wave } from '../store/store.js';
import { requireInstrument } from './instrument-files.js';
import { requireWave } from './require-wave.js';

type PublicationStore = Pick<Store, 'getWave' | 'instrumentVersion'>;

/** The publication of `wave` as `actor`, without what analysis never reads (publicationOmits). */
export async function publicationOf(store: Pick<Store, 'instrumentVersion'>, wave: Wave, actor: string): Promise<Publication> {
  return { omitKeys: publicationOmits(await requireInstrument(store, wave.instrumentVersion)), actor };
}

/** Personal variables and free text (which may name people) are never copied into a publication. */
export function publicationOmits(instrument: Instrument): readonly string[] {
  const text = flatVariables(instrument).filter((variable) => variable.kind === 'text' || variable.kind === 'email');
  return [...new Set([...personalVariables(instrument), ...text.map((variable) => variable.name)])];
}

/**
 * The closed wave whose publication the public reads. Waves closed before publications existed (migration
 * 011) are published here, once. DM_WAVE_NOT_FOUND; DM_REPORT_NOT_PUBLIC unless closed.
 */
export async function publishedWave(store: PublicationStore & Pick<Store, 'publishWave'>, waveId: string): Promise<Wave> {
  const wave = await requireWave(store, waveId);
  if (wave.status !== 'closed') throw dmError('DM_REPORT_NOT_PUBLIC', { wave: waveId });
  if (wave.publishedAt !== null) return wave;
  return store.publishWave(wave.id, { ...(await publicationOf(store, wave, 'system')), replace: false });
}

export interface Republication {
  readonly wave: Wave;
  /** When the replaced publication was made. */
  readonly previous: string | null;
}

/**
 * Replaces the public responses of a closed wave with its current ones (`wave publish`). Whoever kept the
 * old public tables can read the changed municipalities' answers from the difference: the caller warns.
 */
export async function republishWave(store: PublicationStore & Pick<Store, 'publishWave'>, waveId: string, actor: string): Promise<Republication> {
  const wave = await requireWave(store, waveId);
  const republished = await store.publishWave(wave.id, { ...(await publicationOf(store, wave, actor)), replace: true });
  return { wave: republished, previous: wave.publishedAt };
}

const WHEN = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' });

/** For analysts changing a published wave (reopen, import): what the public sees and how to change it. */
export function publicationNote(wave: Wave): string | undefined {
  if (wave.publishedAt === null) return undefined;
  const since = `den Stand vom ${WHEN.format(new Date(wave.publishedAt))} Uhr`;
  const shown = wave.status === 'closed' ? `zeigen weiter ${since}` : `sind nicht öffentlich, solange die Welle offen ist, und zeigen nach dem Schließen weiter ${since}`;
  return (
    `Hinweis: Bericht, Datenexplorer und offene Daten der Welle „${wave.id}“ ${shown}. ` +
    `Neue oder geänderte Antworten erscheinen dort erst nach „digitalmonitor wave publish ${wave.id}“.`
  );
}

/** The warning of a republication: the difference between two publications shows what changed. */
export function republicationWarning(republication: Republication): string {
  const { wave, previous } = republication;
  if (previous === null) return `Welle „${wave.id}“ ist jetzt veröffentlicht.`;
  return (
    `Welle „${wave.id}“ ist neu veröffentlicht (vorher Stand vom ${WHEN.format(new Date(previous))} Uhr). Achtung: Wer die alten ` +
    'öffentlichen Tabellen aufbewahrt hat, kann aus dem Unterschied die Angaben der seitdem hinzugekommenen oder geänderten Kommunen ablesen.'
  );
}
