// An "or" flag (DERIVED_UNIONS_2019: chefsache = chefsache_admin or chefsache_community) publishes counts
// of categories no table shows: per group, flag − part = units with the flag but not that part, and with
// two parts, part + part − flag = units with both. Measured in the 2019 demo at k = 5: 46 such counts
// between 1 and 4 ("in vg_strategy ohne exactly one municipality ..."). Where one would be small, the
// flag's cell in that group is suppressed (before its complementary suppression), so that it is unknown.
// Where all parts but one are published as 0 and the flag equals that part, its cell is known. An
// exclusive "niemand" answer lies within the flag's other value: that cell less it is such a count too.
import type { Union } from '../../instrument/derived-unions-2019.js';
import type { PublishedPattern } from './published-pattern.js';
import { isSmallCount } from './small-count.js';
import type { CellFlags } from './suppress-variable.js';

/** A part of the union: its published pattern and its unweighted counts (0 where its table lacks the group). */
export interface UnionPart {
  readonly pattern: PublishedPattern;
  readonly value: string;
  readonly count: (by: string, group: string) => number;
}

/** The cells a union is built from, as published patterns with counts. */
export interface UnionCellsOf {
  readonly parts: readonly UnionPart[];
  /** Parts of parts that are themselves "or" flags (chefsache: the six options): flag − each is a count too. */
  readonly deeper?: readonly UnionPart[];
  /** Union.none. */
  readonly none?: UnionPart;
}

/** The union's own layout and counts, as variablePattern builds them. */
export interface UnionTables {
  readonly values: readonly string[];
  /** The all table first (groups ['all']) when there is one, then each grouping in index order. */
  readonly tables: readonly { readonly by: string; readonly groups: readonly string[]; readonly counts: readonly (readonly number[])[] }[];
}

/** Cells of the union as its parts fix them: to suppress whatever their count, and known whatever it hides. */
export interface UnionCells {
  readonly forced: CellFlags;
  readonly known: CellFlags;
}

/**
 * `forced`: its value's cell in every column where a count derived from published cells (flag − a
 * published part, part + part − flag with two parts, and the other value − the exclusive answer `none`)
 * is small. `known`: its value's cell where every
 * part is published, at most one is not 0 and the flag equals it — a reader knows the flag there, so hiding
 * it protects nothing and it must never serve as a complement.
 */
export function unionCells(union: Union, cells: UnionCellsOf, own: UnionTables, k: number): UnionCells {
  const { parts, deeper = [], none } = cells;
  const row = own.values.indexOf(union.value);
  // The flag's other value, where an exclusive "nobody" answer lies within it.
  const other = none && own.values.length === 2 ? 1 - row : -1;
  const forced = own.tables.map(({ counts }) => counts.map((line) => line.map(() => false)));
  const known = own.tables.map(({ counts }) => counts.map((line) => line.map(() => false)));
  if (row !== -1) {
    own.tables.forEach(({ by, groups, counts }, t) => {
      groups.forEach((group, g) => {
        const flag = counts[row]![g]!;
        const shown = parts.map((part) => publishedCount(part, by, group));
        const nobody = other !== -1 ? publishedCount(none!, by, group) : undefined;
        const rest = nobody === undefined ? [] : [counts[other]![g]! - nobody];
        const within = deeper.flatMap((part) => {
          const n = publishedCount(part, by, group);
          return n === undefined ? [] : [flag - n];
        });
        if (equalsOnlyPart(flag, shown) && ![...rest, ...within].some((n) => isSmallCount(n, k))) known[t]![row]![g] = true;
        else if ([...derivedCounts(flag, shown), ...rest, ...within].some((n) => isSmallCount(n, k))) forced[t]![row]![g] = true;
      });
    });
  }
  return { forced: asCellFlags(forced, own), known: asCellFlags(known, own) };
}

/** Per-table flags (the all table first, if any) as CellFlags. */
function asCellFlags(flags: boolean[][][], own: UnionTables): CellFlags {
  const hasAll = own.tables[0]?.by === 'all';
  return { all: hasAll ? flags[0]!.map((line) => line[0]!) : own.values.map(() => false), tables: hasAll ? flags.slice(1) : flags };
}

/**
 * Every part shown, at most one not 0, and the flag equal to it (item non-response in another part's
 * question can make the flag smaller: then a reader's guess is wrong and the cell is not known).
 */
function equalsOnlyPart(flag: number, shown: readonly (number | undefined)[]): boolean {
  if (shown.some((n) => n === undefined)) return false;
  const nonZero = (shown as number[]).filter((n) => n > 0);
  return nonZero.length <= 1 && flag === (nonZero[0] ?? 0);
}

/** flag − each published part; with exactly two parts, both published, also their overlap. */
function derivedCounts(flag: number, parts: readonly (number | undefined)[]): number[] {
  const out = parts.flatMap((part) => (part === undefined ? [] : [flag - part]));
  const [a, b] = parts;
  if (parts.length === 2 && a !== undefined && b !== undefined) out.push(a + b - flag);
  return out;
}

/** The part's count in a group where a reader sees it (published or known), else undefined. */
function publishedCount(part: UnionPart, by: string, group: string): number | undefined {
  const { values, tables, suppression } = part.pattern;
  const v = values.indexOf(part.value);
  const table = tables.get(by);
  if (!table) return 0; // no group answered: the table is empty
  const g = table.groups.indexOf(group);
  if (g === -1) return 0; // the group is not listed: nobody there answered
  if (v === -1) return 0;
  if (table.index === 'all') {
    const hidden = suppression.withheld.all || (suppression.all[v]! && !suppression.known?.all[v]);
    return hidden ? undefined : part.count(by, group);
  }
  const t = table.index;
  const hidden = suppression.withheld.tables[t]![g]! || (suppression.tables[t]![v]![g]! && !suppression.known?.tables[t]?.[v]?.[g]);
  return hidden ? undefined : part.count(by, group);
}
