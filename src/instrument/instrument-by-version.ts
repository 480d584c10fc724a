import type { Instrument } from './model.js';
import { instrument2019 } from './waves/instrument-2019.js';

const INSTRUMENTS: Readonly<Record<string, Instrument>> = Object.freeze({ '2019': instrument2019 });

/** Every questionnaire version the product knows, oldest first. */
export const INSTRUMENT_VERSIONS: readonly string[] = Object.freeze(Object.keys(INSTRUMENTS));

/** The questionnaire of `version` (e.g. "2019"), or undefined for an unknown version. */
export function instrumentByVersion(version: string): Instrument | undefined {
  return Object.hasOwn(INSTRUMENTS, version) ? INSTRUMENTS[version] : undefined;
}
