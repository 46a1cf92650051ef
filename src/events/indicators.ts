// Indicator series: daily counts → zero-filled series of ISO weeks (Monday start) or months.
// Pure: plain data in, plain data out; src/events/case-indicators.ts gathers the counts.
import { dayNumber, nextPeriodStart, periodLabel, periodStart, type PeriodKind } from '../util/dates.js';

export type Measure = 'events' | 'fatalities' | 'civilian_fatalities';

/** One day's counts for the events an indicator selects (and one breakdown value, if any). */
export interface DailyCounts {
  date: string;
  key: string | null;
  events: number;
  fatalities: number;
  civilian_fatalities: number;
}

export interface Period {
  label: string;
  /** First and last day, inclusive. */
  start: string;
  end: string;
}

/** A series: one value per period of `periods`, zero where nothing happened. */
export interface Breakdown {
  key: string;
  label: string;
  values: number[];
}

export interface DateRange {
  from: string;
  to: string;
}

/** Every period that holds a day of the range, in order. */
export function periodsOf(range: DateRange, kind: PeriodKind): Period[] {
  const periods: Period[] = [];
  for (let start = periodStart(range.from, kind); start <= range.to; ) {
    const next = nextPeriodStart(start, kind);
    periods.push({ label: periodLabel(start, kind), start, end: dateBefore(next) });
    start = next;
  }
  return periods;
}

function dateBefore(date: string): string {
  return new Date((dayNumber(date) - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** The measure's value per day, summed over breakdown keys. */
export function dailyValues(rows: readonly DailyCounts[], measure: Measure): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.date, (out.get(r.date) ?? 0) + r[measure]);
  return out;
}

/** Sums daily values into the periods; days outside every period are ignored. */
export function seriesOf(daily: ReadonlyMap<string, number>, periods: readonly Period[]): number[] {
  const values = new Array<number>(periods.length).fill(0);
  if (periods.length === 0) return values;
  const first = (periods[0] as Period).start;
  const last = (periods[periods.length - 1] as Period).end;
  // Periods are contiguous and ordered, so a binary search finds each day's period.
  const starts = periods.map((p) => p.start);
  for (const [date, value] of daily) {
    if (date < first || date > last) continue;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as string) <= date) lo = mid;
      else hi = mid - 1;
    }
    values[lo] = (values[lo] as number) + value;
  }
  return values;
}

/** One series per breakdown key, largest total first; `labels` names keys (actor ids → names). */
export function breakdownOf(rows: readonly DailyCounts[], measure: Measure, periods: readonly Period[], labels: ReadonlyMap<string, string> = new Map()): Breakdown[] {
  const byKey = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = r.key ?? '(none)';
    let days = byKey.get(key);
    if (!days) byKey.set(key, (days = new Map<string, number>()));
    days.set(r.date, (days.get(r.date) ?? 0) + r[measure]);
  }
  const series = [...byKey].map(([key, days]) => ({ key, label: labels.get(key) ?? key, values: seriesOf(days, periods) }));
  const total = (b: Breakdown) => b.values.reduce((a, v) => a + v, 0);
  return series.sort((a, b) => total(b) - total(a) || a.key.localeCompare(b.key));
}

/**
 * The days an indicator covers: from the earliest date the case looks at (its period start, or a
 * tripwire's baseline or active range) to the as-of date or the case's end, but never outside the
 * dataset's coverage, where a zero would claim a quiet that nobody observed.
 */
export function indicatorRange(input: { wanted: string[]; caseEnd: string | null; asOf: string; coverage: DateRange | null }): DateRange | null {
  if (!input.coverage) return null;
  const starts = input.wanted.filter((d) => d !== '');
  const from = maxDate(starts.length ? minDate(starts) : input.coverage.from, input.coverage.from);
  const to = minDate([input.asOf, input.caseEnd ?? input.asOf, input.coverage.to]);
  return from <= to ? { from, to } : null;
}

function minDate(ds: string[]): string {
  return ds.reduce((a, b) => (b < a ? b : a));
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
