// The benchmark peer: DuckDB doing the counting work of analyzeWave (every variable × `all` and every
// grouping, missing values left out) on the same WaveData, loaded as one table of UTINYINT columns with
// NULL for MISSING (DuckDB runs on all cores, ours on one). Each formulation reads its counts back into JS and returns their tally, for a check
// against our tables. `variables` (indices) restricts a run to a sample, for extrapolation.
import { DuckDBDataChunk, DuckDBInstance, UTINYINT, type DuckDBConnection, type DuckDBMapValue, type DuckDBValue } from '@duckdb/node-api';
import bindings from '@duckdb/node-bindings';
import type { ResultsTable } from '../src/analysis/results-document.js';
import { MISSING, type WaveData } from '../src/analysis/wave-data.js';

/** DuckDB's vector size: rows per appended data chunk. */
const CHUNK_ROWS = 2048;

export interface DuckWave {
  readonly connection: DuckDBConnection;
  /** Quoted column of each variable, in the order of data.variables. */
  readonly variables: readonly string[];
  /** Quoted column of each grouping (own `by_…` columns, also for the vg_* variables). */
  readonly groupings: readonly string[];
  /** The quoted column of a grouping by name. */
  grouping(name: string): string;
  readonly threads: number;
  readonly version: string;
  /** Appending the columns (not part of any formulation's time). */
  readonly loadSeconds: number;
  close(): void;
}

/** Non-zero counts read back, and their sum. */
export interface Tally {
  readonly cells: number;
  readonly total: number;
}

export type Formulation = (wave: DuckWave, variables: readonly number[]) => Promise<Tally>;

/** Non-zero cells of our value × group tables (the all tables included) and their sum, as DuckDB reads them. */
export function tallyOf(tables: readonly ResultsTable[]): Tally {
  let cells = 0;
  let total = 0;
  for (const table of tables) {
    for (const cell of table.cells) {
      if (!('n' in cell) || cell.n === 0) continue;
      cells++;
      total += cell.n;
    }
  }
  return { cells, total };
}

