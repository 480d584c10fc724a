// The composition of a ready store: driver → migrations → SqlStore.
import { migrate } from './migrate.js';
import { openSqlClient, type StoreLocation } from './open-sql-client.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './store.js';

/**
 * Opens the database and brings its schema up to date.
 *
 * @example
 *   const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
 */
export async function openStore(location: StoreLocation): Promise<Store> {
  const client = await openSqlClient(location);
  try {
    await migrate(client);
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
  return new SqlStore(client);
}
