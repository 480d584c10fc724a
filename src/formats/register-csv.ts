// gemeinden.csv + kreise.csv (shared/data/README.md) → register units. All issues, never a throw.
import type { Issue } from '../instrument/issues.js';
import { sizeClassFor } from '../register/size-class.js';
import { stateByCode } from '../register/states.js';
import type { RegisterUnit, UnitType } from '../register/unit.js';
import { districtUnitType, municipalityUnitType } from '../register/unit-type-for.js';
import { parseCsv } from './csv-text.js';

const GEMEINDEN_COLUMNS = ['ags', 'name', 'state_code', 'state', 'district_ags', 'district', 'type', 'population', 'area_km2'] as const;
const KREISE_COLUMNS = ['district_ags', 'name', 'state_code', 'state', 'type', 'municipalities', 'population', 'area_km2'] as const;

type Record_<C extends string> = Readonly<Record<C, string>> & { readonly row: number };

export interface RegisterParse {
  readonly units: RegisterUnit[];
  /** Each issue carries `params.file` (one of the file names) and a `[row, column]` path. */
  readonly issues: Issue[];
}

/** The names the messages give the two files (default: the formats' own names). */
export interface RegisterFileNames {
  readonly gemeinden: string;
  readonly kreise: string;
}

const FORMAT_NAMES: RegisterFileNames = { gemeinden: 'gemeinden.csv', kreise: 'kreise.csv' };

export function parseRegisterCsv(gemeindenText: string, kreiseText?: string, files: RegisterFileNames = FORMAT_NAMES): RegisterParse {
  const issues: Issue[] = [];
  const gemeinden = readTable(gemeindenText, GEMEINDEN_COLUMNS, files.gemeinden, issues);
  const kreise = kreiseText === undefined ? [] : readTable(kreiseText, KREISE_COLUMNS, files.kreise, issues);
  const units: RegisterUnit[] = [];
  for (const record of gemeinden) {
    const unit = municipalityUnit(record, files.gemeinden, issues);
    if (unit) units.push(unit);
  }
  const districtNames = new Map(kreise.map((record) => [record.district_ags, record.name]));
  for (const record of kreise) {
    const unit = districtUnit(record, files.kreise, issues);
    if (unit) units.push(unit);
  }
  if (kreiseText !== undefined) checkDistrictsKnown(gemeinden, districtNames, files.gemeinden, issues);
  checkDuplicates(gemeinden, kreise, files, issues);
  return { units: issues.length === 0 ? units : [], issues };
}

function readTable<C extends string>(
  text: string,
  columns: readonly C[],
  file: string,
  issues: Issue[],
): Record_<C>[] {
  const parsed = parseCsv(text);
  const fileIssues = (more: readonly Issue[]) => issues.push(...more.map((issue) => withFile(issue, file)));
  fileIssues(parsed.issues);
  if (parsed.issues.length > 0) return [];
  const names = parsed.header.map((name) => name.trim());
  const index = new Map(names.map((name, i) => [name, i]));
  const missing = columns.filter((column) => !index.has(column));
  const unknown = names.filter((name) => !(columns as readonly string[]).includes(name));
  const duplicates = names.flatMap((name, i) => (names.indexOf(name) === i ? [] : [{ name, first: names.indexOf(name) + 1, position: i + 1 }]));
  fileIssues(missing.map((column) => ({ code: 'missing_column', path: [1, column], params: { column } })));
  fileIssues(unknown.map((column) => ({ code: 'unknown_column', path: [1, column], params: { column } })));
  fileIssues(duplicates.map(({ name, first, position }) => ({ code: 'duplicate_column', path: [1, name], params: { column: name, first, position } })));
  if (missing.length > 0 || unknown.length > 0 || duplicates.length > 0) return [];
  // A row of another width has shifted cells (e.g. a decimal comma in area_km2): refused, never guessed.
  const widths = parsed.rows.flatMap((cells, i) => (cells.length === names.length ? [] : [{ code: 'wrong_column_count' as const, path: [i + 2], params: { expected: names.length, actual: cells.length } }]));
  fileIssues(widths);
  if (widths.length > 0) return [];
  return parsed.rows.map((cells, i) => {
    const record: Record<string, string | number> = { row: i + 2 };
    for (const column of columns) record[column] = (cells[index.get(column)!] ?? '').trim();
    return record as Record_<C>;
  });
}

function municipalityUnit(record: Record_<(typeof GEMEINDEN_COLUMNS)[number]>, file: string, issues: Issue[]): RegisterUnit | null {
  const at = (column: string, code: Issue['code'], value: string) =>
    issues.push({ code, path: [record.row, column], params: { file: file, value } });
  const before = issues.length;
  if (!/^\d{8}$/.test(record.ags)) at('ags', 'invalid_ags', record.ags);
  const state = checkState(record, file, issues);
  if (state && !record.ags.startsWith(state.agsPrefix)) at('ags', 'invalid_ags', record.ags);
  if (record.district_ags !== record.ags.slice(0, 5)) at('district_ags', 'invalid_ags', record.district_ags);
  requireText(record, ['name', 'district'], file, issues);
  // A Landkreis row in this format (demo register files) keeps its padded Kreis key "…000".
  const unitType =
    districtUnitType(record.type) === 'landkreis' && record.ags.endsWith('000')
      ? 'landkreis'
      : municipalityUnitType(record.type, record.state_code);
  if (!unitType) at('type', 'unknown_unit_type', record.type);
  const population = integerAt(record, 'population', file, issues);
  const area = decimalAt(record, 'area_km2', file, issues);
  if (issues.length > before || !state || !unitType) return null;
  return unitOf(record, { ags: record.ags, unitType, district: record.district, population, area });
}

