import { dmError } from '../../errors.js';
import { buildProfile, type ProfileFormat } from '../../tasks/build-profile.js';
import { buildProfileArchive } from '../../tasks/build-profile-archive.js';
import type { Command } from '../command.js';
import { requirePositionals } from './require-positionals.js';

const FORMATS: readonly ProfileFormat[] = ['html', 'json', 'pdf'];

export const profileCommand: Command = {
  name: 'profile',
  summary: 'Digitalprofil einer Kommune (HTML, JSON, PDF) oder alle Profile einer Welle als ZIP mit PDFs',
  help: `Aufruf: digitalmonitor profile --wave <id> --ags <ags> --format html|json|pdf --out <datei>
        digitalmonitor profile --wave <id> --all --out <profile.zip>

Das Digitalprofil einer teilnehmenden Kommune: Punkte je Bereich (0–100) mit Anteil beantworteter Fragen,
Vergleich mit allen Befragten, Größenklasse, Land und Art (Perzentil, Verteilung; Gruppen unter der
Mindestfallzahl der Welle werden zusammengefasst), Vergleichsgruppen des Berichts, zutreffende
Handlungsempfehlungen mit nächsten Schritten, Kommunen für den Erfahrungsaustausch (nur mit Zustimmung)
und die Veränderung seit der letzten Welle. Formeln: docs/digitalprofil.md.
  --wave <id>       die Welle
  --ags <ags>       die Kommune (8 Ziffern)
  --format html     eigenständige HTML-Datei (Standard); json: alle Werte; pdf: A4 über Chromium
  --all             alle Profile der Welle als ZIP mit je einer PDF-Datei (nur mit --out <datei>)
  --out <datei>     Zieldatei; --out - schreibt HTML oder JSON auf die Standardausgabe
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 AGS ungültig, 4 Welle unbekannt oder Kommune hat in der
Welle nicht geantwortet, 5 Welle hat weniger Antworten als ihre Mindestfallzahl, 6 Datenbank nicht verfügbar.
`,
  options: { wave: { type: 'string' }, ags: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, all: { type: 'boolean' } },
  usesStore: true,
  async run({ io, values, positionals, store, deps }) {
    requirePositionals(positionals, 0, 0, 'profile --wave <id> --ags <ags> --format html|json|pdf --out <datei>');
    const { wave, ags, format = 'html', out } = values as Record<string, string | undefined>;
    if (!wave || !out) throw dmError('DM_USAGE', { detail: 'profile braucht --wave <id> und --out <datei>.' });
    if (values.all === true) {
      if (ags !== undefined || values.format !== undefined) throw dmError('DM_USAGE', { detail: '--all schreibt alle Profile als PDF; --ags und --format passen nicht dazu.' });
      if (out === '-') throw dmError('DM_USAGE', { detail: '--all braucht eine Zieldatei (--out profile.zip).' });
      const printer = deps.openPdfPrinter ? await deps.openPdfPrinter() : { print: deps.printPdf, close: async () => {} };
      const archive = await buildProfileArchive(await store(), wave, (html, options) => printer.print(html, options)).finally(() => printer.close());
      await io.writeFile(out, archive.zip);
      io.stderr(`${archive.count} Digitalprofile geschrieben: ${out}\n`);
      return 0;
    }
    if (!ags) throw dmError('DM_USAGE', { detail: 'profile braucht --ags <ags> oder --all.' });
    if (!FORMATS.includes(format as ProfileFormat)) throw dmError('DM_USAGE', { detail: `--format muss html, json oder pdf sein, nicht „${format}“.` });
    if (format === 'pdf' && out === '-') throw dmError('DM_USAGE', { detail: 'PDF braucht eine Zieldatei (--out profil.pdf).' });
    const input = { waveId: wave, ags, actor: 'cli' };
    const output = format === 'pdf' ? await buildProfile(await store(), { ...input, format: 'pdf' }, deps.printPdf) : await buildProfile(await store(), { ...input, format: format as 'html' | 'json' });
    if (out === '-') io.stdout(output as string);
    else {
      await io.writeFile(out, output);
      io.stderr(`Digitalprofil geschrieben: ${out}\n`);
    }
    return 0;
  },
};
