// A wave held column-wise for analysis: one small-integer code per respondent and variable, never one
// object per respondent (issue 4 "Performance"). Types only; built by build-wave-data.ts.

/** Code of a missing value (not answered, not asked, or a derived value with a missing input). */
export const MISSING = 255;

export interface CodedVariable {
  /** Flat variable (`strategy_fields__verwaltung`), derived variable (`vg_egov`) or grouping (`state`). */
  readonly name: string;
  /** The domain in order; code i means values[i]. Flags are ["false", "true"]; multi options ["0", "1"]. */
  readonly values: readonly string[];
  /** One code per respondent (index = respondent), MISSING where missing. */
  readonly codes: Uint8Array;
}

export interface WaveData {
  readonly waveId: string;
  /** Respondents. */
  readonly n: number;
  /** AGS per respondent, same order as the codes. */
  readonly ags: readonly string[];
  /** Every table variable of statistics.md "Variables", in instrument order, then the derived ones. */
  readonly variables: readonly CodedVariable[];
  /** Grouping variables (`vg_strategy`, `vg_egov`, `vg_community`, `size_class`, `state`, `unit_type`, any --by). */
  readonly groupings: readonly CodedVariable[];
  /** Population per respondent from the register (trend figures, size thirds). */
  readonly population: Float64Array;
}

/**
 * A code column of `length` respondents, all MISSING, on a SharedArrayBuffer: analysis threads then share
 * it instead of copying it (1,000,000 respondents × 178 variables would be 178 MB per analysis).
 */
export function codeColumn(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length)).fill(MISSING);
}
