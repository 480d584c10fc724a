// Token buckets per client key (IP) against code guessing. In memory, so the limit holds per process:
// several server processes each allow their own budget.

export interface RateLimit {
  /** Takes one token; when none is left, how many seconds until one is back. */
  take(key: string): { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_KEYS = 10_000;

/** `capacity` tokens (burst), refilled at one per `refillMs`. */
export function tokenBucket(capacity: number, refillMs: number, now: () => number = Date.now): RateLimit {
  const buckets = new Map<string, Bucket>();
  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
      bucket.tokens = Math.min(capacity, bucket.tokens + (time - bucket.at) / refillMs);
      bucket.at = time;
      if (buckets.size >= MAX_KEYS && !buckets.has(key)) prune(buckets, capacity, refillMs, time);
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: Math.ceil(((1 - bucket.tokens) * refillMs) / 1000) };
      bucket.tokens -= 1;
      return { ok: true };
    },
  };
}

// Full buckets carry no state worth keeping.
function prune(buckets: Map<string, Bucket>, capacity: number, refillMs: number, time: number): void {
  for (const [key, bucket] of buckets) {
    if (bucket.tokens + (time - bucket.at) / refillMs >= capacity) buckets.delete(key);
  }
  if (buckets.size >= MAX_KEYS) buckets.clear();
}
