import { dmError } from '../../errors.js';
import type { InvitedUnitStatus } from '../../store/store.js';
import type { Command } from '../command.js';
import { printJson } from '../output.js';

const STATUS_DE: Readonly<Record<InvitedUnitStatus, string>> = {
  not_started: 'nicht begonnen',
  in_progress: 'in Bearbeitung',
  submitted: 'abgeschickt',
};

export const monitorCommand: Command = {
  name: 'monitor',
  summary: 'Rücklauf einer Welle: Stand jeder eingeladenen Kommune',
  help: `Aufruf: digitalmonitor monitor --wave <id> [--json]

Listet jede Kommune mit aktiver Einladung: AGS, Name, Land, Größenklasse, Stand (nicht begonnen,
in Bearbeitung, abgeschickt) und letzte Aktivität; darunter die Summen.
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 4 Welle unbekannt.
`,
  options: { wave: { type: 'string' }, json: { type: 'boolean' } },
  usesStore: true,
  async run({ io, values, store }) {
    if (typeof values.wave !== 'string') throw dmError('DM_USAGE', { detail: 'monitor braucht --wave <id>.' });
    const units = await (await store()).invitedUnits(values.wave);
    if (values.json) {
      printJson(io, units);
      return 0;
    }
    for (const unit of units) {
      const row = [unit.ags, unit.name ?? '?', unit.stateCode ?? '?', unit.sizeClass ?? '?', STATUS_DE[unit.status], unit.lastActivity ?? '–'];
      io.stdout(`${row.join('\t')}\n`);
    }
    const count = (status: InvitedUnitStatus) => units.filter((unit) => unit.status === status).length;
    const totals = (Object.keys(STATUS_DE) as InvitedUnitStatus[]).map((status) => `${STATUS_DE[status]}: ${count(status)}`);
    io.stdout(`Eingeladen: ${units.length} · ${totals.join(' · ')}\n`);
    return 0;
  },
};
