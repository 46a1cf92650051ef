// Calendar helpers for event dates and indicator periods. Dates are ISO `YYYY-MM-DD` strings and
// all arithmetic is in UTC days, so no time zone can move an event into another week.

const DAY_MS = 86_400_000;
const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

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
  const m = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  if (y < 1000 || m < 1 || m > 12 || d < 1) return null;
  const max = m === 2 && isLeap(y) ? 29 : (daysIn[m - 1] as number);
  return d <= max ? text : null;
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

/** ISO dates, and ACLED's older `15 August 2021` / `15-August-2021` form. */
export function parseEventDate(text: string): string | null {
  const iso = isoDate(text);
  if (iso) return iso;
  const m = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(text);
  if (!m) return null;
  const month = months[(m[2] as string).toLowerCase()];
  if (!month) return null;
  return isoDate(`${m[3]}-${String(month).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`);
}

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
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
  if (date.length === 7) return addDays(addMonths(`${date}-01`, 1), -1);
  return date.slice(0, 10);
}

function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
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
  return kind === 'month' ? addMonths(start, 1) : addDays(start, 7);
}

/** `2020-W38` for weeks (ISO week-numbering year), `2020-09` for months. */
export function periodLabel(start: string, kind: PeriodKind): string {
  if (kind === 'month') return start.slice(0, 7);
  const thursday = dayNumber(start) + 3;
  const year = Number(dateOfDay(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}
