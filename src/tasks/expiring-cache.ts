// A promise per id, computed once and shared while what it depends on (`key`) is unchanged and it is younger
// than the time to live. A rejected promise is forgotten, so the next call tries again.

export type ExpiringCache<T> = (id: string, key: string, compute: () => Promise<T>) => Promise<T>;

export function expiringCache<T>(ttlMs: number, now: () => number = Date.now): ExpiringCache<T> {
  const entries = new Map<string, { readonly key: string; readonly at: number; readonly value: Promise<T> }>();
  return (id, key, compute) => {
    const cached = entries.get(id);
    if (cached && cached.key === key && now() - cached.at < ttlMs) return cached.value;
    const entry = { key, at: now(), value: compute() };
    entries.set(id, entry);
    entry.value.catch(() => entries.get(id) === entry && entries.delete(id));
    return entry.value;
  };
}
