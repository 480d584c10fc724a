// Working arrays for the per-table numbers: views into one growing arena, so that the thousands of small
// tables of a document allocate no backing store each (measured: allocation dominated the small tables).
export class Scratch {
  private arena = new Float64Array(0);
  private used = 0;

  /** Hands every array taken so far back: call only where none of them is still in use. */
  reset(): void {
    this.used = 0;
  }

  /** A zero-filled array of `size` numbers, valid until the next reset. */
  take(size: number): Float64Array {
    return this.takeUnfilled(size).fill(0);
  }

  /** As take, with whatever an earlier user left in it: for arrays written in full before they are read. */
  takeUnfilled(size: number): Float64Array {
    if (this.used + size > this.arena.length) {
      // Arrays taken before stay valid: they keep the old arena alive.
      this.arena = new Float64Array(Math.max(2 * this.arena.length, size, 1 << 12));
      this.used = 0;
    }
    this.used += size;
    return this.arena.subarray(this.used - size, this.used);
  }

  /**
   * As takeUnfilled, for `size` int32 indices on the same arena: `new Int32Array(cells)` per table cost
   * 1–2.5 µs (a backing store of its own above 64 bytes), a view some 30 ns.
   */
  takeIndices(size: number): Int32Array {
    const words = this.takeUnfilled((size + 1) >> 1);
    return new Int32Array(words.buffer, words.byteOffset, size);
  }
}

/** The Rao-Scott tests' arena (reset by raoScottTest). */
export const scratch = new Scratch();
