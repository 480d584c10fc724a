import { dmError } from '../../errors.js';
import { INSTRUMENT_VERSIONS, instrumentByVersion } from '../../instrument/instrument-by-version.js';
import { flatVariables } from '../../instrument/flat-variables.js';
import type { Command } from '../command.js';
import { printJson } from '../output.js';

export const instrumentCommand: Command = {
  name: 'instrument',
  summary: 'Fragebogen als Daten ausgeben (JSON)',
  help: `Aufruf: digitalmonitor instrument [--version 2019] [--json] [--variables]

Gibt den Fragebogen (Fragen, Optionen, Filterführung, abgeleitete Variablen) als JSON aus.
  --version <v>   Fragebogen-Version (verfügbar: ${INSTRUMENT_VERSIONS.join(', ')})
  --json          JSON ausgeben (Standard)
  --variables     nur die flachen Variablen (CSV-Spalten) mit Wertebereich und Beschriftung
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 4 Version unbekannt.
`,
  options: { version: { type: 'string' }, json: { type: 'boolean' }, variables: { type: 'boolean' } },
  usesStore: false,
  async run({ io, values }) {
    const version = (values.version as string | undefined) ?? '2019';
    const instrument = instrumentByVersion(version);
    if (!instrument) throw dmError('DM_INSTRUMENT_NOT_FOUND', { version });
    printJson(io, values.variables ? flatVariables(instrument) : instrument);
    return 0;
  },
};
