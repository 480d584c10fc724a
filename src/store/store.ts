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
  /**
   * When its public results were fixed (first close, or the last republication); null before. The public
   * sees the responses as they were then (publishedResponses), analysts the current ones.
   */
  readonly publishedAt: string | null;
}

/** A publication leaves out these answer keys (the questionnaire's personal variables) and is audited as `actor`. */
export interface Publication {
  readonly omitKeys: readonly string[];
  readonly actor: string;
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

/** Per wave: how long contact data is kept after it closed (migration 007). */
export interface ContactRetention {
  readonly waveId: string;
  /** When the wave was last closed; null while it is open or a draft. */
  readonly closedAt: string | null;
  readonly retentionDays: number;
  /** When its contact data was deleted; null until then. */
  readonly purgedAt: string | null;
}

/** Everything stored about one unit (Art. 15 DSGVO). Invitation codes are stored only as hashes and not shown. */
export interface UnitRecord {
  readonly ags: string;
  readonly unit: RegisterUnit | null;
  readonly responses: readonly {
    readonly waveId: string;
    readonly status: ResponseStatus;
    readonly revision: number;
    readonly answers: FlatResponse;
    readonly source: ResponseSource;
    readonly createdAt: string;
    readonly updatedAt: string;
    readonly submittedAt: string | null;
    readonly receiptSha256: string | null;
  }[];
  readonly revisions: readonly {
    readonly waveId: string;
    readonly revision: number;
    readonly answers: FlatResponse;
    readonly status: ResponseStatus;
    readonly actor: string;
    readonly savedAt: string;
  }[];
  readonly invitations: readonly { readonly waveId: string; readonly issuedAt: string; readonly revokedAt: string | null; readonly sessions: number }[];
  readonly audit: readonly StoredAuditEntry[];
}

export interface AuditChainCheck {
  readonly entries: number;
  /** Hash of the newest entry ('' for an empty log): record it to detect a rewritten chain later. */
  readonly head: string;
  /** The first entry whose content no longer matches its hash, or whose predecessor is not the one it names. */
  readonly broken: { readonly id: number; readonly reason: 'content' | 'link' } | null;
  /** Whether the anchor is the hash of an entry of the chain (null without an anchor): else the log was rewritten. */
  readonly anchorFound: boolean | null;
}

export interface StoredAuditEntry extends AuditEntry {
  readonly id: number;
  readonly at: string;
}

export type UserRole = 'admin' | 'analyst';

/** An analyst account (migration 003); the password hash stays in the store except for the login check. */
export interface User {
  readonly id: number;
  /** Lower case; the login name. */
  readonly email: string;
  readonly role: UserRole;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

export interface UserWithHash extends User {
  /** Argon2id PHC string. */
  readonly passwordHash: string;
}

export interface NewUser {
  readonly email: string;
  readonly role: UserRole;
  readonly passwordHash: string;
}

export interface AnalystSession {
  readonly user: User;
  readonly expiresAt: string;
}

/** Two-factor and lockout state of an account (migration 008). */
export interface TwoFactorState {
  /** Base32 TOTP secret; pending (set up, not yet confirmed) while `totpEnabledAt` is null. */
  readonly totpSecret: string | null;
  readonly totpEnabledAt: string | null;
  /** The last accepted RFC 6238 time step: a code of this step or an earlier one is refused. */
  readonly totpLastStep: number | null;
  /** Consecutive failed logins since the last success or lock. */
  readonly failedLogins: number;
  readonly lockedUntil: string | null;
  readonly recoveryCodesLeft: number;
}

/** An analyst's API key (migration 009); the key itself is never stored, only its SHA-256. */
export interface ApiKey {
  readonly id: number;
  readonly name: string;
  /** The account the key acts for, and its role. */
  readonly email: string;
  readonly role: UserRole;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/** The whole store as data (backup file content). */
export interface StoreSnapshot {
  /** Applied migrations in order: a snapshot restores only into the same schema. */
  readonly migrations: readonly string[];
  /** Every base table, parents before children, its rows as to_jsonb texts. */
  readonly tables: readonly { readonly name: string; readonly rows: readonly string[] }[];
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
  /**
   * Closing a wave that has no publication yet publishes it in the same transaction (publishWave); without
   * `publication` no answer key is left out.
   */
  setWaveStatus(id: string, status: WaveStatus, publication?: Publication): Promise<Wave>;
  /**
   * Copies the closed wave's submitted responses (without `omitKeys`) as what the public sees, and sets
   * publishedAt; audited. `replace`: anew (republication), else only when it has none yet (then a no-op).
   * DM_WAVE_NOT_FOUND; DM_WAVE_NOT_CLOSED unless the wave is closed.
   */
  publishWave(id: string, publication: Publication & { readonly replace: boolean }): Promise<Wave>;
  /** The responses of the wave's publication (submitted ones, personal variables left out), by AGS. */
  publishedResponses(waveId: string): Promise<{ readonly ags: string; readonly answers: FlatResponse }[]>;
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
   * A digest of what analysis reads for the wave (its submitted responses, the register's import and
   * synthetic units): equal stamps mean equal results, so results can be cached under it. Unknown wave: a stamp too.
   */
  analysisStamp(waveId: string): Promise<string>;
  /**
   * Responses per Land (official order) and size class over the wave's target population (statistics.md:
   * real units of the unit types among the respondents, plus the respondents): groups without a response
   * count 0; empty lists before the first response. `total` also counts AGS missing from the register.
   * `published`: the responses of the wave's publication instead (all submitted; empty before it).
   */
  responseMonitor(waveId: string, options?: { readonly published?: boolean }): Promise<ResponseMonitor>;

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

