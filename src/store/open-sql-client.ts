// Chooses the driver: PostgreSQL when a URL is given, else PGlite in a folder or in memory.
import { openPglite } from './open-pglite.js';
import { openPostgres } from './open-postgres.js';
import type { SqlClient } from './sql-client.js';

export interface StoreLocation {
  /** PostgreSQL connection URL; wins over `dataDir`. */
  readonly databaseUrl?: string;
  /** PGlite data folder; undefined or 'memory://' for an in-memory database. */
  readonly dataDir?: string;
  /** PostgreSQL only: work in this schema, created if missing (test isolation). */
  readonly schema?: string;
}

export function openSqlClient(location: StoreLocation): Promise<SqlClient> {
  const { databaseUrl, dataDir, schema } = location;
  if (databaseUrl) return openPostgres(databaseUrl, schema === undefined ? {} : { schema });
  return openPglite(dataDir);
}
