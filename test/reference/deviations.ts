// Largest absolute and relative deviation per quantity, for the agreement report of the reference tests.
export class Deviations {
  readonly #worst = new Map<string, { abs: number; rel: number }>();

  record(quantity: string, ours: number, theirs: number): void {
    const abs = Math.abs(ours - theirs);
    const rel = theirs === 0 ? (ours === 0 ? 0 : Number.POSITIVE_INFINITY) : abs / Math.abs(theirs);
    const worst = this.#worst.get(quantity) ?? { abs: 0, rel: 0 };
    this.#worst.set(quantity, { abs: Math.max(worst.abs, Number.isNaN(abs) ? Infinity : abs), rel: Math.max(worst.rel, Number.isNaN(rel) ? Infinity : rel) });
  }

  get(quantity: string): { abs: number; rel: number } {
    return this.#worst.get(quantity) ?? { abs: 0, rel: 0 };
  }

  report(): string {
    return [...this.#worst].map(([q, { abs, rel }]) => `${q}: abs ${abs.toExponential(2)}, rel ${rel.toExponential(2)}`).join('\n');
  }
}
