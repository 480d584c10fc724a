// An analysts' results document straight from respondents given as the values of every variable and
// grouping, for disclosure tests that need no questionnaire.
import type { CountCell, ResultsDocument, ResultsTable } from '../../src/analysis/results-document.js';

/** A respondent as the values of every variable and grouping. */
export type Respondent = Readonly<Record<string, string>>;

export interface Variable {
  readonly name: string;
  readonly values: readonly string[];
}

/** The analysts' document: every variable by all and by each grouping (groups with units only). */
export function documentOf(respondents: readonly Respondent[], variables: readonly Variable[], groupings: readonly string[]): ResultsDocument {
  const tables: ResultsTable[] = [];
  for (const { name, values } of variables) {
    for (const by of ['all', ...groupings]) {
      const groupOf = (r: Respondent) => (by === 'all' ? 'all' : r[by]!);
      const groups = [...new Set(respondents.map(groupOf))].sort();
      const cells = groups.flatMap((group): CountCell[] => {
        const members = respondents.filter((r) => groupOf(r) === group);
        return values.map((value) => {
          const n = members.filter((r) => r[name] === value).length;
          return { by: group, value, n, base: members.length, share: n / members.length, ci95: [0, 1] };
        });
      });
      tables.push({ variable: name, by, cells });
    }
  }
  return { wave: 'test', n: respondents.length, weighted: false, tables };
}