function districtUnit(record: Record_<(typeof KREISE_COLUMNS)[number]>, file: string, issues: Issue[]): RegisterUnit | null {
  const before = issues.length;
  const state = checkState(record, file, issues);
  if (!/^\d{5}$/.test(record.district_ags) || (state && !record.district_ags.startsWith(state.agsPrefix))) {
    issues.push({ code: 'invalid_ags', path: [record.row, 'district_ags'], params: { file: file, value: record.district_ags } });
  }
  requireText(record, ['name'], file, issues);
  const unitType = districtUnitType(record.type);
  if (unitType === undefined) {
    issues.push({ code: 'unknown_unit_type', path: [record.row, 'type'], params: { file: file, value: record.type } });
  }
  integerAt(record, 'municipalities', file, issues);
  const population = integerAt(record, 'population', file, issues);
  const area = decimalAt(record, 'area_km2', file, issues);
  if (issues.length > before || !state || !unitType) return null;
  const ags = `${record.district_ags}000`;
  return unitOf(record, { ags, unitType, district: record.name, population, area });
}

function unitOf(
  record: { readonly name: string; readonly state_code: string; readonly state: string; readonly district_ags: string; readonly type: string },
  fields: { ags: string; unitType: UnitType; district: string; population: number; area: number },
): RegisterUnit {
  return {
    ags: fields.ags,
    name: record.name,
    stateCode: record.state_code,
    state: record.state,
    districtAgs: record.district_ags,
    district: fields.district,
    unitType: fields.unitType,
    sourceType: record.type,
    population: fields.population,
    areaKm2: fields.area,
    sizeClass: sizeClassFor(fields.unitType, fields.population),
    synthetic: false,
  };
}

function checkState(record: { row: number; state_code: string; state: string }, file: string, issues: Issue[]) {
  const state = stateByCode(record.state_code);
  if (!state || state.name !== record.state) {
    const column = state ? 'state' : 'state_code';
    issues.push({ code: 'unknown_state', path: [record.row, column], params: { file, value: state ? record.state : record.state_code } });
    return undefined;
  }
  return state;
}

function requireText(record: Readonly<Record<string, string | number>>, columns: readonly string[], file: string, issues: Issue[]) {
  for (const column of columns) {
    if (record[column] === '') issues.push({ code: 'missing_value', path: [record.row as number, column], params: { file } });
  }
}

function integerAt(record: Readonly<Record<string, string | number>>, column: string, file: string, issues: Issue[]): number {
  const value = String(record[column]);
  if (/^\d{1,9}$/.test(value)) return Number(value);
  issues.push({ code: 'invalid_integer', path: [record.row as number, column], params: { file, value } });
  return 0;
}

function decimalAt(record: Readonly<Record<string, string | number>>, column: string, file: string, issues: Issue[]): number {
  const value = String(record[column]);
  if (/^\d{1,7}(\.\d{1,6})?$/.test(value)) return Number(value);
  issues.push({ code: 'invalid_decimal', path: [record.row as number, column], params: { file, value } });
  return 0;
}

function checkDistrictsKnown(
  gemeinden: readonly Record_<(typeof GEMEINDEN_COLUMNS)[number]>[],
  districts: ReadonlyMap<string, string>,
  file: string,
  issues: Issue[],
) {
  for (const record of gemeinden) {
    if (/^\d{5}$/.test(record.district_ags) && !districts.has(record.district_ags)) {
      issues.push({ code: 'unknown_district', path: [record.row, 'district_ags'], params: { file: file, value: record.district_ags } });
    }
  }
}

function checkDuplicates(
  gemeinden: readonly { row: number; ags: string }[],
  kreise: readonly { row: number; district_ags: string; type: string }[],
  files: RegisterFileNames,
  issues: Issue[],
) {
  const firstRow = new Map<string, string>();
  const check = (ags: string, row: number, file: string, column: string) => {
    const first = firstRow.get(ags);
    if (first) issues.push({ code: 'duplicate_ags', path: [row, column], params: { file, value: ags, first } });
    else firstRow.set(ags, `${file} Zeile ${row}`);
  };
  for (const record of gemeinden) check(record.ags, record.row, files.gemeinden, 'ags');
  for (const record of kreise.filter((r) => districtUnitType(r.type) === 'landkreis')) check(`${record.district_ags}000`, record.row, files.kreise, 'district_ags');
}

function withFile(issue: Issue, file: string): Issue {
  return { ...issue, params: { ...issue.params, file } };
}
