// The few joint facts per demo respondent from which every answer follows (draw-profiles.ts).
import type { RegisterUnit } from '../register/unit.js';

export type StrategyStatus = 'vorhanden' | 'in_entwicklung' | 'geplant' | 'kein_thema';

export interface DemoProfile {
  /** Position in the wave, 0 … 411. */
  readonly id: number;
  readonly unit: RegisterUnit;
  /** Latent digital maturity in [0, 1): half population rank, half chance. */
  readonly maturity: number;
  readonly strategy: StrategyStatus;
  /** Basiskomponenten in use, 0–9. */
  readonly egovCount: number;
  /** community_support items supported, 0–8. */
  readonly communityCount: number;
  readonly fimKnown: boolean;
}

export function egovGood(profile: DemoProfile): boolean {
  return profile.egovCount >= 3;
}

export function communityEngaged(profile: DemoProfile): boolean {
  return profile.communityCount >= 2;
}

/** strategy_fields … strategy_ozg are asked (instrument.md B). */
export function strategyAsked(profile: DemoProfile): boolean {
  return profile.strategy === 'vorhanden' || profile.strategy === 'in_entwicklung';
}

/** 1 with a strategy, 0.6 developing one, 0.25 planned, 0 not a topic: for scores. */
export function strategyLevel(profile: DemoProfile): number {
  return { vorhanden: 1, in_entwicklung: 0.6, geplant: 0.25, kein_thema: 0 }[profile.strategy];
}
