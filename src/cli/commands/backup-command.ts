import { dmError } from '../../errors.js';
import { createBackup, restoreBackup } from '../../tasks/backup.js';
import type { Command } from '../command.js';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Ganze Datenbank sichern (konsistenter Schnappschuss)',
  help: `Aufruf: digitalmonitor backup --out <datei>

Schreibt alle Tabellen (Verzeichnis, Wellen, Einladungen, Antworten, Konten, Protokoll) in eine
gzip-komprimierte Datei mit Prüfsumme. Mit PostgreSQL (DATABASE_URL) auch während der Server läuft:
die Sicherung liest in einer Transaktion (REPEATABLE READ) und enthält jede Speicherung ganz oder gar nicht.
Die eingebettete Datenbank ist während des Serverbetriebs für die Kommandozeile gesperrt: dann laden
Admins die Sicherung in der Web-Oberfläche unter /verwaltung/sicherung herunter.
Die Datei enthält personenbezogene Daten (Kontaktadressen, Konten): sicher aufbewahren.
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 Datei nicht schreibbar, 6 Datenbank nicht erreichbar.
`,
  options: { out: { type: 'string' } },
  usesStore: true,
  async run({ io, values, store }) {
    const out = values.out;
    if (typeof out !== 'string' || out === '' || out === '-') throw dmError('DM_USAGE', { detail: 'backup braucht --out <datei>.' });
    const backup = await createBackup(await store());
    await io.writeFile(out, backup.bytes);
    io.stderr(`Sicherung geschrieben: ${out} (${backup.tables} Tabellen, ${backup.rows} Zeilen)\n`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Sicherung in eine leere Datenbank zurückspielen',
  help: `Aufruf: digitalmonitor restore <datei>

Spielt eine Sicherung in eine leere Datenbank zurück (neuer Datenordner mit --db, oder eine leere
PostgreSQL-Datenbank über DATABASE_URL), in einer Transaktion: eine abgeschnittene oder veränderte Datei
(Prüfsumme), eine Sicherung eines anderen Datenbankstands oder eine nicht leere Datenbank ändert nichts.
Vorhandene Daten werden nie überschrieben (das Protokoll ist unveränderlich).
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 Datei ungültig, 4 Datei fehlt, 5 anderer Datenbankstand
oder Datenbank nicht leer.
`,
  options: {},
  usesStore: true,
  async run({ io, positionals, store }) {
    const [path, ...rest] = positionals;
    if (path === undefined || rest.length > 0) throw dmError('DM_USAGE', { detail: 'restore braucht genau eine Sicherungsdatei.' });
    const restored = await restoreBackup(await store(), await io.readFile(path), path);
    io.stderr(`Sicherung vom ${restored.createdAt} zurückgespielt: ${restored.tables} Tabellen, ${restored.rows} Zeilen.\n`);
    return 0;
  },
};
