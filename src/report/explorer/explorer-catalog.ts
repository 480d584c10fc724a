// What the public results explorer offers (issue 5 "Public results explorer"): every table variable of the
// instrument with German labels for it and its values, grouped by questionnaire section, and the groupings.
import { tableVariables } from '../../analysis/table-variables.js';
import type { Instrument } from '../../instrument/model.js';
import { SIZE_CLASS_LABELS } from '../../register/size-class-labels.js';
import type { SizeClass } from '../../register/unit.js';

export interface CatalogVariable {
  readonly name: string;
  readonly label: string;
  /** Section title, or "Abgeleitete Merkmale". */
  readonly section: string;
  readonly valueLabel: (value: string) => string;
}

export interface CatalogGrouping {
  readonly name: string;
  readonly label: string;
  readonly groupLabel: (group: string) => string;
}

const FLAGS: Readonly<Record<string, string>> = { '0': 'nein', '1': 'ja', false: 'nein', true: 'ja' };
const STRATEGY: Readonly<Record<string, string>> = { hat: 'mit Strategie', entwickelt: 'Strategie in Entwicklung', ohne: 'ohne Strategie' };
const UNIT_TYPES: Readonly<Record<string, string>> = {
  kreisfreie_stadt: 'kreisfreie Städte',
  kreisangehoerige_gemeinde: 'kreisangehörige Städte und Gemeinden',
  landkreis: 'Landkreise',
};

export const EXPLORER_GROUPINGS: readonly CatalogGrouping[] = [
  { name: 'all', label: 'keine (alle Kommunen)', groupLabel: () => 'alle Kommunen' },
  { name: 'vg_strategy', label: 'Vergleichsgruppe Strategie', groupLabel: (g) => STRATEGY[g] ?? g },
  { name: 'vg_egov', label: 'Vergleichsgruppe E-Government gut aufgestellt', groupLabel: (g) => (g === 'true' ? 'gut aufgestellt' : 'nicht gut aufgestellt') },
  { name: 'vg_community', label: 'Vergleichsgruppe in der örtlichen Gemeinschaft engagiert', groupLabel: (g) => (g === 'true' ? 'engagiert' : 'nicht engagiert') },
  { name: 'size_class', label: 'Größenklasse', groupLabel: (g) => SIZE_CLASS_LABELS[g as SizeClass] ?? g },
  { name: 'state', label: 'Bundesland', groupLabel: (g) => g },
  { name: 'unit_type', label: 'Art der Kommune', groupLabel: (g) => UNIT_TYPES[g] ?? g },
];

const cache = new WeakMap<Instrument, readonly CatalogVariable[]>();

/** Every variable with a table, in questionnaire order, then the derived ones. */
export function explorerVariables(instrument: Instrument): readonly CatalogVariable[] {
  let variables = cache.get(instrument);
  if (!variables) {
    variables = Object.freeze(tableVariables(instrument).map((variable) => catalogEntry(instrument, variable.name)));
    cache.set(instrument, variables);
  }
  return variables;
}

function catalogEntry(instrument: Instrument, name: string): CatalogVariable {
  const derived = instrument.derived.find((candidate) => candidate.id === name);
  if (derived) {
    const labels = name === 'vg_strategy' ? STRATEGY : FLAGS;
    return { name, label: derived.label, section: 'Abgeleitete Merkmale', valueLabel: (value) => labels[value] ?? value };
  }
  for (const section of instrument.sections) {
    for (const question of section.questions) {
      if (name !== question.id && !name.startsWith(`${question.id}__`)) continue;
      const rest = name.slice(question.id.length + 2).split('__').filter(Boolean);
      const items = 'items' in question ? question.items : [];
      const options = 'options' in question ? question.options : [];
      const item = items.find((candidate) => candidate.id === rest[0]);
      const option = options.find((candidate) => candidate.id === rest[item ? 1 : 0]);
      const label = [question.label, item?.label, option?.label].filter((part) => part !== undefined).join(' – ');
      const valueLabel = option ? (value: string) => FLAGS[value] ?? value : (value: string) => options.find((o) => o.id === value)?.label ?? value;
      return { name, label, section: section.title, valueLabel };
    }
  }
  return { name, label: name, section: 'Weitere', valueLabel: (value) => value };
}
