// Tripwires (docs/events.md): pure functions from indicator series,
// case objects and an as-of date to the alerts that fire. Nothing here reads a database or a
// clock; what the assessment engine or sanctions screening know comes in as plain values.
import type { Actor, Leverage, Relationship, Tripwire } from '../case/schema.js';
import { addDays, dayNumber, daysBetween, endOfCaseDate, startOfCaseDate, type PeriodKind } from '../util/dates.js';
import type { Period } from './indicators.js';
import type { SanctionsChange } from '../screening/index.js';

export const ZSCORE_DEFAULTS = { k: 2, window: 8 } as const;
const MEAN_MONTH_DAYS = 365.2425 / 12;

/** What a tripwire over an indicator needs: its periods and values, and its daily values. */
export interface IndicatorData {
  id: string;
  kind: PeriodKind;
  periods: Period[];
  values: number[];
  daily: ReadonlyMap<string, number>;
  /** The days the data covers; outside it nothing can be said. */
  from: string;
  to: string;
}

export interface Alert {
  tripwire: string;
  kind: Tripwire['kind'];
  /** The firing periods (`2020-W38`, `2021-09`); empty for date-based tripwires. */
  periods: string[];
  first: string | null;
  advice: string | null;
  [detail: string]: unknown;
}

/** A tripwire that could not be evaluated, and why (no data, a missing object). */
export interface Skipped {
  tripwire: string;
  reason: string;
}

export type Evaluation = { alert: Alert } | { skipped: Skipped } | null;

export function riseOverBaseline(tw: Tripwire, data: IndicatorData, asOf: string): Evaluation {
  const baseline = tw.baseline as NonNullable<Tripwire['baseline']>;
  const factor = tw.factor as number;
  const bFrom = startOfCaseDate(baseline.from);
  const bTo = baseline.to ? endOfCaseDate(baseline.to) : tw.active ? addDays(startOfCaseDate(tw.active.from), -1) : asOf;
  if (bFrom < data.from || bTo > data.to || bTo < bFrom) {
    return skipped(tw, `the baseline ${bFrom}…${bTo} is not inside the data (${data.from}…${data.to})`);
  }
  // The baseline is a daily rate scaled to each period, so a 7-day baseline that straddles two ISO
  // weeks (the February 2020 "reduction in violence" week) is measured exactly, not by whole weeks.
  let sum = 0;
  for (const [date, v] of data.daily) if (date >= bFrom && date <= bTo) sum += v;
  const perDay = sum / daysBetween(bFrom, bTo);
  const minValue = tw.min_value ?? 0;
  const { from, to } = activeRange(tw, bTo, asOf);
  const firing: Array<{ period: string; value: number; threshold: number }> = [];
  data.periods.forEach((p, i) => {
    if (p.start < from || p.start > to) return;
    const value = data.values[i] as number;
    const threshold = factor * perDay * daysBetween(p.start, p.end);
    if (value > 0 && value >= threshold && value >= minValue) firing.push({ period: p.label, value, threshold: round(threshold) });
  });
  if (firing.length === 0) return null;
  const perPeriod = perDay * (data.kind === 'week' ? 7 : MEAN_MONTH_DAYS);
  return fire(tw, firing.map((f) => f.period), { indicator: data.id, baseline: round(perPeriod), baseline_per_day: round(perDay), factor, min_value: minValue, values: firing });
}

export function zscore(tw: Tripwire, data: IndicatorData, asOf: string): Evaluation {
  const k = tw.k ?? ZSCORE_DEFAULTS.k;
  const window = tw.window ?? ZSCORE_DEFAULTS.window;
  const minValue = tw.min_value ?? 0;
  const from = tw.active ? startOfCaseDate(tw.active.from) : '';
  const to = tw.active?.to ? minDate(endOfCaseDate(tw.active.to), asOf) : asOf;
  const firing: Array<{ period: string; value: number; mean: number; sd: number; threshold: number }> = [];
  for (let i = window; i < data.periods.length; i++) {
    const p = data.periods[i] as Period;
    if (p.start < from || p.start > to) continue;
    const trailing = data.values.slice(i - window, i);
    const mean = trailing.reduce((a, v) => a + v, 0) / window;
    // Sample standard deviation (n − 1): the window is a sample of the process, not all of it.
    const sd = Math.sqrt(trailing.reduce((a, v) => a + (v - mean) ** 2, 0) / (window - 1));
    const value = data.values[i] as number;
    const threshold = mean + k * sd;
    if (value > threshold && value >= minValue) firing.push({ period: p.label, value, mean: round(mean), sd: round(sd), threshold: round(threshold) });
  }
  if (firing.length === 0) return null;
  return fire(tw, firing.map((f) => f.period), { indicator: data.id, k, window, values: firing });
}

