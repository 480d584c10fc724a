// `?limit=&offset=` of the API's lists: limit 1–1000 (default 100).
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export function pageOf<T>(all: readonly T[], query: { readonly limit?: string | undefined; readonly offset?: string | undefined }) {
  const limit = Math.min(Math.max(Number(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const offset = Number(query.offset ?? 0);
  return { items: all.slice(offset, offset + limit), page: { limit, offset, total: all.length } };
}
