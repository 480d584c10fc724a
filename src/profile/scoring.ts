// The scoring table keyed by instrument version: a new questionnaire version adds its row here (or reuses
// an earlier scoring when its scored questions are unchanged, so that history stays comparable).
import { SCORING_2019 } from './scoring-2019.js';
import type { Scoring } from './scoring-types.js';

const SCORING: Readonly<Record<string, Scoring>> = Object.freeze({ '2019': SCORING_2019 });

/** The scoring of an instrument version, or undefined when none is defined. */
export function scoringFor(instrumentVersion: string): Scoring | undefined {
  return Object.hasOwn(SCORING, instrumentVersion) ? SCORING[instrumentVersion] : undefined;
}
