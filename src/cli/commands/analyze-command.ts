import { dmError } from '../../errors.js';
import { analyze, type ResultsDocument } from '../../tasks/analyze.js';
import type { Command } from '../command.js';
import { printJson } from '../output.js';
import { requirePositionals } from './require-positionals.js';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Auswertung einer Welle: alle Kreuztabellen, Intervalle und Tests (Ergebnisdokument)',
  help: `Aufruf: digitalmonitor analyze --wave <id> [--weighted] [--by v1,v2] [--json]

Wertet die abgeschickten Antworten der Welle aus: jede Variable des Fragebogens und jede abgeleitete
Variable nach „all“ und nach den Gruppierungen vg_strategy, vg_egov, vg_community, size_class, state,
unit_type – Anteile mit Wilson-Intervall (95 %), Chi-Quadrat- bzw. Fisher-Test und Cramérs V.
Definitionen: shared/spec/statistics.md; Format: docs/results-document.schema.json.
  --wave <id>     die Welle
  --by v1,v2      weitere Gruppierungen: Namen von Tabellenvariablen (z. B. --by broadband_grade,chefsache)
  --weighted      gewichtet (Raking auf das Gemeindeverzeichnis): Gewichtssummen, Logit-Intervalle
                  und Rao-Scott-F-Test (statistics.md „Weighted“)
  --json          das vollständige Ergebnisdokument als JSON auf die Standardausgabe;
                  ohne --json eine Kurzübersicht (Anteile über alle Antwortenden)
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 unbekannte Gruppierung, 4 Welle unbekannt,
5 Welle ohne Antworten, 6 Datenbank nicht verfügbar.
`,
  options: { wave: { type: 'string' }, by: { type: 'string' }, weighted: { type: 'boolean' }, json: { type: 'boolean' } },
  usesStore: true,
  async run({ io, values, positionals, store }) {
    requirePositionals(positionals, 0, 0, 'analyze --wave <id> [--by v1,v2] [--json]');
    const { wave, by } = values as Record<string, string | undefined>;
    if (!wave) throw dmError('DM_USAGE', { detail: 'analyze braucht --wave <id>.' });
    const doc = await analyze(await store(), { waveId: wave, by: byList(by), weighted: values.weighted === true });
    if (values.json) printJson(io, doc);
    else io.stdout(overview(doc));
    return 0;
  },
};

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

function percent(share: number): string {
  return `${(share * 100).toFixed(1).replace('.', ',')} %`;
}
