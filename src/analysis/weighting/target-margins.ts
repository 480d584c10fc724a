// statistics.md "Weighted", target population: the register units of the unit types that occur among the
// respondents, counted by size_class × state (the joint count, so that excluded categories can be taken
// out of the other margin too). Real units only: synthetic demo respondents stand in for real units of
// their Land, type and size class (as in the report's response rate), so the demo rakes to the register.
// A real respondent outside the given population still counts as a unit of its own; so do the synthetic
// ones where the real units lack a size class or Land of theirs (a register that does not cover the demo).
import { STATES } from '../../register/states.js';
import { SIZE_CLASSES, type RegisterUnit, type UnitType } from '../../register/unit.js';

export interface TargetMargins {
  /** Size classes of the target population, in the order of SIZE_CLASSES. */
  readonly sizeClasses: readonly string[];
  /** States of the target population, in the order of STATES. */
  readonly states: readonly string[];
  /** Register units per size class × state, row-major: `units[k * states.length + t]`. */
  readonly units: Float64Array;
  /** The unit types that define the target population. */
  readonly unitTypes: readonly UnitType[];
}

type Unit = Pick<RegisterUnit, 'ags' | 'unitType' | 'sizeClass' | 'state' | 'synthetic'>;

const STATE_ORDER: readonly string[] = STATES.map((state) => state.name);

/**
 * @param register every unit of the register
 * @param respondents the responding units (register rows)
 */
export function targetMargins(register: readonly Unit[], respondents: readonly Unit[]): TargetMargins {
  const types = new Set<UnitType>();
  const responding = new Map<string, Unit>();
  for (const unit of respondents) {
    types.add(unit.unitType);
    if (!responding.has(unit.ags)) responding.set(unit.ags, unit);
  }
  // Units per size class and state, in first-seen order; ordered below.
  const counts = new Map<string, Map<string, number>>();
  const count = (unit: Unit): void => {
    const row = counts.get(unit.sizeClass) ?? counts.set(unit.sizeClass, new Map()).get(unit.sizeClass)!;
    row.set(unit.state, (row.get(unit.state) ?? 0) + 1);
  };
  for (const unit of register) if (!unit.synthetic && types.has(unit.unitType) && !responding.has(unit.ags)) count(unit);
  for (const unit of responding.values()) if (!unit.synthetic) count(unit);
  const standIns = [...responding.values()].filter((unit) => unit.synthetic);
  const covered = (unit: Unit) => [...(counts.get(unit.sizeClass)?.values() ?? [])].some((n) => n > 0) && [...counts.values()].some((row) => (row.get(unit.state) ?? 0) > 0);
  if (!standIns.every(covered)) standIns.forEach(count);
  const sizeClasses = ordered(new Set(counts.keys()), SIZE_CLASSES);
  const states = ordered(new Set([...counts.values()].flatMap((row) => [...row.keys()])), STATE_ORDER);
  const units = new Float64Array(sizeClasses.length * states.length);
  sizeClasses.forEach((sizeClass, k) => {
    const row = counts.get(sizeClass)!;
    states.forEach((state, t) => (units[k * states.length + t] = row.get(state) ?? 0));
  });
  return { sizeClasses, states, units, unitTypes: [...types].sort() };
}

/** Known values in their canonical order, unknown ones after them in code-point order. */
function ordered(present: ReadonlySet<string>, canonical: readonly string[]): string[] {
  const known = canonical.filter((value) => present.has(value));
  const unknown = [...present].filter((value) => !canonical.includes(value)).sort();
  return [...known, ...unknown];
}
