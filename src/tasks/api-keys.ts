// API keys per analyst (issue 10): `dm_` + 256 random bits, shown once, stored only as SHA-256; the key
// acts with its account's role. Revocable, optionally expiring; the store audits create and revoke.
import { dmError } from '../errors.js';
import type { ApiKey, Store, User } from '../store/store.js';
import { normalizeEmail } from './analyst-accounts.js';
import { generateSessionId, sha256Hex } from './access-code.js';

const KEY = /^dm_[A-Za-z0-9_-]{43}$/;
const MAX_NAME = 100;

export interface NewApiKeyInput {
  readonly email: string;
  readonly name?: string | undefined;
  /** `YYYY-MM-DD` (valid through that day, UTC) or an ISO timestamp; absent: no expiry. */
  readonly expires?: string | undefined;
}

/** Creates a key for the account; returns the key in clear text (the only time it exists) and its record. */
export async function createApiKey(
  store: Pick<Store, 'userByEmail' | 'createApiKey'>,
  input: NewApiKeyInput,
  actor: string,
  now: Date = new Date(),
): Promise<{ readonly key: string; readonly apiKey: ApiKey }> {
  const user = await store.userByEmail(normalizeEmail(input.email));
  if (!user || user.disabledAt !== null) throw dmError('DM_USER_NOT_FOUND', { email: input.email });
  const name = (input.name ?? 'API').trim();
  if (name === '' || name.length > MAX_NAME) throw dmError('DM_API_KEY_INPUT', { detail: `der Name (--name) braucht 1 bis ${MAX_NAME} Zeichen.` });
  const expiresAt = expiry(input.expires, now);
  const key = `dm_${generateSessionId()}`;
  const apiKey = await store.createApiKey({ userId: user.id, name, keySha256: sha256Hex(key), expiresAt }, actor);
  return { key, apiKey };
}

/** The account behind an `Authorization` header value, or null (missing, malformed, unknown, revoked, expired). */
export async function apiKeyUser(store: Pick<Store, 'apiKeyUser'>, authorization: string | undefined): Promise<{ readonly keyId: number; readonly user: User } | null> {
  const match = /^Bearer (\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match || !KEY.test(match[1]!)) return null;
  return store.apiKeyUser(sha256Hex(match[1]!));
}

function expiry(value: string | undefined, now: Date): string | null {
  if (value === undefined || value === '') return null;
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T23:59:59.999Z`) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(instant)) throw dmError('DM_API_KEY_INPUT', { detail: `Ablaufdatum (--expires) „${value}“ ist kein gültiges Datum (JJJJ-MM-TT).` });
  if (instant <= now.getTime()) throw dmError('DM_API_KEY_INPUT', { detail: `Ablaufdatum (--expires) „${value}“ liegt nicht in der Zukunft.` });
  return new Date(instant).toISOString();
}