  /** DM_USER_EXISTS when the e-mail address is taken; audited. */
  createUser(user: NewUser, actor: string): Promise<User>;
  /** By lower-case e-mail, disabled ones included; null when unknown. */
  userByEmail(email: string): Promise<UserWithHash | null>;
  /** Ordered by e-mail. */
  listUsers(): Promise<User[]>;
  /** Disables the account and ends its sessions; DM_USER_NOT_FOUND when unknown; audited. */
  disableUser(email: string, actor: string): Promise<User>;
  createAnalystSession(session: { readonly idSha256: string; readonly userId: number; readonly expiresAt: string }): Promise<void>;
  /**
   * The live session: not expired, its user not disabled, used within the last `idleMinutes` (default 120);
   * else null. Records this use (idle timeout, migration 008).
   */
  analystSession(idSha256: string, idleMinutes?: number): Promise<AnalystSession | null>;
  deleteAnalystSession(idSha256: string): Promise<void>;

  /** Migration 008; DM_USER_NOT_FOUND when the account is unknown. */
  twoFactorState(userId: number): Promise<TwoFactorState>;
  /** Stores a new pending TOTP secret; DM_TWO_FACTOR_ACTIVE when two-factor login is already on. */
  startTotpSetup(userId: number, secret: string): Promise<void>;
  /**
   * Switches two-factor login on if `secret` is still the pending one: records `step` as used and replaces
   * the recovery codes (SHA-256 hashes) and ends the account's sessions other than `keepSessionSha256` (a
   * session opened with the password alone must not outlive the switch); audited (`user.2fa_on`).
   * DM_TWO_FACTOR_INACTIVE otherwise.
   */
  enableTotp(userId: number, change: { readonly secret: string; readonly step: number; readonly recoveryCodeHashes: readonly string[]; readonly actor: string; readonly keepSessionSha256?: string }): Promise<void>;
  /** Records `step` as used if it is later than the last used one (atomic: no replay across processes). */
  useTotpStep(userId: number, step: number): Promise<boolean>;
  /** Marks an unused recovery code as used; audited (`user.recovery_code_used`). False when unknown or used. */
  useRecoveryCode(userId: number, codeSha256: string, actor: string): Promise<boolean>;
  /** Switches two-factor login off, deletes the recovery codes and lifts a lock; audited (`user.2fa_off`). DM_USER_NOT_FOUND. */
  disableTwoFactor(email: string, actor: string): Promise<User>;
  /** Counts a failed login; at `maxFailures` in a row the account is locked until `lockUntil` (audited `user.locked`). */
  recordLoginFailure(userId: number, lock: { readonly maxFailures: number; readonly lockUntil: string }): Promise<{ readonly locked: boolean }>;
  /** A successful login: the failure count starts again. */
  clearLoginFailures(userId: number): Promise<void>;

  /** Stores a new API key (SHA-256 only); audited (`apikey.create`). */
  createApiKey(key: { readonly userId: number; readonly name: string; readonly keySha256: string; readonly expiresAt: string | null }, actor: string): Promise<ApiKey>;
  /** Every key, revoked and expired ones included, oldest first. */
  apiKeys(): Promise<ApiKey[]>;
  /** Revokes the key (idempotent); DM_API_KEY_NOT_FOUND when unknown; audited (`apikey.revoke`). */
  revokeApiKey(id: number, actor: string): Promise<ApiKey>;
  /** The account of a live key (not revoked, not expired, account not disabled), recording the use; else null. */
  apiKeyUser(keySha256: string): Promise<{ readonly keyId: number; readonly user: User } | null>;

  contactRetention(): Promise<ContactRetention[]>;
  /** Days (0–3650) contact data is kept after the wave closes; audited. */
  setContactRetention(waveId: string, days: number, actor: string): Promise<void>;
  /**
   * Deletes the answer keys (personal data) from the responses and all their revisions — of one unit, or of
   * the whole wave (then marked purged); audited with the keys, never the values. Returns responses changed.
   */
  purgeContacts(waveId: string, keys: readonly string[], options: { readonly actor: string; readonly ags?: string }): Promise<number>;
  /** Everything about one unit; the read is audited (`privacy.read`). */
  unitRecord(ags: string, actor: string): Promise<UnitRecord>;

  /** Every table in one consistent snapshot (backup); safe while the server writes. */
  snapshot(): Promise<StoreSnapshot>;
  /** Fills an empty store with the snapshot in one transaction; DM_BACKUP_VERSION (other schema), DM_BACKUP_TARGET_NOT_EMPTY. */
  restoreSnapshot(snapshot: StoreSnapshot): Promise<void>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first; all entries when `limit` is undefined. */
  auditLog(limit?: number): Promise<StoredAuditEntry[]>;
  /** Recomputes the audit log's hash chain (migration 005) from the first entry to the newest; `anchor`: a head recorded earlier. */
  verifyAuditChain(anchor?: string): Promise<AuditChainCheck>;

  /** Stores an imported instrument version (migration 006); throws DM_INSTRUMENT_VERSION_EXISTS when the version is taken. */
  saveInstrumentVersion(version: string, document: unknown, actor: string): Promise<void>;
  instrumentVersion(version: string): Promise<StoredInstrumentVersion | null>;
  /** Oldest import first. */
  instrumentVersions(): Promise<StoredInstrumentVersion[]>;

  close(): Promise<void>;
}

/** An imported instrument version as stored: the validated document (src/instrument/instrument-file.ts). */
export interface StoredInstrumentVersion {
  readonly version: string;
  readonly document: unknown;
  readonly importedAt: string;
  readonly importedBy: string;
}
