// Demo units as a register file in the columns of gemeinden.csv (shared/data/README.md), for exports
// and for tools/check-figures.py. Landkreise are rows of their own with type "Landkreis".
import type { RegisterUnit } from '../register/unit.js';

const COLUMNS = ['ags', 'name', 'state_code', 'state', 'district_ags', 'district', 'type', 'population', 'area_km2'];

/** UTF-8 text, ',' and '\n' as in data/gemeinden.csv, RFC 4180 quoting, rows by AGS. */
export function formatDemoRegisterCsv(units: readonly RegisterUnit[]): string {
  const rows = [...units]
    .sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0))
    .map((unit) => [
      unit.ags,
      unit.name,
      unit.stateCode,
      unit.state,
      unit.districtAgs,
      unit.district,
      unit.sourceType,
      String(unit.population),
      unit.areaKm2.toFixed(2),
    ]);
  return [COLUMNS, ...rows].map((cells) => cells.map(quoted).join(',')).join('\n') + '\n';
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
