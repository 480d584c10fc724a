// Personal data (issue 11 "GDPR", docs/personal-data.md): retention per wave, deletion on request, and the
// record of everything stored about one unit (Art. 15 DSGVO).
import { dmError } from '../errors.js';
import { personalVariables } from '../instrument/personal-variables.js';
import type { Store, UnitRecord } from '../store/store.js';
import { requireInstrument } from './instrument-files.js';
import { requireWave } from './waves.js';

const DAY_MS = 86_400_000;

export interface PurgedWave {
  readonly waveId: string;
  readonly responses: number;
}

/** Deletes the contact data of every wave whose retention period after closing has passed (once per wave). */
export async function purgeExpiredContacts(store: Pick<Store, 'contactRetention' | 'getWave' | 'purgeContacts' | 'instrumentVersion'>, now: Date, actor = 'system'): Promise<PurgedWave[]> {
  const purged: PurgedWave[] = [];
  for (const row of await store.contactRetention()) {
    if (row.closedAt === null || row.purgedAt !== null) continue;
    if (Date.parse(row.closedAt) + row.retentionDays * DAY_MS > now.getTime()) continue;
    const wave = await requireWave(store, row.waveId);
    purged.push({ waveId: wave.id, responses: await store.purgeContacts(wave.id, personalVariables(await requireInstrument(store, wave.instrumentVersion)), { actor }) });
  }
  return purged;
}

/** One unit's contact data of one wave, deleted on its own or an admin's request. */
export async function deleteContactData(store: Pick<Store, 'getWave' | 'purgeContacts' | 'instrumentVersion'>, waveId: string, ags: string, actor: string): Promise<number> {
  const wave = await requireWave(store, waveId);
  return store.purgeContacts(wave.id, personalVariables(await requireInstrument(store, wave.instrumentVersion)), { actor, ags });
}

export async function setContactRetention(store: Pick<Store, 'setContactRetention'>, waveId: string, days: number, actor: string): Promise<void> {
  if (!Number.isInteger(days) || days < 0 || days > 3650) throw dmError('DM_USAGE', { detail: `Aufbewahrungsdauer „${days}“: erlaubt sind 0 bis 3650 Tage.` });
  await store.setContactRetention(waveId, days, actor);
}

/** Art. 15: everything about one unit, as the admin hands it out; DM_NOT_FOUND when nothing is stored. */
export async function unitDataExport(store: Pick<Store, 'unitRecord'>, ags: string, actor: string): Promise<UnitRecord> {
  if (!/^\d{8}$/.test(ags)) throw dmError('DM_USAGE', { detail: `„${ags}“ ist kein achtstelliger Gemeindeschlüssel.` });
  const record = await store.unitRecord(ags, actor);
  if (record.unit === null && record.responses.length === 0 && record.invitations.length === 0) throw dmError('DM_NOT_FOUND', { path: `Gemeindeschlüssel ${ags}` });
  return record;
}
