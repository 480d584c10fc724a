// Results tables as one array of numbers plus their distinct strings, for handing tables between threads:
// structured clone of ~15,000 cell objects costs more than computing half of them (measured: 16 ms for the
// whole weighted document of 412), and a thread that receives cloned objects runs slower on them.
// Round trip is exact: every number is a float64, every object gets its keys in the analysis' order.
import type { CountCell, ResultCell, ResultsTable, TableTest } from './results-document.js';

export interface PackedTables {
  /** `numbers[0 … length − 1]` hold the tables. */
  readonly numbers: Float64Array<ArrayBufferLike>;
  readonly length: number;
  readonly strings: readonly string[];
}

const TABLE_WORDS = 11;
const CELL_WORDS = 7;
const NO_TEST = 0;
const NULL_TEST = 1;
const METHODS = ['chi2', 'fisher', 'rao-scott'] as const;

/** Words needed for `tables`. */
export function packedLength(tables: readonly ResultsTable[]): number {
  let words = 0;
  for (const table of tables) words += TABLE_WORDS + CELL_WORDS * table.cells.length;
  return words;
}

/**
 * @param into where to write (default: a new array of packedLength); a smaller one is replaced by a larger copy
 * @throws RangeError for suppressed cells: only the analysis' own tables are packed
 */
export function packTables(tables: readonly ResultsTable[], into: Float64Array<ArrayBufferLike> = new Float64Array(packedLength(tables))): PackedTables {
  const packer = new TablePacker(into);
  for (const table of tables) {
    packer.begin(table.variable, table.by);
    for (const cell of table.cells) {
      if (!('share' in cell)) throw new RangeError(`Gesperrte Zelle in ${table.variable} × ${table.by}: nur Analyseergebnisse werden gepackt`);
      packer.cell(cell.by, cell.value, cell.n, cell.base, cell.share, cell.ci95);
    }
    packer.end(table.test);
  }
  return packer.packed();
}

/**
 * Packs tables as they are computed (a TableSink of weighted-tables.ts): a helper thread then builds no
 * objects for them, which would survive into its old generation until the job ends (measured at 100,000
 * respondents: the helper's heap grew by 11 MB in its first job).
 */
export class TablePacker {
  private into: Float64Array<ArrayBufferLike>;
  private readonly grow: (words: number) => Float64Array<ArrayBufferLike>;
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private used = 0;
  private table = 0;
  private cells = 0;

  /** @param grow a larger array when `into` is full (default: a plain Float64Array); the words so far are copied over */
  constructor(into: Float64Array<ArrayBufferLike>, grow: (words: number) => Float64Array<ArrayBufferLike> = (words) => new Float64Array(words)) {
    this.into = into;
    this.grow = grow;
  }

  /** The array written into (a grown one after growing). */
  get numbers(): Float64Array<ArrayBufferLike> {
    return this.into;
  }

  begin(variable: string, by: string): void {
    this.reserve(TABLE_WORDS);
    this.table = this.used;
    this.into[this.used] = this.code(variable);
    this.into[this.used + 1] = this.code(by);
    this.used += TABLE_WORDS;
    this.cells = 0;
  }

  cell(by: string, value: string, n: number, base: number, share: number, ci95: readonly [number, number]): void {
    this.reserve(CELL_WORDS);
    const { into, used: o } = this;
    into[o] = this.code(by);
    into[o + 1] = this.code(value);
    into[o + 2] = n;
    into[o + 3] = base;
    into[o + 4] = share;
    into[o + 5] = ci95[0];
    into[o + 6] = ci95[1];
    this.used += CELL_WORDS;
    this.cells++;
  }

  end(test: TableTest | null | undefined): void {
    this.into[this.table + 2] = this.cells;
    packTest(test, this.into, this.table + 3);
  }

  packed(): PackedTables {
    return { numbers: this.into, length: this.used, strings: this.strings };
  }

  private code(text: string): number {
    let at = this.index.get(text);
    if (at === undefined) this.index.set(text, (at = this.strings.push(text) - 1));
    return at;
  }

  private reserve(words: number): void {
    if (this.used + words <= this.into.length) return;
    const larger = this.grow(Math.max(2 * this.into.length, this.used + words, 1 << 12));
    larger.set(this.into.subarray(0, this.used));
    this.into = larger;
  }
}

/** Kind at `at`, then up to seven numbers (rank and full rank −1 when absent). */
function packTest(test: TableTest | null | undefined, into: Float64Array<ArrayBufferLike>, at: number): void {
  into.fill(Number.NaN, at, at + 8);
  if (test === undefined || test === null) {
    into[at] = test === undefined ? NO_TEST : NULL_TEST;
    return;
  }
  into[at] = 2 + METHODS.indexOf(test.method);
  into[at + 1] = test.p;
  into[at + 2] = test.cramers_v;
  if (test.method === 'fisher') return;
  into[at + 3] = test.statistic;
  into[at + 4] = test.df;
  if (test.method === 'chi2') return;
  into[at + 5] = test.ddf;
  into[at + 6] = test.rank_deficient?.rank ?? -1;
  into[at + 7] = test.rank_deficient?.full ?? -1;
}

export function unpackTables({ numbers: x, length, strings }: PackedTables): ResultsTable[] {
  const tables: ResultsTable[] = [];
  let o = 0;
  while (o < length) {
    const variable = strings[x[o]!]!;
    const by = strings[x[o + 1]!]!;
    const count = x[o + 2]!;
    const kind = x[o + 3]!;
    const test = unpackTest(x, o + 3);
    o += TABLE_WORDS;
    const cells: ResultCell[] = new Array<CountCell>(count);
    for (let i = 0; i < count; i++, o += CELL_WORDS) {
      cells[i] = { by: strings[x[o]!]!, value: strings[x[o + 1]!]!, n: x[o + 2]!, base: x[o + 3]!, share: x[o + 4]!, ci95: [x[o + 5]!, x[o + 6]!] };
    }
    tables.push(kind === NO_TEST ? { variable, by, cells } : { variable, by, cells, test });
  }
  return tables;
}

function unpackTest(x: Float64Array<ArrayBufferLike>, at: number): TableTest | null {
  const method = METHODS[x[at]! - 2];
  const [p, cramers_v, statistic, df, ddf, rank, full] = [x[at + 1]!, x[at + 2]!, x[at + 3]!, x[at + 4]!, x[at + 5]!, x[at + 6]!, x[at + 7]!];
  if (method === undefined) return null;
  if (method === 'fisher') return { method, p, cramers_v };
  if (method === 'chi2') return { method, statistic, df, p, cramers_v };
  const test = { method, statistic, df, ddf, p, cramers_v };
  return rank >= 0 ? { ...test, rank_deficient: { rank, full } } : test;
}
