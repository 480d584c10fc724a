// The Store port over any SqlClient (PGlite or PostgreSQL): one dialect, two drivers (architecture habit 3).
import { DmError } from '../errors.js';
import { ANALYSIS_STAMP_QUERY } from './analysis-stamp-query.js';
import { API_KEY_QUERIES as K } from './api-key-queries.js';
import { ACCOUNT_QUERIES as A, TWO_FACTOR_QUERIES as T } from './account-queries.js';
import { INSTRUMENT_VERSION_QUERIES as IV } from './instrument-version-queries.js';
import type { FlatResponse } from '../instrument/model.js';
import type { RegisterUnit } from '../register/unit.js';
import { mapSqlError, type SqlErrorContext } from './map-sql-error.js';
import type { SqlClient, SqlParam } from './sql-client.js';
import { QUERIES as Q } from './sql-store-queries.js';
import { PRIVACY_QUERIES } from './privacy-queries.js';
import * as privacy from './sql-privacy.js';
import { restore, snapshot } from './sql-snapshot.js';
import * as survey from './sql-survey.js';
import { SURVEY_QUERIES as S } from './survey-queries.js';
import { textArrayParam } from './text-array-param.js';
import { isSealed, type SecretBox } from './totp-secret-box.js';
import type {
  AnalystSession,
  ApiKey,
  AuditChainCheck,
  ContactRetention,
  AuditEntry,
  Invitation,
  InvitedUnit,
  NewInvitation,
  NewWave,
  Publication,
  RegisterInfo,
  RegisterReplacement,
  ResponseCount,
  ResponseInput,
  ResponseMonitor,
  ResponseSource,
  ResponseStatus,
  ResponseWrite,
  ResponseWriteResult,
  RespondentSession,
  Store,
  StoredAuditEntry,
  StoredInstrumentVersion,
  StoredResponse,
  StoreSnapshot,
  TwoFactorState,
  UnitRecord,
  TargetPopulation,
  User,
  UserWithHash,
  NewUser,
  Wave,
  WaveStatus,
} from './store.js';

/** Allowed status changes; setting the current status again is a no-op. */
const NEXT_STATUS: Readonly<Record<WaveStatus, readonly WaveStatus[]>> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open'],
};

const SYSTEM_ACTOR = 'system';

export class SqlStore implements Store {
  readonly #db: SqlClient;
  readonly #secrets: SecretBox | undefined;

  /** @param secrets seals TOTP secrets at rest (DIGITALMONITOR_SECRET_KEY); without, they are stored plain */
  constructor(db: SqlClient, secrets?: SecretBox) {
    this.#db = db;
    this.#secrets = secrets;
  }

