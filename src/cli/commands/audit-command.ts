import { dmError } from '../../errors.js';
import type { Command } from '../command.js';

const REASON_DE = {
  content: 'sein Inhalt passt nicht mehr zu seinem Hash',
  link: 'sein Vorgänger fehlt oder ein Eintrag wurde davor eingefügt',
} as const;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Protokoll anzeigen und seine Hash-Kette prüfen',
  help: `Aufruf: digitalmonitor audit verify [--anchor <hash>]
        digitalmonitor audit list [--limit 50] [--json]

verify   berechnet die Hash-Kette des Protokolls vom ersten bis zum neuesten Eintrag neu. Jeder Eintrag
         trägt den Hash seines Vorgängers: ein veränderter, entfernter oder eingefügter Eintrag bricht die
         Kette. Ausgegeben wird der Hash des neuesten Eintrags; notieren Sie ihn außerhalb der Datenbank
         und prüfen Sie später mit --anchor <hash>, dass er noch in der Kette steht (sonst wurde das
         Protokoll neu geschrieben).
list     die neuesten Einträge (Zeit, Akteur, Aktion, Gegenstand).
Exit-Codes: 0 Kette intakt, 2 Aufruf fehlerhaft, 5 Kette gebrochen oder Anker nicht gefunden.
`,
  options: { anchor: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  usesStore: true,
  async run({ io, positionals, values, store }) {
    const [action, ...rest] = positionals;
    if (rest.length > 0 || (action !== 'verify' && action !== 'list')) throw dmError('DM_USAGE', { detail: 'audit braucht „verify“ oder „list“.' });
    if (action === 'list') {
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw dmError('DM_USAGE', { detail: `--limit „${String(values.limit)}“ ist keine positive ganze Zahl.` });
      const entries = await (await store()).auditLog(limit);
      if (values.json) io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
      else for (const entry of entries) io.stdout(`${entry.at}\t${entry.actor}\t${entry.action}\t${entry.subject}\n`);
      return 0;
    }
    const anchor = typeof values.anchor === 'string' ? values.anchor : undefined;
    const check = await (await store()).verifyAuditChain(anchor);
    if (check.broken) throw dmError('DM_AUDIT_CHAIN_BROKEN', { detail: `Eintrag ${check.broken.id}: ${REASON_DE[check.broken.reason]}.` });
    if (check.anchorFound === false) throw dmError('DM_AUDIT_CHAIN_BROKEN', { detail: `der notierte Stand ${anchor} kommt in der Kette nicht vor; das Protokoll wurde neu geschrieben.` });
    io.stdout(`Protokoll intakt: ${check.entries} Einträge, neuester Hash ${check.head || '–'}\n`);
    return 0;
  },
};
