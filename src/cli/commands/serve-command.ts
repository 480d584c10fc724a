import type { Command } from '../command.js';
import { ensureStarterData } from '../../tasks/ensure-starter-data.js';
import { purgeExpiredContacts } from '../../tasks/privacy.js';

/** Contact data past its wave's retention period is deleted at start and then this often. */
const PURGE_EVERY_MS = 6 * 3_600_000;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Web-Oberfläche starten (lädt beim ersten Start Gemeindeverzeichnis und Demo-Welle)',
  help: `Aufruf: digitalmonitor serve [--port 3000] [--db <ordner>]

Startet die Web-Oberfläche auf http://localhost:<port>. Ist die Datenbank leer, werden das mitgelieferte
Gemeindeverzeichnis (Destatis) und die synthetischen Demo-Wellen „2019-demo“ und „2021-demo“ geladen.

Optionen:
  --port <zahl>   Port (Standard 3000, oder Umgebungsvariable PORT)
  --db <ordner>   Ordner der eingebetteten Datenbank (Standard ./.digitalmonitor)
Umgebung: DATABASE_URL (PostgreSQL statt eingebetteter Datenbank), HOST (Standard 127.0.0.1), BASE_URL.
Beenden mit Strg+C. Exit-Codes: 0 beendet, 2 Aufruf fehlerhaft, 6 Datenbank nicht verfügbar.
`,
  options: { port: { type: 'string' } },
  usesStore: true,
  async run({ io, deps, config, store }) {
    const db = await store();
    const log = (line: string) => io.stderr(`${line}\n`);
    await ensureStarterData(db, deps.bundledRegister, log);
    const purge = () =>
      purgeExpiredContacts(db, new Date()).then(
        (purged) => purged.forEach((wave) => log(`Aufbewahrungsfrist abgelaufen: Kontaktangaben der Welle „${wave.waveId}“ gelöscht (${wave.responses} Antworten).`)),
        (error: Error) => log(`Löschen abgelaufener Kontaktangaben fehlgeschlagen: ${error.message}`),
      );
    await purge();
    const timer = setInterval(() => void purge(), PURGE_EVERY_MS);
    timer.unref();
    const server = await deps.serve(config, db, log);
    log(`Kommunaler Digitalmonitor läuft auf ${server.url}`);
    await server.closed;
    clearInterval(timer);
    return 0;
  },
};
