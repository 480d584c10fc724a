// Text → JS value per Postgres type OID, shared by both drivers so rows look the same on each.

type TypeParser = (text: string) => unknown;

const OID = { int8: 20, json: 114, date: 1082, timestamp: 1114, timestamptz: 1184, numeric: 1700, jsonb: 3802 };

/** '2026-11-28 22:29:46.123456+00' (DateStyle ISO) → '2026-11-28T22:29:46.123Z'; 'infinity' stays. */
function toIsoTimestamp(text: string): string {
  const date = new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

export const typeParsers: Readonly<Record<number, TypeParser>> = {
  [OID.int8]: Number,
  [OID.numeric]: Number,
  [OID.json]: (text) => JSON.parse(text),
  [OID.jsonb]: (text) => JSON.parse(text),
  [OID.date]: (text) => text,
  [OID.timestamp]: (text) => toIsoTimestamp(`${text}+00`),
  [OID.timestamptz]: toIsoTimestamp,
};
