import { dmError } from '../../errors.js';
import { analyze, type ResultsDocument } from '../../tasks/analyze.js';
import { analyzeTrendOfWaves, type TrendDocument } from '../../tasks/analyze-trend.js';
import type { Command, CommandContext } from '../command.js';
import { printJson } from '../output.js';
import { requirePositionals } from './require-positionals.js';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Auswertung einer Welle: alle Kreuztabellen, Intervalle und Tests (Ergebnisdokument)',
  help: `Aufruf: digitalmonitor analyze --wave <id> [--weighted] [--by v1,v2] [--json]
       digitalmonitor analyze --waves <a>,<b>[,…] [--weighted] [--by v1,v2] [--json]

Wertet die abgeschickten Antworten der Welle aus: jede Variable des Fragebogens und jede abgeleitete
Variable nach „all“ und nach den Gruppierungen vg_strategy, vg_egov, vg_community, size_class, state,
unit_type – Anteile mit Wilson-Intervall (95 %), Chi-Quadrat- bzw. Fisher-Test und Cramérs V.
Definitionen: shared/spec/statistics.md; Format: docs/results-document.schema.json.
  --wave <id>     die Welle
  --by v1,v2      weitere Gruppierungen: Namen von Tabellenvariablen (z. B. --by broadband_grade,chefsache)
  --weighted      gewichtet (Raking auf das Gemeindeverzeichnis): Gewichtssummen, Logit-Intervalle
                  und Rao-Scott-F-Test (statistics.md „Weighted“)
  --waves a,b     Entwicklung über zwei oder mehr Wellen (älteste zuerst): je Variable und
                  Gruppierung die Anteile je Welle mit Intervall, Chi-Quadrat-Test Welle × Wert und für
                  0/1-Variablen McNemar-Test der Kommunen, die beide Wellen beantwortet haben (Panel);
                  mit --weighted jede Welle auf ihre eigenen Registerränder gewichtet und Rao-Scott-F-Test
                  Welle × Wert auf den gestapelten Wellen (Panel bleibt ungewichtet)
  --json          das vollständige Ergebnisdokument als JSON auf die Standardausgabe;
                  ohne --json eine Kurzübersicht (Anteile über alle Antwortenden)
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 unbekannte Gruppierung, 4 Welle unbekannt,
5 Welle ohne Antworten oder Wellen nicht vergleichbar, 6 Datenbank nicht verfügbar.
`,
  options: { wave: { type: 'string' }, waves: { type: 'string' }, by: { type: 'string' }, weighted: { type: 'boolean' }, json: { type: 'boolean' } },
  usesStore: true,
  async run({ io, values, positionals, store }) {
    requirePositionals(positionals, 0, 0, 'analyze --wave <id> [--by v1,v2] [--json]');
    const { wave, waves, by } = values as Record<string, string | undefined>;
    if (waves !== undefined) return runTrend({ io, values, store }, waves, byList(by));
    if (!wave) throw dmError('DM_USAGE', { detail: 'analyze braucht --wave <id>.' });
    const doc = await analyze(await store(), { waveId: wave, by: byList(by), weighted: values.weighted === true });
    if (values.json) printJson(io, doc);
    else io.stdout(overview(doc));
    return 0;
  },
};

async function runTrend({ io, values, store }: Pick<CommandContext, 'io' | 'values' | 'store'>, waves: string, by: string[]) {
  if (values.wave !== undefined) throw dmError('DM_USAGE', { detail: '--wave und --waves schließen sich aus.' });
  const waveIds = waves.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const doc = await analyzeTrendOfWaves(await store(), { waveIds, by, weighted: values.weighted === true });
  if (values.json) printJson(io, doc);
  else io.stdout(trendOverview(doc));
  return 0;
}

function byList(by: string | undefined): string[] {
  if (by === undefined) return [];
  const names = by.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw dmError('DM_USAGE', { detail: '--by braucht mindestens einen Variablennamen (z. B. --by chefsache).' });
  return names;
}

function overview(doc: ResultsDocument): string {
  const lines = doc.tables
    .filter((table) => table.by === 'all')
    .map((table) => {
      const base = table.cells[0]?.base ?? 0;
      const shares = table.cells.map((cell) => `${cell.value} ${'share' in cell ? percent(cell.share) : '–'}`);
      return `${table.variable} (Basis ${base}): ${shares.join(' · ') || 'keine Antworten'}`;
    });
  return [
    `Welle ${doc.wave}: ${doc.n} Antworten, ${doc.tables.length} Tabellen (${doc.weighted ? 'gewichtet' : 'ungewichtet'}). Vollständig: --json.`,
    ...lines,
    '',
  ].join('\n');
}

function trendOverview(doc: TrendDocument): string {
  const lines = doc.trends
    .filter((table) => table.by === 'all')
    .map((table) => {
      const shares = doc.waves.map(({ wave }) => {
        const cells = table.cells.filter((cell) => cell.wave === wave);
        const top = cells.find((cell) => cell.value === (cells.length === 2 ? cells[1]!.value : cells[0]?.value));
        return top ? `${wave} ${percent(top.share)}` : `${wave} –`;
      });
      const test = table.changes[0]?.test;
      return `${table.variable}: ${shares.join(' → ')}${test ? ` (p = ${test.p.toPrecision(2).replace('.', ',')})` : ''}`;
    });
  const left = doc.not_comparable.map((entry) => `nicht vergleichbar: ${entry.variable} (${entry.reason})`);
  const head = `Entwicklung ${doc.waves.map((w) => `${w.wave} (${w.n})`).join(' → ')}${doc.weighted ? ', gewichtet' : ''}. Vollständig: --json.`;
  return [head, ...lines, ...left, ''].join('\n');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1).replace('.', ',')} %`;
}
