// The driver port: all the store needs from a database connection (architecture habit 2).

/** Values are sent as text; pass JSON as a string and cast it in SQL (`$1::jsonb`). */
export type SqlParam = string | number | boolean | null;

/**
 * A connection (pool) that speaks Postgres-dialect SQL. Rows come back normalised by the driver:
 * int8 and numeric → number, timestamptz → ISO string, date → 'YYYY-MM-DD', json/jsonb → value.
 */
export interface SqlClient {
  query<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
