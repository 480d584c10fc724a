// Comparability over more than one version step (issue 9): waves of 2019 → v2 → v3 are compared through the
// declared maps along `comparability.previous`, applied one step after the other. A variable of the last
// version is left out when its question is not comparable at any step; the German reason names the step.
import { notComparableVariables, questionsOf, resolveComparability, translateResponse, type ResolvedMapping } from './comparability.js';
import type { InstrumentVersion } from './instrument-file.js';
import type { FlatResponse, Instrument } from './model.js';

export interface ComparabilityStep {
  readonly older: Instrument;
  readonly newer: InstrumentVersion;
  readonly mapping: ResolvedMapping;
}

export interface ComparabilityChain {
  /** Oldest step first; none when the waves share the version. */
  readonly steps: readonly ComparabilityStep[];
  /** Table variables of the last version left out, with the reason (prefixed by the step for chains of two or more). */
  readonly notComparable: readonly { readonly variable: string; readonly reason: string }[];
}

/**
 * @param versions oldest first, each after the first naming the one before in `comparability.previous`
 * @throws RangeError when a version does not name the one before it
 */
export function resolveComparabilityChain(versions: readonly InstrumentVersion[]): ComparabilityChain {
  const steps = versions.slice(1).map((newer, i): ComparabilityStep => {
    const older = versions[i]!;
    if (newer.comparability?.previous !== older.version) throw new RangeError(`Version ${newer.version} erklärt keine Vergleichbarkeit mit ${older.version}`);
    return { older, newer, mapping: resolveComparability(older, newer) };
  });
  if (steps.length <= 1) return { steps, notComparable: steps[0]?.mapping.notComparable ?? [] };
  const last = steps[steps.length - 1]!.newer;
  const reasons = new Map<string, string>();
  for (const id of questionsOf(last).keys()) {
    const reason = firstBreak(steps, id);
    if (reason !== undefined) reasons.set(id, reason);
  }
  return { steps, notComparable: notComparableVariables(last, reasons) };
}

/** Walks a question of the last version back through the steps; the reason of the latest step that breaks it. */
function firstBreak(steps: readonly ComparabilityStep[], id: string): string | undefined {
  let current = id;
  for (let s = steps.length - 1; s >= 0; s--) {
    const { older, newer, mapping } = steps[s]!;
    const rule = mapping.questions.get(current);
    const step = `Version ${older.version} → ${newer.version}`;
    if (!rule) return `${step}: Frage „${current}“ fehlt in Version ${newer.version}`;
    if (rule.status === 'not_comparable') return `${step}: ${rule.reason}`;
    if (rule.status !== 'same') current = rule.from ?? current;
  }
  return undefined;
}

/** A response of the chain's oldest version in the last version's flat variables, step by step. */
export function translateAlongChain(answers: FlatResponse, chain: ComparabilityChain): FlatResponse {
  return chain.steps.reduce((current, step) => translateResponse(current, step.newer, step.mapping), answers);
}
