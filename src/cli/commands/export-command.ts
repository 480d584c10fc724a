import { dmError } from '../../errors.js';
import { exportResponsesCsv } from '../../tasks/export-responses.js';
import type { Command } from '../command.js';

const FORMATS = ['csv'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Mikrodaten exportieren (flache CSV)',
  help: `Aufruf: digitalmonitor export --wave <id> --format csv --out <datei>

Schreibt die Antworten der Welle im flachen CSV-Format, das import-responses wieder einliest
(Import → Export → Import ergibt dieselbe Datei). Freitexte, die mit =, +, -, @, Tabulator oder
Wagenrücklauf beginnen, werden mit einem vorangestellten ' entschärft (Formel-Injektion).
Mit --out - wird auf die Standardausgabe geschrieben.
  --format   csv (weitere Formate folgen: xlsx, spss, r, codebook)
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 4 Welle unbekannt.
`,
  options: { wave: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  usesStore: true,
  async run({ io, values, store }) {
    const { wave, format = 'csv', out } = values as Record<string, string | undefined>;
    if (!wave || !out) throw dmError('DM_USAGE', { detail: 'export braucht --wave <id> und --out <datei>.' });
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw dmError('DM_USAGE', { detail: `Format „${format}“ wird nicht unterstützt (verfügbar: ${FORMATS.join(', ')}).` });
    }
    const { csv, demo } = await exportResponsesCsv(await store(), wave);
    if (demo) io.stderr(`Hinweis: Welle „${wave}“ enthält synthetische Demo-Daten, keine Angaben echter Kommunen.\n`);
    if (out === '-') io.stdout(csv);
    else {
      await io.writeFile(out, csv);
      io.stderr(`Export geschrieben: ${out}\n`);
    }
    return 0;
  },
};
