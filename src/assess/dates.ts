// Case dates are strings of varying precision. For comparisons each becomes a number of
// milliseconds since the epoch (UTC); a partial date (`2020`, `2020-02`) is the start of its
// year or month, as the case-format contract says. Display keeps the text the analyst wrote.
import { datePattern } from '../case/schema.js';
import { InvalidDateError } from './errors.js';
import { instantMs } from '../util/dates.js';

export const DAY_MS = 86_400_000;

// A case repeats the same few thousand dates many times over; parsing each once is most of
// the cost of preparing a large case. The cache only ever holds valid dates, so it is pure.
const parsed = new Map<string, number>();
const CACHE_LIMIT = 100_000;

/**
 * Milliseconds since the epoch for a case date; throws InvalidDateError on anything else,
 * naming `what` (and `of`, the object it belongs to: the message is only built on error).
 */
export function dateKey(value: string, what = 'date', of?: string): number {
  const known = parsed.get(value);
  if (known !== undefined) return known;
  const key = parseDate(value, of === undefined ? what : `${what} of ${of}`);
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  parsed.set(value, key);
  return key;
}

function parseDate(value: string, what: string): number {
  const invalid = () => new InvalidDateError(value, what);
  if (!datePattern.test(value)) throw invalid();
  const year = Number(value.slice(0, 4));
  if (value.length === 4) return Date.UTC(year, 0, 1);
  const month = Number(value.slice(5, 7)) - 1;
  if (value.length === 7) return Date.UTC(year, month, 1);
  const day = Number(value.slice(8, 10));
  const midnight = Date.UTC(year, month, day);
  // Date.UTC rolls 2021-02-30 over to March: refuse it instead.
  if (new Date(midnight).getUTCDate() !== day) throw invalid();
  if (value.length === 10) return midnight;
  return instantMs(value);
}

/**
 * The first instant after the period a date names: the next year for `2019`, the next month
 * for `2019-05`, the next day for `2019-05-04`, the next millisecond for a full instant.
 */
export function periodEnd(value: string, what = 'date', of?: string): number {
  const start = dateKey(value, what, of);
  // Days are by far the most common precision: no Date object for them.
  if (value.length === 10) return start + DAY_MS;
  if (value.length > 10) return start + 1;
  const d = new Date(start);
  return value.length === 4 ? Date.UTC(d.getUTCFullYear() + 1, 0, 1) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export function startOfDay(key: number): number {
  return Math.floor(key / DAY_MS) * DAY_MS;
}

/** The first UTC midnight at or after the instant: the first day on which it has happened. */
export function firstDayFrom(key: number): number {
  return Math.ceil(key / DAY_MS) * DAY_MS;
}

const formatted = new Map<number, string>();

/** `2021-09-01` for a midnight, the full ISO instant otherwise. Timelines format the same days over and over: cached. */
export function formatKey(key: number): string {
  if (!Number.isFinite(key)) return key > 0 ? 'never' : 'always';
  let text = formatted.get(key);
  if (text === undefined) {
    const iso = new Date(key).toISOString();
    text = key % DAY_MS === 0 ? iso.slice(0, 10) : iso;
    if (formatted.size >= CACHE_LIMIT) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** The same day of the month, `months` later; clamped to the month's last day (Jan 31 → Feb 28). */
export function addMonths(key: number, months: number): number {
  const d = new Date(key);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay));
}
