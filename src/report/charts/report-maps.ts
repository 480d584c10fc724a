// The report's two maps by Land (issue 5 "Map"): Karte 1 response rate, Karte 2 one indicator: the share of
// units "im E-Government gut aufgestellt" (vg_egov, a flag: with two values it survives suppression in more
// Länder than a multi-valued question). Each: results → map specification + the table that is its text
// alternative. Suppression (public report): the indicator comes from the public results document, and its
// per-Land bases as well as Karte 1's respondents are counts, withheld below k with a complement
// (suppressedCounts), since the total n is published.
import { suppressedCounts } from '../../analysis/disclosure/suppress-counts.js';
import { STATES } from '../../register/states.js';
import { type AnyResults, shareOf } from '../read-results.js';
import type { ResponseRates } from '../response-rates.js';
import type { LandValue, MapSpec } from './laender-map.js';

export interface MapRow {
  readonly state: string;
  /** Numerator (respondents, or units with the indicator); undefined when withheld. */
  readonly count: number | undefined;
  /** Denominator (units of the target population, or respondents answering); undefined when withheld. */
  readonly base: number | undefined;
  readonly share: number | undefined;
}

export interface ReportMap {
  /** 1 or 2 ("Karte 1"). */
  readonly number: number;
  readonly caption: string;
  /** Table column heads: numerator, denominator, share. */
  readonly columns: readonly [string, string, string];
  readonly rows: readonly MapRow[];
  readonly spec: MapSpec;
}

export const MAP_INDICATOR = { variable: 'vg_egov', values: ['true'] } as const;

/** Karte 1 (absent without response-rate data) and Karte 2. */
export function reportMaps(results: AnyResults, rates: ResponseRates | undefined, suppressionK: number | undefined): ReportMap[] {
  return [...(rates ? [responseRateMap(rates, suppressionK)] : []), indicatorMap(results, suppressionK)];
}

function responseRateMap(rates: ResponseRates, k: number | undefined): ReportMap {
  const respondentsOf = STATES.map(({ name }) => rates.byState[name]?.respondents ?? 0);
  const hidden = k === undefined ? [] : suppressedCounts(respondentsOf, k);
  const rows = STATES.map(({ name }, i): MapRow => {
    const { respondents = 0, population = 0 } = rates.byState[name] ?? {};
    const withheld = hidden[i] === true;
    return { state: name, count: withheld ? undefined : respondents, base: population, share: withheld || population === 0 ? undefined : respondents / population };
  });
  return build(1, 'Rücklaufquote nach Ländern', ['Antwortende', 'Kommunen der Grundgesamtheit', 'Rücklaufquote'], 'Rücklaufquote (%)', rows);
}

function indicatorMap(results: AnyResults, k: number | undefined): ReportMap {
  const table = results.tables.find((t) => t.variable === MAP_INDICATOR.variable && t.by === 'state');
  // A public document withholds small bases already (no `base`); a Land without respondents has none either.
  const cellsOf = (name: string) => table?.cells.filter((cell) => cell.by === name) ?? [];
  const withheld = STATES.map(({ name }) => cellsOf(name).some((cell) => cell.base === undefined));
  const bases = STATES.map(({ name }) => cellsOf(name)[0]?.base ?? 0);
  const hidden = k === undefined ? [] : suppressedCounts(bases, k);
  const rows = STATES.map(({ name }, i): MapRow => {
    const found = shareOf(results, { ...MAP_INDICATOR, by: 'state', groups: [name] });
    return { state: name, count: found?.n, base: hidden[i] || withheld[i] ? undefined : bases[i], share: found?.share };
  });
  return build(2, 'Im E-Government gut aufgestellte Kommunen nach Ländern', ['gut aufgestellt', 'Antwortende', 'Anteil'], 'Anteil gut aufgestellt (%)', rows);
}

function build(number: number, caption: string, columns: ReportMap['columns'], legend: string, rows: readonly MapRow[]): ReportMap {
  const values: LandValue[] = STATES.map(({ code, name }, i) => ({ code, name, share: rows[i]!.share }));
  const shown = rows.filter((row) => row.share !== undefined);
  const top = shown.reduce<MapRow | undefined>((best, row) => (best === undefined || row.share! > best.share! ? row : best), undefined);
  const alt = `Karte ${number}: ${caption}. Choroplethenkarte der 16 Länder${
    top ? `; höchster Wert: ${top.state} mit ${Math.round(top.share! * 100)} %` : '; keine Werte ausweisbar'
  }. Alle Werte in der Tabelle unter der Karte.`;
  return { number, caption, columns, rows, spec: { id: `karte-${number}`, alt, legend, values } };
}
