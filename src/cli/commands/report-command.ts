import { dmError } from '../../errors.js';
import { buildReport, buildReportPdf, type ReportFormat } from '../../tasks/build-report.js';
import type { Command } from '../command.js';
import { requirePositionals } from './require-positionals.js';

const FORMATS: readonly (ReportFormat | 'pdf')[] = ['html', 'json', 'pdf'];

export const reportCommand: Command = {
  name: 'report',
  summary: 'Bericht einer Welle aus den Daten: HTML (eine Datei), PDF oder JSON (Ergebnisse und Aussagen)',
  help: `Aufruf: digitalmonitor report --wave <id> --format html|pdf|json --out <datei> [--oeffentlich]

Schreibt den Bericht der Welle im Aufbau des Berichts von 2019: „Auf einen Blick“, Einleitung und
Methodik, Kapitel 1–6 mit Abb. 1–10, Karte, Handlungsempfehlungen, Methodenanhang, Lizenz und
Datenquellen. Jede Zahl im Text ist aus den Antworten berechnet; „häufiger“ steht nur bei p < 0,05.
  --wave <id>       die Welle
  --format html     eine eigenständige HTML-Datei (Standard)
  --format pdf      PDF (A4, Seitenzahlen, Lesezeichen, barrierefrei getaggt) über Chromium (/usr/bin/chromium)
  --format json     das Ergebnisdokument hinter dem Bericht, alle Aussagen und Abbildungsdaten mit IDs
  --out <datei>     Zieldatei; --out - schreibt auf die Standardausgabe (nicht bei PDF)
  --oeffentlich     die öffentliche Fassung wie unter /bericht/<welle>: kleine Fallzahlen gesperrt
                    (nur für geschlossene Wellen); ohne diese Option zeigt der Bericht alle Zellen
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 Ausgabe nicht schreibbar, 4 Welle unbekannt,
5 Welle ohne Antworten oder (--oeffentlich) noch nicht geschlossen, 6 Datenbank nicht verfügbar.
`,
  options: { wave: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, oeffentlich: { type: 'boolean' } },
  usesStore: true,
  async run({ io, deps, values, positionals, store }) {
    requirePositionals(positionals, 0, 0, 'report --wave <id> --format html|pdf|json --out <datei>');
    const { wave, format = 'html', out } = values as Record<string, string | undefined>;
    const published = values.oeffentlich === true;
    if (!wave || !out) throw dmError('DM_USAGE', { detail: 'report braucht --wave <id> und --out <datei>.' });
    if (!FORMATS.includes(format as ReportFormat)) throw dmError('DM_USAGE', { detail: `--format muss html, pdf oder json sein, nicht „${format}“.` });
    if (format === 'pdf' && out === '-') throw dmError('DM_USAGE', { detail: 'PDF braucht eine Zieldatei (--out bericht.pdf), nicht die Standardausgabe.' });
    const content =
      format === 'pdf'
        ? await buildReportPdf(await store(), { waveId: wave, public: published }, deps.printPdf)
        : await buildReport(await store(), { waveId: wave, format: format as ReportFormat, public: published });
    if (out === '-') io.stdout(content as string);
    else {
      await io.writeFile(out, content);
      io.stderr(`Bericht geschrieben: ${out}\n`);
    }
    return 0;
  },
};
