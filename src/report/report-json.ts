// The JSON report (issue 5 "JSON"): the results document behind the report, every generated statement
// with its id, the published figures it states and its numbers, and every figure's data by figure id.
import { reportFigures } from './charts/report-figures.js';
import { type MapRow, reportMaps } from './charts/report-maps.js';
import type { ReportMeta } from './html/report-page.js';
import type { AnyResults } from './read-results.js';
import type { ResponseRates } from './response-rates.js';
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
    /** The wave's questionnaire lacks some of the figure's questions (issue 9). */
    readonly notAsked?: true;
  }[];
  readonly maps: readonly {
    readonly id: string;
    readonly number: number;
    readonly caption: string;
    readonly columns: readonly string[];
    readonly rows: readonly MapRow[];
  }[];
  /** Respondents and target population by Land; null in the public version (its map rows hold what may be shown). */
  readonly responseRates: ResponseRates | null;
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
      ...(figure.notAsked ? { notAsked: figure.notAsked } : {}),
    })),
    maps: reportMaps(results, meta.responseRates, meta.suppressionK).map((map) => ({
      id: map.spec.id,
      number: map.number,
      caption: `Karte ${map.number}: ${map.caption}`,
      columns: map.columns,
      rows: map.rows,
    })),
    responseRates: meta.suppressionK === undefined ? (meta.responseRates ?? null) : null,
    results,
  };
}
