// What the list readers need of dates beyond reading text, which is the one date module's job
// (src/util/dates.ts): a file's own date when the list does not carry one, and the years a birth
// date allows.
import { basename } from 'node:path';
import { isCalendarDay, parseLooseDate, parseTimestamp } from '../../util/dates.js';
import type { ListSource } from '../source.js';
import type { BirthDate } from '../types.js';

export { parseLooseDate };

/**
 * An ISO timestamp in UTC for a list's own date (the UN list's `dateGenerated`, an FtM entity's
 * `last_change`), or undefined when it is not a date. ISO 8601 only; no zone means UTC.
 */
export function isoTimestamp(text: string): string | undefined {
  return parseTimestamp(text);
}

/**
 * When a file does not date itself (the OFAC legacy CSV): a date in its name (`sdn_2021-08-18.csv`),
 * else its modification time. Documented, because it decides which version counts as newest.
 */
export function dateFromFile(source: ListSource): string {
  const m = /(\d{4})-?(\d{2})-?(\d{2})/.exec(basename(source.name));
  if (m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return `${m[1]}-${m[2]}-${m[3]}`;
  return source.modified().toISOString().slice(0, 10);
}

/** The years a birth date allows, widened by one on each side when it is approximate. */
export function birthYears(b: BirthDate): [number, number] | undefined {
  let lo: number | undefined;
  let hi: number | undefined;
  if (b.date) lo = hi = Number(b.date.slice(0, 4));
  else if (b.from_year !== undefined || b.to_year !== undefined) {
    lo = b.from_year ?? b.to_year;
    hi = b.to_year ?? b.from_year;
  }
  if (lo === undefined || hi === undefined) return undefined;
  return b.approx ? [lo - 1, hi + 1] : [lo, hi];
}