/** What the assessment engine recommends for a leverage at a date (ALGORITHMS.md §6). */
export type Recommendation = 'withhold' | 'release' | 'review';

export function reviewDue(tw: Tripwire, leverage: Leverage | undefined, asOf: string, recommendation: Recommendation | null): Evaluation {
  if (!leverage) return skipped(tw, `no leverage "${tw.leverage}" in the case`);
  if (!leverage.review) return null;
  const review = startOfCaseDate(leverage.review);
  const days = dayNumber(review) - dayNumber(asOf);
  if (days < 0 || days > (tw.within_days as number)) return null;
  if (recommendation === 'release') return null;
  return fire(tw, [], { first: review, leverage: leverage.id, review, days_until: days, recommendation, ...(recommendation === null ? { note: 'the recommendation at this date was not checked (no assessment available)' } : {}) });
}

/** A confirmed sanctions match of a case actor (from screening, or the case's own `sanctions_refs`). */
export interface SanctionsMatch {
  actor: string;
  list: string;
  ref: string;
}

export function sanctionedOfficeholder(tw: Tripwire, input: { subject: string; actors: readonly Actor[]; relationships: readonly Relationship[]; matches: readonly SanctionsMatch[] }, asOf: string): Evaluation {
  const names = new Map(input.actors.map((a) => [a.id, a.name]));
  const holders = input.relationships
    .filter((r) => r.type === 'holds_office' && r.to === input.subject && activeAt(r, asOf))
    .flatMap((r) => {
      const matches = input.matches.filter((m) => m.actor === r.from);
      if (matches.length === 0) return [];
      return [{ person: r.from, name: names.get(r.from) ?? r.from, relationship: r.id, role: r.role ?? null, since: r.since ? startOfCaseDate(r.since) : null, matches: matches.map((m) => ({ list: m.list, ref: m.ref })) }];
    });
  if (holders.length === 0) return null;
  const sinces = holders.flatMap((h) => (h.since ? [h.since] : []));
  return fire(tw, [], { first: sinces.length ? sinces.reduce((a, b) => (b < a ? b : a)) : null, officeholders: holders });
}

/** A change of a case person's sanctions matches at the newest re-screening; screening defines it (src/screening/rescreen.ts). */
export type SanctionsMatchChange = SanctionsChange;

/**
 * Fires when the case's newest screening found matches new, gone or rescored; the changes go into
 * the alert with the decision in force on each. Matches already decided false_positive still
 * show (a list change may deserve a second look), marked with their decision.
 */
export function newSanctionsMatch(tw: Tripwire, changes: readonly SanctionsMatchChange[]): Evaluation {
  if (changes.length === 0) return null;
  const first = changes.map((c) => c.screened_at.slice(0, 10)).reduce((a, b) => (b < a ? b : a));
  return fire(tw, [], { first, changes, new: changes.filter((c) => c.change === 'new').length, gone: changes.filter((c) => c.change === 'gone').length, changed: changes.filter((c) => c.change === 'changed').length });
}

function activeAt(r: Relationship, asOf: string): boolean {
  if (r.since && startOfCaseDate(r.since) > asOf) return false;
  if (r.until && endOfCaseDate(r.until) < asOf) return false;
  return true;
}

/** Periods that may fire: those starting inside `active` (default: after the baseline), up to the as-of date. */
function activeRange(tw: Tripwire, baselineTo: string, asOf: string): { from: string; to: string } {
  const from = tw.active ? startOfCaseDate(tw.active.from) : addDays(baselineTo, 1);
  const to = tw.active?.to ? minDate(endOfCaseDate(tw.active.to), asOf) : asOf;
  return { from, to };
}

function fire(tw: Tripwire, periods: string[], details: Record<string, unknown>): Evaluation {
  return { alert: { tripwire: tw.id, kind: tw.kind, periods, first: periods[0] ?? null, advice: tw.advice ?? null, ...details } };
}

function skipped(tw: Tripwire, reason: string): Evaluation {
  return { skipped: { tripwire: tw.id, reason } };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
