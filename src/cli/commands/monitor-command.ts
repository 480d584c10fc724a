import { dmError } from '../../errors.js';
import { formatReminderListCsv } from '../../formats/reminder-list-csv.js';
import type { InvitedUnitStatus } from '../../store/store.js';
import { INVITED_STATUS_DE, type RateRow, reminderRows, waveMonitoring } from '../../tasks/wave-monitoring.js';
import type { Command } from '../command.js';
import { printJson } from '../output.js';

const PERCENT = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 });

export const monitorCommand: Command = {
  name: 'monitor',
  summary: 'Rücklauf einer Welle: Stand jeder eingeladenen Kommune, Quoten, Erinnerungsliste',
  help: `Aufruf: digitalmonitor monitor --wave <id> [--json] [--reminders <datei.csv>]

Listet jede Kommune mit aktiver Einladung: AGS, Name, Land, Größenklasse, Stand (nicht begonnen,
in Bearbeitung, abgeschickt) und letzte Aktivität; darunter die Summen und die Rücklaufquoten
(abgeschickt je eingeladen) nach Land und Größenklasse.
  --json                  die Kommunen als JSON
  --reminders <datei>     Erinnerungsliste (alle noch nicht abgeschickten) für deutsches Excel:
                          UTF-8 mit BOM, Semikolon, CRLF; „-“ = Standardausgabe
Im Browser: /verwaltung/wellen/<id> (Anmeldung nötig).
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 4 Welle unbekannt.
`,
  options: { wave: { type: 'string' }, json: { type: 'boolean' }, reminders: { type: 'string' } },
  usesStore: true,
  async run({ io, values, store }) {
    if (typeof values.wave !== 'string') throw dmError('DM_USAGE', { detail: 'monitor braucht --wave <id>.' });
    const monitoring = await waveMonitoring(await store(), values.wave);
    const { units } = monitoring;
    if (typeof values.reminders === 'string') {
      const csv = formatReminderListCsv(reminderRows(units));
      if (values.reminders === '-') io.stdout(csv);
      else await io.writeFile(values.reminders, csv);
      io.stderr(`Erinnerungsliste: ${reminderRows(units).length} Kommune(n) ohne abgeschickte Antwort${values.reminders === '-' ? '' : ` → ${values.reminders}`}.\n`);
      return 0;
    }
    if (values.json) {
      printJson(io, units);
      return 0;
    }
    for (const unit of units) {
      const row = [unit.ags, unit.name ?? '?', unit.stateCode ?? '?', unit.sizeClass ?? '?', INVITED_STATUS_DE[unit.status], unit.lastActivity ?? '–'];
      io.stdout(`${row.join('\t')}\n`);
    }
    const count = (status: InvitedUnitStatus) => units.filter((unit) => unit.status === status).length;
    const totals = (Object.keys(INVITED_STATUS_DE) as InvitedUnitStatus[]).map((status) => `${INVITED_STATUS_DE[status]}: ${count(status)}`);
    io.stdout(`Eingeladen: ${units.length} · ${totals.join(' · ')}\n`);
    io.stdout(`Rücklauf nach Land: ${monitoring.byState.map(rate).join(' · ')}\n`);
    io.stdout(`Rücklauf nach Größenklasse: ${monitoring.bySizeClass.map(rate).join(' · ')}\n`);
    return 0;
  },
};

function rate(row: RateRow): string {
  return `${row.key} ${row.submitted}/${row.invited} (${PERCENT.format(row.invited === 0 ? 0 : row.submitted / row.invited)})`;
}
