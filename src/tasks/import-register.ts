import { dmError } from '../errors.js';
import { parseRegisterCsv, type RegisterFileNames } from '../formats/register-csv.js';
import { registerChanges } from '../register/register-changes.js';
import type { Store } from '../store/store.js';
import { readCsvFile } from './read-csv-file.js';

export interface RegisterImport {
  readonly gemeinden: Uint8Array;
  readonly kreise?: Uint8Array | undefined;
  /** How messages name the files (the CLI: the paths given); default gemeinden.csv and kreise.csv. */
  readonly files?: RegisterFileNames | undefined;
  /** Gebietsstand of the files (ISO date); shared/data: 2024-12-31. */
  readonly referenceDate: string;
  /** Reference date of the population figures (ISO date); shared/data: 2023-12-31. */
  readonly populationDate: string;
  readonly source: string;
  readonly actor: string;
}

export const DESTATIS_SOURCE =
  'Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys, Gebietsstand 31.12.2024';

/**
 * All rows or none: every malformed row is reported and the old register stays. Returns the counts and
 * what changed against the register replaced (added, removed, changed units).
 */
export async function importRegister(store: Pick<Store, 'replaceRegister' | 'registerUnits'>, input: RegisterImport) {
  const files = input.files ?? { gemeinden: 'gemeinden.csv', kreise: 'kreise.csv' };
  const gemeinden = readCsvFile(input.gemeinden, files.gemeinden);
  const kreise = input.kreise === undefined ? undefined : readCsvFile(input.kreise, files.kreise);
  const { units, issues } = parseRegisterCsv(gemeinden, kreise, files);
  if (issues.length > 0) {
    const named = [...new Set(issues.map((issue) => String(issue.params?.file)))];
    throw dmError('DM_IMPORT_INVALID', { count: issues.length, file: named.join(' und ') }, issues);
  }
  for (const date of [input.referenceDate, input.populationDate]) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw dmError('DM_USAGE', { detail: `Datum „${date}“ ist nicht im Format JJJJ-MM-TT.` });
  }
  const changes = registerChanges(await store.registerUnits(), units);
  await store.replaceRegister({
    referenceDate: input.referenceDate,
    populationDate: input.populationDate,
    source: input.source,
    actor: input.actor,
    units,
  });
  return { units: units.length, districts: units.filter((unit) => unit.unitType === 'landkreis').length, changes };
}