  /** Seals every TOTP secret still stored plain (an installation that had no key before); returns how many. */
  async sealPlainTotpSecrets(): Promise<number> {
    const secrets = this.#secrets;
    if (!secrets) return 0;
    return this.#transaction({}, async (tx) => {
      const plain = await tx.query<{ id: number; secret: string }>(T.plainSecrets);
      for (const { id, secret } of plain) await tx.query(T.replaceSecret, [id, secret, secrets.seal(secret, id)]);
      return plain.length;
    });
  }

  replaceRegister(replacement: RegisterReplacement): Promise<void> {
    const { referenceDate, populationDate, source, units } = replacement;
    return this.#transaction({}, async (tx) => {
      const [deleted] = await tx.query<{ n: number }>(Q.deleteRealUnits);
      await tx.query(Q.insertUnits, [unitsJson(units), false]);
      await tx.query(Q.upsertRegisterMeta, [referenceDate, populationDate, source]);
      const details = { referenceDate, populationDate, source, units: units.length, removed: deleted?.n ?? 0 };
      await audit(tx, { actor: replacement.actor, action: 'register.replace', subject: 'register', details });
    });
  }

  replaceSyntheticUnits(units: readonly RegisterUnit[]): Promise<void> {
    return this.#transaction({}, async (tx) => {
      const written = await tx.query<{ ags: string }>(Q.upsertSyntheticUnits, [unitsJson(units), true]);
      if (written.length < units.length) {
        const taken = firstMissing(units, written);
        throw new DmError('DM_DATA_REJECTED', { detail: `Der AGS „${taken}“ gehört einer echten Gemeinde.` });
      }
      const details = { units: units.length };
      await audit(tx, { actor: SYSTEM_ACTOR, action: 'register.synthetic', subject: 'register', details });
    });
  }

  async registerInfo(): Promise<RegisterInfo | null> {
    const [info] = await this.#query<RegisterInfo>({}, Q.registerInfo);
    return info ?? null;
  }

  registerUnits(ags?: readonly string[]): Promise<RegisterUnit[]> {
    if (ags === undefined) return this.#query({}, Q.allUnits);
    if (ags.length === 0) return Promise.resolve([]);
    return this.#query({}, Q.unitsByAgs, [JSON.stringify(ags)]);
  }

  async registerAgs(): Promise<Set<string>> {
    const rows = await this.#query<{ ags: string }>({}, Q.allAgs);
    return new Set(rows.map((row) => row.ags));
  }

  async createWave(wave: NewWave): Promise<Wave> {
    const params = [wave.id, wave.title, wave.instrumentVersion, wave.opensAt ?? null, wave.closesAt ?? null];
    const [created] = await this.#query<Wave>({ wave: wave.id }, Q.insertWave, [
      ...params,
      wave.demo ?? false,
      wave.minCellCount ?? 5,
      wave.target ? JSON.stringify(wave.target) : null,
    ]);
    return created!;
  }

  async getWave(id: string): Promise<Wave | null> {
    if (id.includes('\0')) return null; // text parameters cannot carry NUL
    const [wave] = await this.#query<Wave>({ wave: id }, Q.wave, [id]);
    return wave ?? null;
  }

  listWaves(): Promise<Wave[]> {
    return this.#query({}, Q.waves);
  }

  setWaveStatus(id: string, status: WaveStatus, publication: Publication = { omitKeys: [], actor: SYSTEM_ACTOR }): Promise<Wave> {
    return this.#transaction({ wave: id }, async (tx) => {
      const [wave] = await tx.query<Wave>(Q.waveForUpdate, [id]);
      if (!wave) throw new DmError('DM_WAVE_NOT_FOUND', { wave: id });
      if (wave.status === status) return wave;
      if (!NEXT_STATUS[wave.status].includes(status)) {
        throw new DmError('DM_WAVE_STATUS', { wave: id, status: wave.status, target: status });
      }
      const [updated] = await tx.query<Wave>(Q.setWaveStatus, [id, status]);
      return status === 'closed' && updated!.publishedAt === null ? publish(tx, updated!, publication) : updated!;
    });
  }

  publishWave(id: string, publication: Publication & { readonly replace: boolean }): Promise<Wave> {
    return this.#transaction({ wave: id }, async (tx) => {
      const [wave] = await tx.query<Wave>(Q.waveForUpdate, [id]);
      if (!wave) throw new DmError('DM_WAVE_NOT_FOUND', { wave: id });
      if (wave.status !== 'closed') throw new DmError('DM_WAVE_NOT_CLOSED', { wave: id });
      if (wave.publishedAt !== null && !publication.replace) return wave;
      return publish(tx, wave, publication);
    });
  }

  async publishedResponses(waveId: string): Promise<{ ags: string; answers: FlatResponse }[]> {
    const rows = await this.#query<{ ags: string; answers: FlatResponse }>({ wave: waveId }, Q.publishedResponses, [waveId]);
    if (rows.length === 0) await requireWave(this.#db, Q.wave, waveId);
    return rows;
  }

  /** A missing wave is not an error: the demo task deletes before it (re)creates. */
  async deleteWave(id: string): Promise<void> {
    await this.#query({ wave: id }, Q.deleteWave, [id]);
  }

  saveResponses(
    waveId: string,
    responses: readonly ResponseInput[],
    options: { readonly status: ResponseStatus; readonly source: ResponseSource; readonly actor: string },
  ): Promise<{ readonly inserted: number; readonly updated: number }> {
    return this.#transaction({ wave: waveId }, async (tx) => {
      await requireWave(tx, Q.waveForShare, waveId);
      const rows = JSON.stringify(responses.map(({ ags, answers }) => ({ ags, answers })));
      const [counts] = await tx.query<{ inserted: number; updated: number }>(Q.saveResponses, [
        waveId,
        options.status,
        options.source,
        rows,
      ]);
      const result = { inserted: counts?.inserted ?? 0, updated: counts?.updated ?? 0 };
      const details = { ...result, status: options.status, source: options.source };
      await audit(tx, { actor: options.actor, action: 'responses.save', subject: waveId, details });
      return result;
    });
  }

  async analysisStamp(waveId: string): Promise<string> {
    const [row] = await this.#query<{ stamp: string }>({ wave: waveId }, ANALYSIS_STAMP_QUERY, [waveId]);
    return row!.stamp;
  }

  async responsesForWave(waveId: string): Promise<StoredResponse[]> {
    const rows = await this.#query<StoredResponse>({ wave: waveId }, Q.responses, [waveId]);
    if (rows.length === 0) await requireWave(this.#db, Q.wave, waveId);
    return rows;
  }

  responseMonitor(waveId: string, options: { readonly published?: boolean } = {}): Promise<ResponseMonitor> {
    const [byStateSql, bySizeClassSql, totalSql] = options.published
      ? [Q.publishedMonitorByState, Q.publishedMonitorBySizeClass, Q.publishedMonitorTotal]
      : [Q.monitorByState, Q.monitorBySizeClass, Q.monitorTotal];
    return this.#transaction({ wave: waveId }, async (tx) => {
      await requireWave(tx, Q.wave, waveId);
      const byState = await tx.query<ResponseCount>(byStateSql, [waveId]);
      const bySizeClass = await tx.query<ResponseMonitor['bySizeClass'][number]>(bySizeClassSql, [waveId]);
      const [total] = await tx.query<ResponseCount>(totalSql, [waveId]);
      return { byState, bySizeClass, total: total! };
    });
  }

  setWaveTarget(id: string, target: TargetPopulation | null, actor: string): Promise<Wave> {
    return this.#transaction({ wave: id }, async (tx) => {
      const [wave] = await tx.query<Wave>(S.setWaveTarget, [id, target ? JSON.stringify(target) : null]);
      if (!wave) throw new DmError('DM_WAVE_NOT_FOUND', { wave: id });
      await audit(tx, { actor, action: 'wave.target', subject: id, details: { target } });
      return wave;
    });
  }

  async targetUnits(waveId: string): Promise<RegisterUnit[]> {
    const units = await this.#query<RegisterUnit>({ wave: waveId }, S.targetUnits, [waveId]);
    if (units.length === 0) await requireWave(this.#db, Q.wave, waveId);
    return units;
  }

  issueInvitations(
    waveId: string,
    invitations: readonly NewInvitation[],
    options: { readonly actor: string; readonly replaceActive: boolean },
  ): Promise<{ readonly issued: number; readonly revoked: number }> {
    return this.#transaction({ wave: waveId }, (tx) => survey.issueInvitations(tx, audit, waveId, invitations, options));
  }

  revokeInvitations(waveId: string, ags: readonly string[], actor: string): Promise<number> {
    return this.#transaction({ wave: waveId }, (tx) => survey.revokeInvitations(tx, audit, waveId, ags, actor));
  }

  async invitations(waveId: string): Promise<Invitation[]> {
    const rows = await this.#query<Invitation>({ wave: waveId }, S.invitations, [waveId]);
    if (rows.length === 0) await requireWave(this.#db, Q.wave, waveId);
    return rows;
  }

  async invitationByCode(codeSha256: string): Promise<Invitation | null> {
    const [invitation] = await this.#query<Invitation>({}, S.invitationByCode, [codeSha256]);
    return invitation ?? null;
  }

  async invitedUnits(waveId: string): Promise<InvitedUnit[]> {
    const rows = await this.#query<InvitedUnit>({ wave: waveId }, S.invitedUnits, [waveId]);
    if (rows.length === 0) await requireWave(this.#db, Q.wave, waveId);
    return rows;
  }

  createRespondentSession(session: { readonly idSha256: string; readonly invitationId: number; readonly expiresAt: string }): Promise<void> {
    return this.#transaction({}, async (tx) => {
      await tx.query(S.purgeExpiredSessions);
      await tx.query(S.insertSession, [session.idSha256, session.invitationId, session.expiresAt]);
    });
  }

  async respondentSession(idSha256: string): Promise<RespondentSession | null> {
    const [session] = await this.#query<RespondentSession>({}, S.session, [idSha256]);
    return session ?? null;
  }

  async deleteRespondentSession(idSha256: string): Promise<void> {
    await this.#query({}, S.deleteSession, [idSha256]);
  }

  async responseFor(waveId: string, ags: string): Promise<StoredResponse | null> {
    const [response] = await this.#query<StoredResponse>({ wave: waveId }, S.responseFor, [waveId, ags]);
    return response ?? null;
  }

  async revisionAnswers(waveId: string, ags: string, revision: number): Promise<FlatResponse | null> {
    const [row] = await this.#query<{ answers: FlatResponse }>({ wave: waveId }, S.revisionAnswers, [waveId, ags, revision]);
    return row?.answers ?? null;
  }

  writeResponse(waveId: string, ags: string, write: ResponseWrite): Promise<ResponseWriteResult> {
    return this.#transaction({ wave: waveId }, (tx) => survey.writeResponse(tx, audit, waveId, ags, write));
  }

  createUser(user: NewUser, actor: string): Promise<User> {
    return this.#transaction({ email: user.email }, async (tx) => {
      const [created] = await tx.query<User>(A.insertUser, [user.email, user.role, user.passwordHash]);
      await audit(tx, { actor, action: 'user.add', subject: `user:${user.email}`, details: { role: user.role } });
      return created!;
    });
  }

  async userByEmail(email: string): Promise<UserWithHash | null> {
    const [user] = await this.#query<UserWithHash>({}, A.userByEmail, [email]);
    return user ?? null;
  }

  listUsers(): Promise<User[]> {
    return this.#query({}, A.users);
  }

  disableUser(email: string, actor: string): Promise<User> {
    return this.#transaction({ email }, async (tx) => {
      const [user] = await tx.query<User>(A.disableUser, [email]);
      if (!user) throw new DmError('DM_USER_NOT_FOUND', { email });
      await tx.query(A.deleteUserSessions, [user.id]);
      await audit(tx, { actor, action: 'user.disable', subject: `user:${email}` });
      return user;
    });
  }

  createAnalystSession(session: { readonly idSha256: string; readonly userId: number; readonly expiresAt: string }): Promise<void> {
    return this.#transaction({}, async (tx) => {
      await tx.query(A.purgeExpiredSessions);
      await tx.query(A.insertSession, [session.idSha256, session.userId, session.expiresAt]);
    });
  }

  async analystSession(idSha256: string, idleMinutes = 120): Promise<AnalystSession | null> {
    const [session] = await this.#query<AnalystSession>({}, A.session, [idSha256, idleMinutes]);
    return session ?? null;
  }

  async deleteAnalystSession(idSha256: string): Promise<void> {
    await this.#query({}, A.deleteSession, [idSha256]);
  }

  async twoFactorState(userId: number): Promise<TwoFactorState> {
    const [state] = await this.#query<TwoFactorState>({}, T.state, [userId]);
    if (!state) throw new DmError('DM_USER_NOT_FOUND', { email: `#${userId}` });
    return state.totpSecret === null ? state : { ...state, totpSecret: this.#openSecret(state.totpSecret, userId) };
  }

  async startTotpSetup(userId: number, secret: string): Promise<void> {
    const updated = await this.#query({}, T.startSetup, [userId, this.#secrets ? this.#secrets.seal(secret, userId) : secret]);
    if (updated.length === 0) throw new DmError('DM_TWO_FACTOR_ACTIVE');
  }

  #openSecret(stored: string, userId: number): string {
    if (!isSealed(stored)) return stored;
    if (!this.#secrets) throw new DmError('DM_SECRET_KEY_MISSING');
    return this.#secrets.open(stored, userId);
  }

  enableTotp(userId: number, change: { readonly secret: string; readonly step: number; readonly recoveryCodeHashes: readonly string[]; readonly actor: string; readonly keepSessionSha256?: string }): Promise<void> {
    return this.#transaction({}, async (tx) => {
      // Only the pending secret: compared opened, then matched on its stored form under the row lock.
      const [pending] = await tx.query<{ secret: string }>(T.pendingSecret, [userId]);
      if (!pending || this.#openSecret(pending.secret, userId) !== change.secret) throw new DmError('DM_TWO_FACTOR_INACTIVE');
      const [user] = await tx.query<{ email: string }>(T.enable, [userId, pending.secret, change.step]);
      if (!user) throw new DmError('DM_TWO_FACTOR_INACTIVE');
      await tx.query(T.deleteRecoveryCodes, [userId]);
      await tx.query(T.insertRecoveryCodes, [userId, JSON.stringify(change.recoveryCodeHashes)]);
      const ended = await tx.query(A.deleteOtherSessions, [userId, change.keepSessionSha256 ?? null]);
      const details = { recoveryCodes: change.recoveryCodeHashes.length, endedSessions: ended.length };
      await audit(tx, { actor: change.actor, action: 'user.2fa_on', subject: `user:${user.email}`, details });
    });
  }

  async useTotpStep(userId: number, step: number): Promise<boolean> {
    return (await this.#query({}, T.useStep, [userId, step])).length === 1;
  }

  useRecoveryCode(userId: number, codeSha256: string, actor: string): Promise<boolean> {
    return this.#transaction({}, async (tx) => {
      const [used] = await tx.query<{ email: string; left: number }>(T.useRecoveryCode, [userId, codeSha256]);
      if (!used) return false;
      await audit(tx, { actor, action: 'user.recovery_code_used', subject: `user:${used.email}`, details: { left: used.left } });
      return true;
    });
  }

  disableTwoFactor(email: string, actor: string): Promise<User> {
    return this.#transaction({ email }, async (tx) => {
      const [user] = await tx.query<User>(T.disable, [email]);
      if (!user) throw new DmError('DM_USER_NOT_FOUND', { email });
      await tx.query(T.deleteRecoveryCodes, [user.id]);
      await audit(tx, { actor, action: 'user.2fa_off', subject: `user:${email}` });
      return user;
    });
  }

  recordLoginFailure(userId: number, lock: { readonly maxFailures: number; readonly lockUntil: string }): Promise<{ readonly locked: boolean }> {
    return this.#transaction({}, async (tx) => {
      const [row] = await tx.query<{ email: string; locked: boolean }>(T.recordFailure, [userId, lock.maxFailures, lock.lockUntil]);
      if (row?.locked) await audit(tx, { actor: SYSTEM_ACTOR, action: 'user.locked', subject: `user:${row.email}`, details: { until: lock.lockUntil, failures: lock.maxFailures } });
      return { locked: row?.locked ?? false };
    });
  }

  async clearLoginFailures(userId: number): Promise<void> {
    await this.#query({}, T.clearFailures, [userId]);
  }

  createApiKey(key: { readonly userId: number; readonly name: string; readonly keySha256: string; readonly expiresAt: string | null }, actor: string): Promise<ApiKey> {
    return this.#transaction({}, async (tx) => {
      const [created] = await tx.query<ApiKey>(K.insert, [key.userId, key.name, key.keySha256, key.expiresAt]);
      await audit(tx, { actor, action: 'apikey.create', subject: `user:${created!.email}`, details: { id: created!.id, name: key.name, expiresAt: key.expiresAt } });
      return created!;
    });
  }

  apiKeys(): Promise<ApiKey[]> {
    return this.#query({}, K.list);
  }

  revokeApiKey(id: number, actor: string): Promise<ApiKey> {
    return this.#transaction({}, async (tx) => {
      const [key] = await tx.query<ApiKey>(K.revoke, [id]);
      if (!key) throw new DmError('DM_API_KEY_NOT_FOUND', { detail: id });
      await audit(tx, { actor, action: 'apikey.revoke', subject: `user:${key.email}`, details: { id } });
      return key;
    });
  }

  async apiKeyUser(keySha256: string): Promise<{ readonly keyId: number; readonly user: User } | null> {
    const [row] = await this.#query<{ keyId: number; user: User }>({}, K.use, [keySha256]);
    return row ?? null;
  }

  contactRetention(): Promise<ContactRetention[]> {
    return this.#query({}, PRIVACY_QUERIES.retention);
  }

  setContactRetention(waveId: string, days: number, actor: string): Promise<void> {
    return this.#transaction({ wave: waveId }, (tx) => privacy.setContactRetention(tx, audit, waveId, days, actor));
  }

  purgeContacts(waveId: string, keys: readonly string[], options: { readonly actor: string; readonly ags?: string }): Promise<number> {
    return this.#transaction({ wave: waveId }, (tx) => privacy.purgeContacts(tx, audit, waveId, keys, options));
  }

  async unitRecord(ags: string, actor: string): Promise<UnitRecord> {
    const [unit] = await this.registerUnits([ags]);
    return this.#transaction({}, (tx) => privacy.unitRecord(tx, audit, ags, unit ?? null, actor));
  }

  snapshot(): Promise<StoreSnapshot> {
    return snapshot(this.#db);
  }

  restoreSnapshot(backup: StoreSnapshot): Promise<void> {
    return restore(this.#db, backup);
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return this.#transaction({}, (tx) => audit(tx, entry));
  }

  auditLog(limit?: number): Promise<StoredAuditEntry[]> {
    const rows = limit === undefined || !Number.isFinite(limit) ? null : Math.max(0, Math.floor(limit));
    return this.#query({}, Q.auditLog, [rows]);
  }

  async verifyAuditChain(anchor?: string): Promise<AuditChainCheck> {
    const rows = await this.#query<{ id: number; prev_hash: string; hash: string; intact: boolean }>({}, Q.auditChain);
    const anchorFound = anchor === undefined ? null : rows.some((row) => row.hash === anchor);
    const head = rows.at(-1)?.hash ?? '';
    let previous = '';
    for (const row of rows) {
      const reason = !row.intact ? 'content' : row.prev_hash !== previous ? 'link' : undefined;
      if (reason) return { entries: rows.length, head, broken: { id: row.id, reason }, anchorFound };
      previous = row.hash;
    }
    return { entries: rows.length, head, broken: null, anchorFound };
  }

  saveInstrumentVersion(version: string, document: unknown, actor: string): Promise<void> {
    return this.#transaction({}, async (tx) => {
      const written = await tx.query(IV.insert, [version, JSON.stringify(document), actor]);
      if (written.length === 0) throw new DmError('DM_INSTRUMENT_VERSION_EXISTS', { version });
      await audit(tx, { actor, action: 'instrument.import', subject: `instrument:${version}`, details: { version } });
    });
  }

  async instrumentVersion(version: string): Promise<StoredInstrumentVersion | null> {
    const [row] = await this.#query<StoredInstrumentVersion>({}, IV.byVersion, [version]);
    return row ?? null;
  }

  instrumentVersions(): Promise<StoredInstrumentVersion[]> {
    return this.#query({}, IV.list);
  }

  close(): Promise<void> {
    return this.#db.close();
  }

  async #query<T>(context: SqlErrorContext, sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    try {
      return await this.#db.query<T>(sql, params);
    } catch (error) {
      throw mapSqlError(error, context);
    }
  }

  async #transaction<T>(context: SqlErrorContext, fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    try {
      return await this.#db.transaction(fn);
    } catch (error) {
      throw mapSqlError(error, context);
    }
  }
}

