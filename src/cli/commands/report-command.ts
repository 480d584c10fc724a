import { dmError } from '../../errors.js';
import { buildReport, type ReportFormat } from '../../tasks/build-report.js';
import type { Command } from '../command.js';
import { requirePositionals } from './require-positionals.js';

const FORMATS: readonly ReportFormat[] = ['html', 'json'];

export const reportCommand: Command = {
  name: 'report',
  summary: 'Bericht einer Welle aus den Daten: HTML (eine Datei) oder JSON (Ergebnisse und Aussagen)',
  help: `Aufruf: digitalmonitor report --wave <id> --format html|json --out <datei>

Schreibt den Bericht der Welle im Aufbau des Berichts von 2019: „Auf einen Blick“, Einleitung und
Methodik, Kapitel 1–6 mit Abb. 1–10, Handlungsempfehlungen, Methodenanhang, Lizenz und Datenquellen.
Jede Zahl im Text ist aus den Antworten berechnet; „häufiger“ steht nur bei p < 0,05.
  --wave <id>       die Welle
  --format html     eine eigenständige HTML-Datei (Standard)
  --format json     das Ergebnisdokument hinter dem Bericht, alle Aussagen und Abbildungsdaten mit IDs
  --out <datei>     Zieldatei; --out - schreibt auf die Standardausgabe
PDF ist noch nicht verfügbar.
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 4 Welle unbekannt, 5 Welle ohne Antworten,
6 Datenbank nicht verfügbar.
`,
  options: { wave: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  usesStore: true,
  async run({ io, values, positionals, store }) {
    requirePositionals(positionals, 0, 0, 'report --wave <id> --format html|json --out <datei>');
    const { wave, format = 'html', out } = values as Record<string, string | undefined>;
    if (!wave || !out) throw dmError('DM_USAGE', { detail: 'report braucht --wave <id> und --out <datei>.' });
    if (!FORMATS.includes(format as ReportFormat)) throw dmError('DM_USAGE', { detail: `--format muss html oder json sein, nicht „${format}“.` });
    const text = await buildReport(await store(), { waveId: wave, format: format as ReportFormat });
    if (out === '-') io.stdout(text);
    else {
      await io.writeFile(out, text);
      io.stderr(`Bericht geschrieben: ${out}\n`);
    }
    return 0;
  },
};
