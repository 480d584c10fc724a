import { dmError } from '../../errors.js';
import type { Wave } from '../../store/store.js';
import { WAVE_STATUS_DE, createWave, setWaveStatus } from '../../tasks/waves.js';
import type { Command, CommandContext } from '../command.js';
import { printJson } from '../output.js';
import { requirePositionals } from './require-positionals.js';


export const waveCommand: Command = {
  name: 'wave',
  summary: 'Befragungswellen anlegen, auflisten, öffnen, schließen',
  help: `Aufruf:
  digitalmonitor wave create <id> --title <text> [--instrument 2019] [--opens JJJJ-MM-TT] [--closes JJJJ-MM-TT]
  digitalmonitor wave list [--json]
  digitalmonitor wave open <id>      (auch: wieder öffnen)
  digitalmonitor wave close <id>

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
  },
  usesStore: true,
  async run(context) {
    const [action, ...rest] = context.positionals;
    if (action === 'create') return create(context, rest);
    if (action === 'list') return list(context, rest);
    if (action === 'open' || action === 'close') {
      const [id] = requirePositionals(rest, 1, 1, `wave ${action} <id>`);
      const wave = await setWaveStatus(await context.store(), id!, action === 'open' ? 'open' : 'closed');
      context.io.stdout(`Welle „${wave.id}“ ist jetzt ${WAVE_STATUS_DE[wave.status]}.\n`);
      return 0;
    }
    throw dmError('DM_USAGE', { detail: `wave erwartet create, list, open oder close${action ? `, nicht „${action}“` : ''}.` });
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

async function list({ io, values, store }: CommandContext, rest: readonly string[]) {
  requirePositionals(rest, 0, 0, 'wave list');
  const waves = await (await store()).listWaves();
  if (values.json) printJson(io, waves);
  else io.stdout(waves.map(waveLine).join('') || 'Keine Wellen.\n');
  return 0;
}

function waveLine(wave: Wave): string {
  const period = [wave.opensAt?.slice(0, 10) ?? '…', wave.closesAt?.slice(0, 10) ?? '…'].join(' – ');
  return `${wave.id}\t${WAVE_STATUS_DE[wave.status]}\t${period}\t${wave.title}${wave.demo ? ' [Demo]' : ''}\n`;
}
