import type { Command } from '../command.js';
import { ensureStarterData } from '../../tasks/ensure-starter-data.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Web-Oberfläche starten (lädt beim ersten Start Gemeindeverzeichnis und Demo-Welle)',
  help: `Aufruf: digitalmonitor serve [--port 3000] [--db <ordner>]

Startet die Web-Oberfläche auf http://localhost:<port>. Ist die Datenbank leer, werden das mitgelieferte
Gemeindeverzeichnis (Destatis) und die synthetische Demo-Welle „2019-demo“ geladen.

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
    const server = await deps.serve(config, db, log);
    log(`Kommunaler Digitalmonitor läuft auf ${server.url}`);
    await server.closed;
    return 0;
  },
};
