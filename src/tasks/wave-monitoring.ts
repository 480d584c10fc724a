// Response monitoring per wave for analysts (issue 6 "Monitoring"): every invited unit's status and
// the response rates by Land and size class, computed from the same invitedUnits() as `monitor --wave`.
import type { ReminderRow } from '../formats/reminder-list-csv.js';
import { SIZE_CLASS_LABELS } from '../register/size-class-labels.js';
import { STATES, stateByCode } from '../register/states.js';
import { SIZE_CLASSES } from '../register/unit.js';
import type { InvitedUnit, InvitedUnitStatus, Store, Wave } from '../store/store.js';
import { requireWave } from './waves.js';

export const INVITED_STATUS_DE: Readonly<Record<InvitedUnitStatus, string>> = {
  not_started: 'nicht begonnen',
  in_progress: 'in Bearbeitung',
  submitted: 'abgeschickt',
};

/** Invited units of one group; `started` counts in progress and submitted. */
export interface RateRow {
  readonly key: string;
  readonly invited: number;
  readonly started: number;
  readonly submitted: number;
}

export interface ResponseRates {
  readonly total: RateRow;
  /** Länder in official order; units without register row under '?' last. */
  readonly byState: readonly RateRow[];
  readonly bySizeClass: readonly RateRow[];
}

export interface WaveMonitoring extends ResponseRates {
  readonly wave: Wave;
  readonly units: readonly InvitedUnit[];
}

export async function waveMonitoring(store: Pick<Store, 'getWave' | 'invitedUnits'>, waveId: string): Promise<WaveMonitoring> {
  const wave = await requireWave(store, waveId);
  const units = await store.invitedUnits(wave.id);
  return { wave, units, ...responseRates(units) };
}

/** Whether the wave has the k submitted responses a Digitalprofil needs (the links lead nowhere before). */
export async function profilesAvailableFor(store: Pick<Store, 'responseMonitor'>, wave: Pick<Wave, 'id' | 'minCellCount'>): Promise<boolean> {
  return profilesAvailable(await submittedResponses(store, wave.id), wave);
}

export function profilesAvailable(submitted: number, wave: Pick<Wave, 'minCellCount'>): boolean {
  return submitted >= wave.minCellCount;
}

/** Submitted responses of a wave, invited or not (an imported wave has no invitations). */
export async function submittedResponses(store: Pick<Store, 'responseMonitor'>, waveId: string): Promise<number> {
  return (await store.responseMonitor(waveId)).total.submitted;
}

export function responseRates(units: readonly InvitedUnit[]): ResponseRates {
  return {
    total: rateRow('gesamt', units),
    byState: groupRows(units, (unit) => unit.stateCode, STATES.map((state) => state.code)),
    bySizeClass: groupRows(units, (unit) => unit.sizeClass, SIZE_CLASSES),
  };
}

/** Who gets a reminder: every invited unit that has not submitted. */
export function reminderUnits(units: readonly InvitedUnit[]): InvitedUnit[] {
  return units.filter((unit) => unit.status !== 'submitted');
}

function groupRows(units: readonly InvitedUnit[], keyOf: (unit: InvitedUnit) => string | null, order: readonly string[]): RateRow[] {
  const groups = new Map<string, InvitedUnit[]>();
  for (const unit of units) {
    const key = keyOf(unit) ?? '?';
    groups.set(key, [...(groups.get(key) ?? []), unit]);
  }
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b)).map(([key, members]) => rateRow(key, members));
}

function rateRow(key: string, units: readonly InvitedUnit[]): RateRow {
  const submitted = units.filter((unit) => unit.status === 'submitted').length;
  return { key, invited: units.length, started: submitted + units.filter((unit) => unit.status === 'in_progress').length, submitted };
}

const DATE_TIME = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

/** The reminder list as rows for formatReminderListCsv: German labels, Berlin time. */
export function reminderRows(units: readonly InvitedUnit[]): ReminderRow[] {
  return reminderUnits(units).map((unit) => ({
    ags: unit.ags,
    name: unit.name ?? '(nicht mehr im Verzeichnis)',
    state: (unit.stateCode && stateByCode(unit.stateCode)?.name) ?? '',
    sizeClass: unit.sizeClass ? SIZE_CLASS_LABELS[unit.sizeClass] : '',
    status: INVITED_STATUS_DE[unit.status],
    lastActivity: unit.lastActivity ? DATE_TIME.format(new Date(unit.lastActivity)) : '',
  }));
}
