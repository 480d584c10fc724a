// Instrument versions as files (issue 9): validate, import (migration 006), diff, and look a version up
// among the built-in ones (2019) and the imported ones.
import { dmError } from '../errors.js';
import { deepFreeze } from '../instrument/deep-freeze.js';
import { diffInstruments, type InstrumentChange } from '../instrument/diff-instruments.js';
import { instrumentByVersion } from '../instrument/instrument-by-version.js';
import type { FileIssue, InstrumentVersion } from '../instrument/instrument-file.js';
import type { Instrument } from '../instrument/model.js';
import { validateInstrumentFile } from '../instrument/validate-instrument-file.js';
import type { Store } from '../store/store.js';

export type InstrumentStore = Pick<Store, 'instrumentVersion' | 'instrumentVersions' | 'saveInstrumentVersion'>;

export type InstrumentFileResult =
  | { readonly ok: true; readonly instrument: InstrumentVersion }
  | { readonly ok: false; readonly issues: readonly FileIssue[] };

// Imported versions are immutable (migration 006), so each store's lookups are kept for the process: one
// query per version, and the same frozen object each time (tableVariables and instrumentIndex cache by
// identity). Unknown versions are not kept: they may be imported later.
const imported = new WeakMap<object, Map<string, InstrumentVersion>>();

/** A built-in or imported version, or undefined. */
export async function findInstrument(store: Pick<Store, 'instrumentVersion'>, version: string): Promise<InstrumentVersion | undefined> {
  const builtIn = instrumentByVersion(version);
  if (builtIn) return builtIn;
  let known = imported.get(store);
  const cached = known?.get(version);
  if (cached) return cached;
  const stored = await store.instrumentVersion(version);
  if (!stored) return undefined;
  const instrument = deepFreeze(stored.document as InstrumentVersion);
  if (!known) imported.set(store, (known = new Map()));
  known.set(version, instrument);
  return instrument;
}

/** Throws DM_INSTRUMENT_NOT_FOUND for an unknown version. */
export async function requireInstrument(store: Pick<Store, 'instrumentVersion'>, version: string): Promise<InstrumentVersion> {
  const found = await findInstrument(store, version);
  if (!found) throw dmError('DM_INSTRUMENT_NOT_FOUND', { version });
  return found;
}

/** `instrument validate`: the file's issues (JSON syntax included), or the version it describes. */
export async function checkInstrumentFile(store: Pick<Store, 'instrumentVersions'>, bytes: Uint8Array): Promise<InstrumentFileResult> {
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'keine UTF-8-Datei';
    return { ok: false, issues: [{ path: '', message: `Die Datei ist kein gültiges JSON (${detail}).` }] };
  }
  const stored = new Map((await store.instrumentVersions()).map((row) => [row.version, row.document as Instrument]));
  const { issues, instrument } = validateInstrumentFile(document, (version) => instrumentByVersion(version) ?? stored.get(version));
  return instrument ? { ok: true, instrument } : { ok: false, issues };
}

/**
 * `instrument import`: validates, then stores the version. Nothing is stored from a file with issues;
 * throws DM_INSTRUMENT_VERSION_EXISTS for a version that is built in or imported already (immutable).
 */
export async function importInstrumentFile(store: InstrumentStore, bytes: Uint8Array, actor: string): Promise<InstrumentFileResult> {
  const result = await checkInstrumentFile(store, bytes);
  if (!result.ok) return result;
  const { version } = result.instrument;
  if (instrumentByVersion(version)) throw dmError('DM_INSTRUMENT_VERSION_EXISTS', { version });
  await store.saveInstrumentVersion(version, result.instrument, actor);
  return result;
}

export async function diffInstrumentVersions(store: Pick<Store, 'instrumentVersion'>, a: string, b: string) {
  const [before, after] = [await requireInstrument(store, a), await requireInstrument(store, b)];
  const changes: InstrumentChange[] = diffInstruments(before, after);
  return { before, after, changes };
}
