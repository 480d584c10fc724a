// Draws from a seeded stream (random-stream.ts): chances, weighted picks, samples, per-respondent noise.
import type { Random } from './random-stream.js';

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** One value, with probability proportional to its weight. */
export function pickWeighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let target = random() * total;
  for (const [value, weight] of entries) {
    target -= weight;
    if (target < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error('pickWeighted: no entries');
  return last[0];
}

/** `count` distinct values, each next one with probability proportional to its weight. */
export function sampleWeighted<T>(random: Random, entries: readonly (readonly [T, number])[], count: number): T[] {
  const left = [...entries];
  const chosen: T[] = [];
  while (chosen.length < count && left.length > 0) {
    const value = pickWeighted(random, left);
    chosen.push(value);
    left.splice(left.findIndex(([candidate]) => candidate === value), 1);
  }
  return chosen;
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** A fixed uniform number per respondent id 0 … n−1, drawn once (scores must not change while sorting). */
export function noiseOf(random: Random, n: number): (id: number) => number {
  const values = Array.from({ length: n }, () => random());
  return (id) => values[id] ?? 0;
}
