import { dmError } from '../../errors.js';
import type { Wave } from '../../store/store.js';
import { publicationNote, republicationWarning, republishWave } from '../../tasks/publication.js';
import { setWaveTarget } from '../../tasks/wave-target.js';
import { WAVE_STATUS_DE, createWave, setWaveStatus } from '../../tasks/waves.js';
import type { Command, CommandContext } from '../command.js';
import { printJson } from '../output.js';
import { requirePositionals } from './require-positionals.js';
import { berlinDay } from '../../tasks/berlin-day.js';


export const waveCommand: Command = {
  name: 'wave',
  summary: 'Befragungswellen anlegen, auflisten, öffnen, schließen, veröffentlichen',
  help: `Aufruf:
  digitalmonitor wave create <id> --title <text> [--instrument 2019] [--opens JJJJ-MM-TT] [--closes JJJJ-MM-TT]
  digitalmonitor wave list [--json]
  digitalmonitor wave open <id>      (auch: wieder öffnen)
  digitalmonitor wave close <id>
  digitalmonitor wave publish <id>   (öffentliche Ergebnisse neu veröffentlichen)
  digitalmonitor wave target <id> [--unit-type <arten>] [--state <länder>] [--size-class <klassen>] [--ags <liste> | --ags-file <datei>]

Veröffentlichung: Beim ersten Schließen werden die abgeschickten Antworten als Stand der öffentlichen
Ergebnisse festgehalten (Bericht mit Sperrung, Datenexplorer, offene Daten). Später importierte oder
geänderte Antworten sehen Auswertende sofort, die Öffentlichkeit erst nach „wave publish“: Sonst zeigte der
Unterschied zwischen alter und neuer Fassung die Angaben der neuen Kommunen (docs/disclosure.md).

Zielgruppe (wer eingeladen wird): jede angegebene Liste schränkt ein (Komma-getrennt). Ohne Liste: das
ganze Gemeindeverzeichnis. Arten: kreisfreie_stadt, kreisangehoerige_gemeinde, landkreis; Länder: SH … TH;
Größenklassen: gk1 … gk7, lk1 … lk3; --ags-file: eine Datei mit AGS (durch Zeilenumbruch, Komma oder ; getrennt).

--instrument: eingebaute (2019) oder mit „instrument import“ importierte Fragebogen-Version (Standard 2019).
<id>: 1–40 Zeichen aus Kleinbuchstaben, Ziffern, „-“ und „_“ (z. B. 2025). Daten ohne Uhrzeit gelten als
Kalendertag in Deutschland (Beginn 00:00, Ende 23:59:59 Uhr).
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 ungültige Angabe, 4 Welle unbekannt, 5 Konflikt.
`,
  options: {
    title: { type: 'string' },
    instrument: { type: 'string' },
    opens: { type: 'string' },
    closes: { type: 'string' },
    json: { type: 'boolean' },
    'unit-type': { type: 'string' },
    state: { type: 'string' },
    'size-class': { type: 'string' },
    ags: { type: 'string' },
    'ags-file': { type: 'string' },
  },
  usesStore: true,
  async run(context) {
    const [action, ...rest] = context.positionals;
    if (action === 'create') return create(context, rest);
    if (action === 'list') return list(context, rest);
    if (action === 'target') return target(context, rest);
    if (action === 'open' || action === 'close') {
      const [id] = requirePositionals(rest, 1, 1, `wave ${action} <id>`);
      const wave = await setWaveStatus(await context.store(), id!, action === 'open' ? 'open' : 'closed', 'cli');
      context.io.stdout(`Welle „${wave.id}“ ist jetzt ${WAVE_STATUS_DE[wave.status]}.\n`);
      const note = action === 'open' ? publicationNote(wave) : undefined;
      if (note) context.io.stderr(`${note}\n`);
      return 0;
    }
    if (action === 'publish') {
      const [id] = requirePositionals(rest, 1, 1, 'wave publish <id>');
      context.io.stdout(`${republicationWarning(await republishWave(await context.store(), id!, 'cli'))}\n`);
      return 0;
    }
    throw dmError('DM_USAGE', { detail: `wave erwartet create, list, open, close, publish oder target${action ? `, nicht „${action}“` : ''}.` });
  },
};

async function create({ io, values, store }: CommandContext, rest: readonly string[]) {
  const [id] = requirePositionals(rest, 1, 1, 'wave create <id> --title <text>');
  if (typeof values.title !== 'string') throw dmError('DM_USAGE', { detail: 'wave create braucht --title <text>.' });
  const wave = await createWave(await store(), {
    id: id!,
    title: values.title,
    instrumentVersion: (values.instrument as string | undefined) ?? '2019',
    opens: values.opens as string | undefined,
    closes: values.closes as string | undefined,
  });
  io.stdout(`Welle „${wave.id}“ angelegt (${WAVE_STATUS_DE[wave.status]}, Fragebogen ${wave.instrumentVersion}).\n`);
  return 0;
}

async function target({ io, values, store }: CommandContext, rest: readonly string[]) {
  const [id] = requirePositionals(rest, 1, 1, 'wave target <id> [--unit-type …] [--state …] [--size-class …] [--ags …]');
  const list = (value: unknown) => (typeof value === 'string' ? value.split(/[\s,;]+/).filter((v) => v !== '') : undefined);
  const agsFile = values['ags-file'];
  const ags = typeof agsFile === 'string' ? list(new TextDecoder().decode(await io.readFile(agsFile)).replace(/^\uFEFF/, '')) : list(values.ags);
  const input = { unitTypes: list(values['unit-type']), stateCodes: list(values.state), sizeClasses: list(values['size-class']), ags };
  const result = await setWaveTarget(await store(), id!, input, 'cli');
  io.stdout(`Zielgruppe von Welle „${result.wave.id}“: ${result.units.toLocaleString('de-DE')} Kommunen.\n`);
  return 0;
}

async function list({ io, values, store }: CommandContext, rest: readonly string[]) {
  requirePositionals(rest, 0, 0, 'wave list');
  const waves = await (await store()).listWaves();
  if (values.json) printJson(io, waves);
  else io.stdout(waves.map(waveLine).join('') || 'Keine Wellen.\n');
  return 0;
}

function waveLine(wave: Wave): string {
  // Stored as instants; shown as the German calendar days they were given as (--opens 2025-03-01).
  const period = [wave.opensAt ? berlinDay(wave.opensAt) : '…', wave.closesAt ? berlinDay(wave.closesAt) : '…'].join(' – ');
  return `${wave.id}\t${WAVE_STATUS_DE[wave.status]}\t${period}\t${wave.title}${wave.demo ? ' [Demo]' : ''}\n`;
}