async function audit(db: SqlClient, entry: AuditEntry): Promise<void> {
  await db.query(Q.appendAudit, [entry.actor, entry.action, entry.subject, JSON.stringify(entry.details ?? {})]);
}

/** Replaces the wave's publication with its submitted responses now (inside the caller's transaction). */
async function publish(tx: SqlClient, wave: Wave, { omitKeys, actor }: Publication): Promise<Wave> {
  await tx.query(Q.clearPublication, [wave.id]);
  const copied = await tx.query<{ n: number }>(Q.copyPublication, [wave.id, textArrayParam(omitKeys)]);
  const [published] = await tx.query<Wave>(Q.markPublished, [wave.id]);
  const details = { responses: copied[0]?.n ?? 0, previous: wave.publishedAt };
  await audit(tx, { actor, action: 'wave.publish', subject: wave.id, details });
  return published!;
}

async function requireWave(db: SqlClient, sql: string, waveId: string): Promise<void> {
  const found = await db.query(sql, [waveId]);
  if (found.length === 0) throw new DmError('DM_WAVE_NOT_FOUND', { wave: waveId });
}

function unitsJson(units: readonly RegisterUnit[]): string {
  return JSON.stringify(
    units.map((u) => ({
      ags: u.ags,
      name: u.name,
      state_code: u.stateCode,
      state: u.state,
      district_ags: u.districtAgs,
      district: u.district,
      unit_type: u.unitType,
      source_type: u.sourceType,
      population: u.population,
      area_km2: u.areaKm2,
      size_class: u.sizeClass,
    })),
  );
}

function firstMissing(units: readonly RegisterUnit[], written: readonly { ags: string }[]): string {
  const done = new Set(written.map((row) => row.ags));
  return units.find((unit) => !done.has(unit.ags))?.ags ?? '?';
}