export async function loadDuckWave(data: WaveData): Promise<DuckWave> {
  const start = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const columns = [...data.variables, ...data.groupings];
  const names = columns.map((variable, c) => `"${c < data.variables.length ? '' : 'by_'}${variable.name}"`);
  await connection.run(`CREATE TABLE wave (${names.map((name) => `${name} UTINYINT`).join(', ')})`);
  const appender = await connection.createAppender('wave');
  const chunk = DuckDBDataChunk.create(columns.map(() => UTINYINT), CHUNK_ROWS);
  const validity = new Uint8Array(CHUNK_ROWS / 8);
  const bytes = new Uint8Array(CHUNK_ROWS); // the bindings take no SharedArrayBuffer (the waves' code columns are on one)
  for (let from = 0; from < data.n; from += CHUNK_ROWS) {
    const rows = Math.min(CHUNK_ROWS, data.n - from);
    chunk.rowCount = rows;
    // Codes and validity go in as bytes: the node-api's per-value setItem (BigInt validity) costs ~150 ns.
    columns.forEach(({ codes }, c) => {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
      bytes.set(codes.subarray(from, from + rows));
      bindings.copy_data_to_vector(vector, 0, bytes.buffer, 0, rows);
      if (fillValidity(validity, codes, from, rows)) {
        bindings.vector_ensure_validity_writable(vector);
        bindings.copy_data_to_vector_validity(vector, 0, validity.buffer, 0, Math.ceil(rows / 64) * 8);
      }
    });
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
  const loadSeconds = Math.round(performance.now() - start) / 1000;
  const [threads, version] = (await connection.runAndReadAll("SELECT current_setting('threads'), version()")).getRows()[0]!;
  return {
    connection,
    threads: Number(threads),
    version: String(version),
    loadSeconds,
    variables: names.slice(0, data.variables.length),
    groupings: names.slice(data.variables.length),
    grouping: (name) => {
      const at = data.groupings.findIndex((grouping) => grouping.name === name);
      if (at < 0) throw new Error(`no grouping ${name}`);
      return names[data.variables.length + at]!;
    },
    close: () => (connection.closeSync(), instance.closeSync()),
  };
}

/** (a) One GROUP BY per (variable, grouping) pair, `all` included. */
const countPairs: Formulation = async (wave, variables) => {
  const tally = tallier();
  for (const v of variables) {
    const variable = wave.variables[v]!;
    for (const by of [undefined, ...wave.groupings]) {
      const sql = by
        ? `SELECT count(*) FROM wave WHERE ${variable} IS NOT NULL AND ${by} IS NOT NULL GROUP BY ${variable}, ${by}`
        : `SELECT count(*) FROM wave WHERE ${variable} IS NOT NULL GROUP BY ${variable}`;
      for (const row of (await wave.connection.runAndReadAll(sql)).getRows()) tally.add(row[0]!);
    }
  }
  return tally.result();
};

/** (b) One query per grouping (and one for `all`) with GROUPING SETS ((g, v1), (g, v2), …). */
const countGroupingSets: Formulation = async (wave, variables) => {
  const tally = tallier();
  const columns = variables.map((v) => wave.variables[v]!);
  for (const by of [undefined, ...wave.groupings]) {
    const sets = columns.map((variable) => (by ? `(${by}, ${variable})` : `(${variable})`)).join(', ');
    const inner = `SELECT ${by ? `${by} AS g, ` : ''}${columns.join(', ')}, count(*) AS n FROM wave GROUP BY GROUPING SETS (${sets})`;
    // UNPIVOT drops NULLs: each row keeps only its own set's variable, and rows of missing values vanish.
    const sql = `SELECT n FROM (UNPIVOT (${inner}) ON ${columns.join(', ')} INTO NAME variable VALUE value)${by ? ' WHERE g IS NOT NULL' : ''}`;
    for (const row of (await wave.connection.runAndReadAll(sql)).getRows()) tally.add(row[0]!);
  }
  return tally.result();
};

/**
 * Further GROUP BY columns of a formulation: none for the unweighted tables; size_class and state for the
 * weighted analysis, whose counting is per raking cell (its weights are constant within one).
 */
type CellColumns = (wave: DuckWave) => readonly string[];
const NO_CELL: CellColumns = () => [];
const RAKING_CELL: CellColumns = (wave) => [wave.grouping('size_class'), wave.grouping('state')];

/** (c) UNPIVOT to long form (variable, value, groupings…), then GROUP BY variable, value and each grouping. */
const longForm =
  (cellColumns: CellColumns): Formulation =>
  async (wave, variables) => {
    const tally = tallier();
    const columns = variables.map((v) => wave.variables[v]!);
    const ids = wave.groupings.map((_, g) => `g${g}`);
    const cellNames = cellColumns(wave);
    const cell = cellNames.map((_, c) => `, c${c}`).join('');
    const keep = [...wave.groupings.map((column, g) => `${column} AS g${g}`), ...cellNames.map((column, c) => `${column} AS c${c}`)].join(', ');
    const long = `SELECT ${keep}, variable, value FROM (UNPIVOT wave ON ${columns.join(', ')} INTO NAME variable VALUE value)`;
    const sets = [`(variable, value${cell})`, ...ids.map((id) => `(variable, value, ${id}${cell})`)].join(', ');
    // grouping(g0, …) has bit (last − g) set where g is not in the set; a grouped NULL g is a missing group.
    const sql = `SELECT grouping(${ids.join(', ')}) AS set_id, ${ids.join(', ')}, count(*) AS n FROM (${long}) GROUP BY GROUPING SETS (${sets})`;
    for (const row of (await wave.connection.runAndReadAll(sql)).getRows()) {
      const set = Number(row[0]);
      const missingGroup = ids.some((_, g) => (set & (1 << (ids.length - 1 - g))) === 0 && row[1 + g] === null);
      if (!missingGroup) tally.add(row[row.length - 1]!);
    }
    return tally.result();
  };

/** (d) One query per grouping (and one for `all`): GROUP BY the grouping, one histogram() per variable. */
const histograms =
  (cellColumns: CellColumns): Formulation =>
  async (wave, variables) => {
    const tally = tallier();
    const aggregates = variables.map((v) => `histogram(${wave.variables[v]!})`).join(', ');
    const cellNames = cellColumns(wave);
    for (const by of [undefined, ...wave.groupings]) {
      const keys = [...(by ? [by] : []), ...cellNames];
      const sql = `SELECT ${aggregates} FROM wave${by ? ` WHERE ${by} IS NOT NULL` : ''}${keys.length ? ` GROUP BY ${keys.join(', ')}` : ''}`;
      for (const row of (await wave.connection.runAndReadAll(sql)).getRows()) {
        for (const cell of row) for (const entry of (cell as DuckDBMapValue | null)?.entries ?? []) tally.add(entry.value);
      }
    }
    return tally.result();
  };

/**
 * (e) One query: GROUP BY all groupings together (the joint key, a few thousand groups), one histogram()
 * per variable; the tables are then summed up from those joint counts in JS — as our crosstabs do.
 */
const jointHistograms =
  (cellColumns: CellColumns): Formulation =>
  async (wave, variables) => {
    const aggregates = variables.map((v) => `histogram(${wave.variables[v]!})`).join(', ');
    const sql = `SELECT ${wave.groupings.join(', ')}, ${aggregates} FROM wave GROUP BY ALL`;
    const groupings = wave.groupings.length;
    // The cell columns are groupings too: their place in each row.
    const cell = cellColumns(wave).map((column) => wave.groupings.indexOf(column));
    // tables.get(`${variable}/${grouping}/${group}/${cell}/${value}`): grouping −1 is `all`.
    const tables = new Map<string, number>();
    const add = (key: string, n: number): void => void tables.set(key, (tables.get(key) ?? 0) + n);
    for (const row of (await wave.connection.runAndReadAll(sql)).getRows()) {
      const at = cell.map((g) => String(row[g])).join(',');
      variables.forEach((v, i) => {
        for (const { key, value } of (row[groupings + i] as DuckDBMapValue | null)?.entries ?? []) {
          const n = Number(value);
          add(`${v}/-1//${at}/${String(key)}`, n);
          for (let g = 0; g < groupings; g++) if (row[g] !== null) add(`${v}/${g}/${String(row[g])}/${at}/${String(key)}`, n);
        }
      });
    }
    const tally = tallier();
    for (const n of tables.values()) tally.add(n);
    return tally.result();
  };

export interface NamedFormulation {
  readonly name: string;
  readonly label: string;
  readonly run: Formulation;
}

export const FORMULATIONS: readonly NamedFormulation[] = [
  { name: 'pairs', label: '(a) GROUP BY je Paar', run: countPairs },
  { name: 'grouping_sets', label: '(b) GROUPING SETS je Gruppierung', run: countGroupingSets },
  { name: 'unpivot', label: '(c) UNPIVOT + GROUP BY', run: longForm(NO_CELL) },
  { name: 'histogram', label: '(d) histogram() je Gruppierung', run: histograms(NO_CELL) },
  { name: 'joint_histogram', label: '(e) histogram() je Kombination aller Gruppierungen + Summen in JS', run: jointHistograms(NO_CELL) },
];
/** (c), (d) and (e) per raking cell: the counting of the weighted analysis, as rakingCellCrosstabs does it. */
export const WEIGHTED_FORMULATIONS: readonly NamedFormulation[] = [
  { name: 'raking_cell_unpivot', label: '(c′) UNPIVOT + GROUP BY … je Raking-Zelle', run: longForm(RAKING_CELL) },
  { name: 'raking_cell_histogram', label: '(d′) histogram() je Gruppierung × Raking-Zelle', run: histograms(RAKING_CELL) },
  { name: 'raking_cell_joint_histogram', label: '(e′) histogram() je Kombination aller Gruppierungen + Summen je Raking-Zelle in JS', run: jointHistograms(RAKING_CELL) },
];

/** Bit i set where row from + i is not MISSING (DuckDB's little-endian uint64 words); false if none is. */
function fillValidity(validity: Uint8Array, codes: Uint8Array, from: number, rows: number): boolean {
  validity.fill(0);
  let missing = false;
  for (let i = 0; i < rows; i++) {
    if (codes[from + i] === MISSING) missing = true;
    else validity[i >> 3]! |= 1 << (i & 7);
  }
  return missing;
}

function tallier(): { add(n: DuckDBValue): void; result(): Tally } {
  let cells = 0;
  let total = 0;
  return {
    add(n) {
      cells++;
      total += Number(n);
    },
    result: () => ({ cells, total }),
  };
}
