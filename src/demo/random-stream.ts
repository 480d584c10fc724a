// Seeded pseudo-random numbers for the demo wave (architecture habit 8: never Math.random, never the clock).
// Own code, not a dependency: mulberry32 is ten lines, and the demo digest test pins its output.

/** Uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * An independent stream per purpose (`label`), so that changing one part of the generator does not
 * shift the numbers drawn by every other part.
 */
export function randomStream(seed: number, label: string): Random {
  return mulberry32((seed ^ fnv1a(label)) >>> 0);
}

// mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32.
function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// FNV-1a, 32 bit.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
