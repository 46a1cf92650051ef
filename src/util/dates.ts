// The one date module: reading dates written as text, and calendar arithmetic on ISO dates.
//
// Reading: only explicit formats, never the JavaScript engine's guess (Date.parse reads
// `2024-05-28T15:51:35` in the machine's time zone and `03/04/2021` as 4 March, US order).
//   - ISO 8601: `2021`, `2021-08`, `2021-08-15`, `2021-08-15T10:00[:00[.000]]` with `Z`, `±HH:MM`
//     or no zone; no zone means UTC (OpenSanctions writes its timestamps in UTC without a zone);
//   - day, month name, year: `15 August 2021`, `15-August-2021`, `15 Aug 2021` (ACLED, OFAC);
//   - month name and year: `Aug 2021` (OFAC);
//   - numbers with slashes, dots or dashes in day/month order (`03/04/2021`) are refused as
//     ambiguous unless the source documents its order (OFAC's publish date is MM/DD/YYYY):
//     numericDate(text, 'mdy').
// Every date read is checked against the calendar (no 30 February).
//
// Arithmetic: dates are ISO `YYYY-MM-DD` strings counted in UTC days, so no time zone can move
// an event into another week. The engine (src/assess/dates.ts) keeps its own millisecond keys
// and reads instants through instantMs().
import type { ErrorCode } from '../errors/index.js';

export const DAY_MS = 86_400_000;
const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export class DateTextError extends Error {
  override name = 'DateTextError';
  readonly code = 'input' satisfies ErrorCode;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Whether year, month (1–12) and day name a day of the calendar. */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : (daysIn[m - 1] as number));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2021-08-15` (also the date part of `2021-08-15T00:00:00` or `2021-08-15 10:00`), checked against the calendar. */
export function isoDate(text: string): string | null {
  if (text.length < 10) return null;
  if (text.length > 10) {
    const sep = text.charCodeAt(10);
    if (sep !== 84 && sep !== 32) return null; // 'T' or ' '
    text = text.slice(0, 10);
  }
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const y = digits(text, 0, 4);
  if (y < 1000) return null;
  return isCalendarDay(y, digits(text, 5, 7), digits(text, 8, 10)) ? text : null;
}

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const months: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** An event's date: ISO, or ACLED's older `15 August 2021` / `15-August-2021`. */
export function parseEventDate(text: string): string | null {
  const iso = isoDate(text);
  if (iso) return iso;
  const m = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(text);
  if (!m) return null;
  const month = months[(m[2] as string).toLowerCase()];
  if (!month) return null;
  return isoDate(`${m[3]}-${pad(month)}-${(m[1] as string).padStart(2, '0')}`);
}

/**
 * A date of the precision written, as ISO: `12 Mar 1965` → `1965-03-12`, `Mar 1965` → `1965-03`,
 * `1965` → `1965`, `1965-03-12` as it is; a trailing full stop is ignored. Undefined for anything
 * else, and for days not in the calendar.
 */
export function parseLooseDate(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, '');
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
  if (m) {
    if (m[3]) return isoDate(t) ?? undefined;
    return !m[2] || (Number(m[2]) >= 1 && Number(m[2]) <= 12) ? t : undefined;
  }
  m = /^(?:(\d{1,2})[ -])?([A-Za-z]{3,9})\.?[ -](\d{4})$/.exec(t);
  const month = m ? months[(m[2] as string).toLowerCase()] : undefined;
  if (!m || !month) return undefined;
  if (!m[1]) return `${m[3]}-${pad(month)}`;
  return isoDate(`${m[3]}-${pad(month)}-${m[1].padStart(2, '0')}`) ?? undefined;
}

/** Numbers in day/month order: `03/04/2021`, `3.4.2021`, `03-04-2021`. */
const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A numeric date in the order its source documents: `mdy` (US, OFAC) or `dmy`. */
export function numericDate(text: string, order: 'mdy' | 'dmy'): string | undefined {
  const m = numeric.exec(text.trim());
  if (!m) return undefined;
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [month, day] = order === 'mdy' ? [a, b] : [b, a];
  return isCalendarDay(y, month, day) ? `${m[3]}-${pad(month)}-${pad(day)}` : undefined;
}

const instant = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Milliseconds since the epoch for an ISO date or date-time; no zone means UTC. NaN for anything
 * else, or for a day or time that does not exist.
 */
export function instantMs(text: string): number {
  const m = instant.exec(text);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDay(y, mo, d)) return NaN;
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return NaN;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let offset = 0;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(-2));
    if (zh > 23 || zm > 59) return NaN;
    offset = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm) * 60_000;
  }
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset;
}

/**
 * A source's own timestamp (a list's generation date) as an ISO instant in UTC; undefined when
 * the text is no date. A numeric day/month date is refused: its order is a guess.
 */
export function parseTimestamp(text: string): string | undefined {
  const t = text.trim();
  if (numeric.test(t)) throw new DateTextError(`"${t}" is ambiguous: day and month could be either way round; write it as ISO 8601 (2021-04-03)`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isoDate(t) ?? undefined;
  const ms = instantMs(t);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** A partial case date (`2021`, `2021-08`) means its first day. */
export function startOfCaseDate(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date.slice(0, 10);
}

/** A partial case date used as an inclusive end means its last day. */
export function endOfCaseDate(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) return addDays(firstOfMonthAfter(`${date}-01`, 1), -1);
  return date.slice(0, 10);
}

function firstOfMonthAfter(date: string, n: number): string {
  const m = Number(date.slice(5, 7)) - 1 + n;
  const year = Number(date.slice(0, 4)) + Math.floor(m / 12);
  return `${pad(year, 4)}-${pad((((m % 12) + 12) % 12) + 1)}-01`;
}

export type PeriodKind = 'week' | 'month';

/** The first day of the period holding `date`: the Monday of its ISO week, or the 1st of its month. */
export function periodStart(date: string, kind: PeriodKind): string {
  if (kind === 'month') return `${date.slice(0, 7)}-01`;
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: day 0 has ISO weekday 4 (Monday 1).
  const weekday = ((day + 3) % 7 + 7) % 7; // 0 = Monday
  return dateOfDay(day - weekday);
}

export function nextPeriodStart(start: string, kind: PeriodKind): string {
  return kind === 'month' ? firstOfMonthAfter(start, 1) : addDays(start, 7);
}

/** `2020-W38` for weeks (ISO week-numbering year), `2020-09` for months. */
export function periodLabel(start: string, kind: PeriodKind): string {
  if (kind === 'month') return start.slice(0, 7);
  const thursday = dayNumber(start) + 3;
  const year = Number(dateOfDay(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}
