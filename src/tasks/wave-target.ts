// A wave's target population: which register units are invited (issue 6 "Waves").
import { dmError } from '../errors.js';
import { STATES } from '../register/states.js';
import { SIZE_CLASSES, UNIT_TYPES, type SizeClass, type UnitType } from '../register/unit.js';
import type { Store, TargetPopulation, Wave } from '../store/store.js';
import { requireWave } from './waves.js';

export interface TargetInput {
  readonly unitTypes?: readonly string[] | undefined;
  readonly stateCodes?: readonly string[] | undefined;
  readonly sizeClasses?: readonly string[] | undefined;
  readonly ags?: readonly string[] | undefined;
}

type TargetStore = Pick<Store, 'getWave' | 'registerUnits' | 'setWaveTarget' | 'targetUnits'>;

/** Validates and sets the target; returns the wave and how many units it now covers. */
export async function setWaveTarget(store: TargetStore, waveId: string, input: TargetInput, actor: string) {
  await requireWave(store, waveId);
  const target: { -readonly [K in keyof TargetPopulation]: TargetPopulation[K] } = {};
  const unitTypes = pick(input.unitTypes, UNIT_TYPES, 'Art der Kommune');
  const stateCodes = pick(input.stateCodes?.map((code) => code.toUpperCase()), STATES.map((state) => state.code), 'Land');
  const sizeClasses = pick(input.sizeClasses?.map((size) => size.toLowerCase()), SIZE_CLASSES, 'Größenklasse');
  if (unitTypes) target.unitTypes = unitTypes as UnitType[];
  if (stateCodes) target.stateCodes = stateCodes;
  if (sizeClasses) target.sizeClasses = sizeClasses as SizeClass[];
  if (input.ags !== undefined) target.ags = await knownAgs(store, input.ags);
  const wave: Wave = await store.setWaveTarget(waveId, target, actor);
  return { wave, units: (await store.targetUnits(waveId)).length };
}

function pick(values: readonly string[] | undefined, allowed: readonly string[], what: string): string[] | undefined {
  if (values === undefined) return undefined;
  const unique = [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
  if (unique.length === 0) throw dmError('DM_TARGET_INVALID', { detail: `Die Liste „${what}“ ist leer.` });
  const unknown = unique.filter((value) => !allowed.includes(value));
  if (unknown.length > 0) {
    throw dmError('DM_TARGET_INVALID', { detail: `${what} „${unknown.join('“, „')}“ gibt es nicht (möglich: ${allowed.join(', ')}).` });
  }
  return unique;
}

async function knownAgs(store: TargetStore, values: readonly string[]): Promise<string[]> {
  const ags = [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
  if (ags.length === 0) throw dmError('DM_TARGET_INVALID', { detail: 'Die AGS-Liste ist leer.' });
  const malformed = ags.filter((value) => !/^[0-9]{8}$/.test(value));
  if (malformed.length > 0) throw dmError('DM_TARGET_INVALID', { detail: `„${malformed.slice(0, 5).join('“, „')}“ ist kein 8-stelliger AGS.` });
  const known = new Set((await store.registerUnits(ags)).map((unit) => unit.ags));
  const unknown = ags.filter((value) => !known.has(value));
  if (unknown.length > 0) {
    throw dmError('DM_TARGET_INVALID', { detail: `AGS „${unknown.slice(0, 5).join('“, „')}“ fehlt im Gemeindeverzeichnis (${unknown.length} insgesamt).` });
  }
  return ags.sort();
}
