// The composition of a ready store: driver → migrations → SqlStore.
import { migrate } from './migrate.js';
import { openSqlClient, type StoreLocation } from './open-sql-client.js';
import { SqlStore } from './sql-store.js';
import { secretBox } from './totp-secret-box.js';
import type { Store } from './store.js';

export interface StoreOptions extends StoreLocation {
  /** DIGITALMONITOR_SECRET_KEY: TOTP secrets are stored sealed with it, plain ones sealed on opening. */
  readonly secretKey?: string | undefined;
}

/**
 * Opens the database and brings its schema up to date.
 *
 * @example
 *   const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, secretKey: config.secretKey });
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const client = await openSqlClient(options);
  try {
    await migrate(client);
    const store = new SqlStore(client, options.secretKey === undefined ? undefined : secretBox(options.secretKey));
    await store.sealPlainTotpSecrets();
    return store;
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}
