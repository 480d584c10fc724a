const OFFSET = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' });

/**
 * `YYYY-MM-DD` as a German calendar day → the ISO instant of its first (`start`) or last (`end`)
 * second in Europe/Berlin; `null` when the day does not exist (2019-02-30).
 */
export function berlinDayBoundary(day: string, edge: 'start' | 'end'): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, date, edge === 'start' ? 0 : 23, edge === 'start' ? 0 : 59, edge === 'start' ? 0 : 59);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return new Date(utc - offsetMinutes(utc) * 60_000).toISOString();
}

function offsetMinutes(utc: number): number {
  const name = OFFSET.formatToParts(new Date(utc)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** An ISO instant → its German calendar day `YYYY-MM-DD` (the inverse of berlinDayBoundary). */
export function berlinDay(instant: string): string {
  return DAY.format(new Date(instant));
}
