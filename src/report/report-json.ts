// The JSON report (issue 5 "JSON"): the results document behind the report, every generated statement
// with its id, the published figures it states and its numbers, and every figure's data by figure id.
import { reportFigures } from './charts/report-figures.js';
import type { ReportMeta } from './html/report-page.js';
import type { AnyResults } from './read-results.js';
import { buildStatements, type Statement } from './statements.js';

export interface ReportJson {
  readonly title: string;
  readonly wave: string;
  readonly demo: boolean;
  readonly period: string | null;
  readonly statements: readonly Statement[];
  readonly figures: readonly {
    readonly id: string;
    readonly number: number;
    readonly caption: string;
    readonly base: string;
    readonly rows: readonly { readonly label: string; readonly series?: string; readonly share: number }[];
  }[];
  readonly results: AnyResults;
}

export function reportJson(results: AnyResults, meta: ReportMeta): ReportJson {
  return {
    title: meta.title,
    wave: results.wave,
    demo: meta.demo,
    period: meta.period ?? null,
    statements: buildStatements(results),
    figures: reportFigures(results).map((figure) => ({
      id: figure.spec.id,
      number: figure.number,
      caption: `Abb. ${figure.number}: ${figure.caption}`,
      base: figure.base,
      rows: figure.spec.rows,
    })),
    results,
  };
}
