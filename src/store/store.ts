// The persistence port: only what tasks/ need. Implemented once in Postgres-dialect SQL (sql-store.ts).
import type { FlatResponse } from '../instrument/model.js';
import type { RegisterUnit, SizeClass, UnitType } from '../register/unit.js';

export type WaveStatus = 'draft' | 'open' | 'closed';

/**
 * Which register units a wave invites: each given list narrows (AND across lists, OR within one);
 * an empty object is the whole register. Synthetic (demo) units belong only to demo waves.
 */
export interface TargetPopulation {
  readonly unitTypes?: readonly UnitType[];
  /** Two-letter Land codes (SH … TH). */
  readonly stateCodes?: readonly string[];
  readonly sizeClasses?: readonly SizeClass[];
  readonly ags?: readonly string[];
}

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
  /** null until set: nobody can be invited. */
  readonly target: TargetPopulation | null;
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
  readonly target?: TargetPopulation | null;
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
  /** Set by a web submission: SHA-256 (hex) of the canonical answers and when they were submitted. */
  readonly receipt: ResponseReceipt | null;
}

export interface ResponseReceipt {
  readonly sha256: string;
  readonly at: string;
}

/** One conditional write of one unit's response from the web form (architecture "How a request flows"). */
export interface ResponseWrite {
  /** The revision the answers are based on; 0 = no response yet. A different current revision is a conflict. */
  readonly baseRevision: number;
  readonly answers: FlatResponse;
  /** Submit: status becomes 'submitted' with this receipt hash of `answers`. */
  readonly submitSha256?: string;
  readonly actor: string;
  /** Extra audit details (e.g. the changed variables; never answer values). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type ResponseWriteResult =
  | { readonly kind: 'saved'; readonly response: StoredResponse }
  /** Nothing written. `base`: the answers at `baseRevision`, when that revision was saved from the web. */
  | { readonly kind: 'conflict'; readonly current: StoredResponse | null; readonly base: FlatResponse | null };

export interface Invitation {
  readonly id: number;
  readonly waveId: string;
  readonly ags: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
}

export interface NewInvitation {
  readonly ags: string;
  /** SHA-256 (hex) of the normalised code; the code itself is never stored. */
  readonly codeSha256: string;
}

export interface RespondentSession {
  readonly invitationId: number;
  readonly waveId: string;
  readonly ags: string;
  readonly expiresAt: string;
}

export type InvitedUnitStatus = 'not_started' | 'in_progress' | 'submitted';

export interface InvitedUnit {
  readonly ags: string;
  /** null when the AGS is no longer in the register. */
  readonly name: string | null;
  readonly stateCode: string | null;
  readonly sizeClass: SizeClass | null;
  readonly invitedAt: string;
  readonly status: InvitedUnitStatus;
  /** Last save of the response; null when not started. */
  readonly lastActivity: string | null;
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
  /** Every AGS of the register (real and synthetic): the cheap check for imports. */
  registerAgs(): Promise<Set<string>>;

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

  /** Sets (or with null clears) the wave's target population; audited. */
  setWaveTarget(id: string, target: TargetPopulation | null, actor: string): Promise<Wave>;
  /** The register units of the wave's target population, by AGS; [] while no target is set. */
  targetUnits(waveId: string): Promise<RegisterUnit[]>;

  /**
   * Stores new invitations in one transaction. With `replaceActive`, the units' active invitations are
   * revoked first (re-issue); without, a unit that already has one is DM_INVITATION_EXISTS.
   */
  issueInvitations(
    waveId: string,
    invitations: readonly NewInvitation[],
    options: { readonly actor: string; readonly replaceActive: boolean },
  ): Promise<{ readonly issued: number; readonly revoked: number }>;
  /** Revokes the active invitations of `ags` (and ends their sessions); returns how many were active. */
  revokeInvitations(waveId: string, ags: readonly string[], actor: string): Promise<number>;
  /** Active and revoked invitations of a wave, by AGS then age. */
  invitations(waveId: string): Promise<Invitation[]>;
  invitationByCode(codeSha256: string): Promise<Invitation | null>;
  /** Per active invitation: the unit and how far its response is (the analyst's return monitor). */
  invitedUnits(waveId: string): Promise<InvitedUnit[]>;

  createRespondentSession(session: { readonly idSha256: string; readonly invitationId: number; readonly expiresAt: string }): Promise<void>;
  /** The live session: not expired, its invitation not revoked; else null. */
  respondentSession(idSha256: string): Promise<RespondentSession | null>;
  deleteRespondentSession(idSha256: string): Promise<void>;

  responseFor(waveId: string, ags: string): Promise<StoredResponse | null>;
  /** The answers as saved from the web at `revision`; null when that revision was not a web save. */
  revisionAnswers(waveId: string, ags: string, revision: number): Promise<FlatResponse | null>;
  /**
   * Saves one unit's answers if its revision is still `baseRevision`, with a revision record and an
   * audit entry, all in one transaction. DM_SURVEY_CLOSED when the wave is not open or outside its period.
   */
  writeResponse(waveId: string, ags: string, write: ResponseWrite): Promise<ResponseWriteResult>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first; all entries when `limit` is undefined. */
  auditLog(limit?: number): Promise<StoredAuditEntry[]>;

  close(): Promise<void>;
}
