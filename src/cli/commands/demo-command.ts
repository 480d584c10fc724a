import { formatDemoRegisterCsv } from '../../demo/format-demo-register-csv.js';
import { formatResponsesCsv } from '../../formats/responses-csv.js';
import { instrument2019 } from '../../instrument/waves/instrument-2019.js';
import { DEMO_WAVE_ID, createDemoWave } from '../../tasks/create-demo-wave.js';
import { DEMO_WAVE_2021_ID, createDemoWave2021 } from '../../tasks/create-demo-wave-2021.js';
import { DESTATIS_SOURCE, importRegister } from '../../tasks/import-register.js';
import type { Command } from '../command.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Synthetische Demo-Wellen „2019-demo“ und „2021-demo“ (neu) anlegen, optional als CSV ausgeben',
  help: `Aufruf: digitalmonitor demo [--csv <antworten.csv>] [--register <einheiten.csv>]

Legt die Demo-Welle „${DEMO_WAVE_ID}“ neu an: 412 synthetische Kommunen mit Pseudonymen („Musterstadt 017“)
und Antworten, die jede Zahl des Berichts von 2019 reproduzieren; deterministisch (fester Startwert).
Dazu die zweite Demo-Welle „${DEMO_WAVE_2021_ID}“ (Trends): 247 dieser Kommunen noch einmal, 165 neue, mit
Fortschritt (z. B. mehr Kommunen mit Digitalisierungsstrategie). --csv/--register beziehen sich auf „${DEMO_WAVE_ID}“.
Ist noch kein Gemeindeverzeichnis geladen, wird das mitgelieferte geladen.
  --csv <datei>        die Antworten als flache CSV (wie export --format csv)
  --register <datei>   die pseudonymen Einheiten im Format von gemeinden.csv
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 6 Datenbank nicht verfügbar.
`,
  options: { csv: { type: 'string' }, register: { type: 'string' } },
  usesStore: true,
  async run({ io, deps, values, store }) {
    const db = await store();
    if (!(await db.registerInfo())) {
      const files = await deps.bundledRegister();
      await importRegister(db, { ...files, referenceDate: '2024-12-31', populationDate: '2023-12-31', source: DESTATIS_SOURCE, actor: 'cli' });
    }
    const demo = await createDemoWave(db, 'cli');
    io.stdout(`Demo-Welle „${DEMO_WAVE_ID}“ angelegt: ${demo.responses.length} synthetische Antworten (keine echten Kommunen).\n`);
    const second = await createDemoWave2021(db, 'cli');
    io.stdout(`Demo-Welle „${DEMO_WAVE_2021_ID}“ angelegt: ${second.responses.length} synthetische Antworten, davon ${second.responses.length - second.units.filter((u) => demo.units.some((d) => d.ags === u.ags)).length} neue Kommunen.\n`);
    if (typeof values.csv === 'string') await io.writeFile(values.csv, formatResponsesCsv(instrument2019, demo.responses));
    if (typeof values.register === 'string') await io.writeFile(values.register, formatDemoRegisterCsv(demo.units));
    return 0;
  },
};
