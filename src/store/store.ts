// The persistence port: only what tasks/ need. Implemented once in Postgres-dialect SQL (sql-store.ts).
import type { FlatResponse } from '../instrument/model.js';
import type { RegisterUnit, SizeClass } from '../register/unit.js';

export type WaveStatus = 'draft' | 'open' | 'closed';

export interface Wave {
  readonly id: string;
  readonly title: string;
  readonly instrumentVersion: string;
  /** ISO timestamps or null (no limit). */
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly status: WaveStatus;
  /** Synthetic demo data: everything built on it says so. */
  readonly demo: boolean;
  /** Minimum published cell count (disclosure control, statistics.md). */
  readonly minCellCount: number;
  readonly createdAt: string;
}

export interface NewWave {
  readonly id: string;
  readonly title: string;
  readonly instrumentVersion: string;
  readonly opensAt?: string | null;
  readonly closesAt?: string | null;
  readonly demo?: boolean;
  readonly minCellCount?: number;
}

export type ResponseStatus = 'draft' | 'submitted';
export type ResponseSource = 'import' | 'web' | 'demo';

export interface StoredResponse {
  readonly waveId: string;
  readonly ags: string;
  readonly status: ResponseStatus;
  /** Incremented on every write; starts at 1. */
  readonly revision: number;
  readonly answers: FlatResponse;
  readonly source: ResponseSource;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedAt: string | null;
}

export interface ResponseInput {
  readonly ags: string;
  readonly answers: FlatResponse;
}

export interface RegisterInfo {
  readonly referenceDate: string;
  readonly populationDate: string;
  readonly source: string;
  readonly importedAt: string;
  /** Real (non-synthetic) units. */
  readonly unitCount: number;
  readonly syntheticCount: number;
}

export interface RegisterReplacement {
  /** Who replaces it, for the audit log. */
  readonly actor: string;
  readonly referenceDate: string;
  readonly populationDate: string;
  readonly source: string;
  readonly units: readonly RegisterUnit[];
}

export interface ResponseCount {
  readonly key: string;
  readonly responses: number;
  readonly submitted: number;
}

export interface ResponseMonitor {
  /** Keyed by two-letter Land code (SH … TH), in AGS order. */
  readonly byState: readonly ResponseCount[];
  readonly bySizeClass: readonly (ResponseCount & { readonly key: SizeClass })[];
  readonly total: ResponseCount;
}

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface StoredAuditEntry extends AuditEntry {
  readonly id: number;
  readonly at: string;
}

export interface Store {
  /** Real units are replaced as one transaction; synthetic (demo) units are kept. */
  replaceRegister(replacement: RegisterReplacement): Promise<void>;
  /** Adds or replaces synthetic units (demo), leaving real ones alone. */
  replaceSyntheticUnits(units: readonly RegisterUnit[]): Promise<void>;
  registerInfo(): Promise<RegisterInfo | null>;
  /** All units, or only those with the given AGS. Ordered by AGS. */
  registerUnits(ags?: readonly string[]): Promise<RegisterUnit[]>;

  createWave(wave: NewWave): Promise<Wave>;
  getWave(id: string): Promise<Wave | null>;
  listWaves(): Promise<Wave[]>;
  setWaveStatus(id: string, status: WaveStatus): Promise<Wave>;
  /** Removes the wave and its responses (demo re-creation); a missing wave is a no-op. */
  deleteWave(id: string): Promise<void>;

  /**
   * Writes all responses or none (one transaction): new units are inserted, existing ones get the
   * new answers and revision + 1.
   */
  saveResponses(
    waveId: string,
    responses: readonly ResponseInput[],
    options: { readonly status: ResponseStatus; readonly source: ResponseSource; readonly actor: string },
  ): Promise<{ readonly inserted: number; readonly updated: number }>;
  responsesForWave(waveId: string): Promise<StoredResponse[]>;
  /**
   * Responses per Land (official order) and size class over the wave's target population (statistics.md:
   * real units of the unit types among the respondents, plus the respondents): groups without a response
   * count 0; empty lists before the first response. `total` also counts AGS missing from the register.
   */
  responseMonitor(waveId: string): Promise<ResponseMonitor>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first; all entries when `limit` is undefined. */
  auditLog(limit?: number): Promise<StoredAuditEntry[]>;

  close(): Promise<void>;
}
