// A raked sample held by raking cell (size_class × state): weights from raking are constant within a cell,
// so every weighted number is a function of per-cell counts. Types only; built by rakeWeights.

export interface RakedDesign {
  /** Respondents (rows of the design, ids = ~1). */
  readonly respondents: number;
  /** Categories of the first raking margin (size_class) and of the second (state). */
  readonly sizeClasses: readonly string[];
  readonly states: readonly string[];
  /** Raking cell of each respondent: k · states.length + t. */
  readonly cellOf: Uint16Array;
  /** Respondents per cell. */
  readonly cellRespondents: Float64Array;
  /** Final weight per cell. */
  readonly cellWeight: Float64Array;
  /** Weight per cell after the size-class step of the last sweep (survey's raking post-strata weights). */
  readonly cellWeightFirst: Float64Array;
}
