// A variable's published pattern by group label, as suppressResults keeps it for the variables that
// filter, count or recode others, and how another variable's tables line up with it.
import { SIZE_CLASS_NESTING } from '../../register/size-class-nesting.js';
import type { Recode } from '../../instrument/derived-recodes-2019.js';
import type { LinkedPattern, TableLink } from './recoverable-cells.js';
import type { VariableSuppression } from './suppress-variable.js';

/** A variable's pattern by group label: what its own tables publish, and what questions it filters read. */
export interface PublishedPattern {
  readonly values: readonly string[];
  readonly tables: Layout;
  readonly suppression: VariableSuppression;
  /** Its recodes, suppressed before it. */
  readonly children: readonly Child[];
}

/** A recode of a variable with its published pattern. */
export interface Child {
  readonly pattern: PublishedPattern;
  readonly recode: Recode;
}

/** Per grouping (and `all`): the groups listed, and the table's index in the pattern. */
export type Layout = ReadonlyMap<string, { readonly groups: readonly string[]; readonly index: number | 'all' }>;

/** Another variable's pattern located by the columns of `layout` (groups matched by name). */
export function linkedIn(layout: Layout, other: PublishedPattern): LinkedPattern {
  const tables: LinkedPattern['columns']['tables'][number][] = [];
  for (const [by, { groups, index }] of layout) {
    const there = other.tables.get(by);
    if (index !== 'all' && typeof there?.index === 'number') tables[index] = { table: there.index, groups: groups.map((group) => there.groups.indexOf(group)) };
  }
  return { pattern: other.suppression, links: nestingLinks(other.tables), columns: { all: other.tables.has('all'), tables } };
}

/** Size classes nested in unit types: per row, landkreis = lk1 + lk2 + lk3, and so on. */
export function nestingLinks(layout: Layout): TableLink[] {
  const coarse = layout.get('unit_type');
  const fine = layout.get('size_class');
  if (typeof coarse?.index !== 'number' || typeof fine?.index !== 'number') return [];
  const indices = (groups: readonly string[], names: readonly string[]) => names.map((name) => groups.indexOf(name)).filter((g) => g !== -1);
  return SIZE_CLASS_NESTING.map((nest) => ({
    coarse: { table: coarse.index as number, groups: indices(coarse.groups, nest.unitTypes) },
    fine: { table: fine.index as number, groups: indices(fine.groups, nest.sizeClasses) },
  }));
}
