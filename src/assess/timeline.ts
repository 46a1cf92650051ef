// timeline(): one object's status over a date range. Rather than assessing every date from
// scratch, it sorts the dates where an evidence item starts or stops counting (and where a
// commitment is made or falls due), keeps running tallies, and judges the object again only
// at those dates. Timelines are per day: points and changes fall on UTC midnights, and a
// point's status equals assess() at that date.
import type { CaseFile } from '../case/schema.js';
import { InvalidRangeError } from './errors.js';
import { addMonths, DAY_MS, dateKey, firstDayFrom, formatKey, startOfDay } from './dates.js';
import { entryOf } from './explain.js';
import { judgeLeverage } from './leverage.js';
import { compareLinks, linksOf, prepareCase, withKnowledge, type Link, type PreparedCase } from './prepare.js';
import { scopeOf, type ObjectKind, type ObjectState, type Scope } from './scope.js';
import { settingsFromCase, type Settings } from './settings.js';
import type { Confidence } from './status.js';
import { applyLink, emptyTally, talliesAt, type Tally } from './tally.js';
import type { EvidenceEntry } from './types.js';

export type TimelineStep = 'week' | 'month';

export interface TimelineOptions {
  /** Default: when the object was made, else the case period's start, else its first event. */
  from?: string | undefined;
  /** Default: the case period's end, else the object's last event. */
  to?: string | undefined;
  /** Default: month. */
  step?: TimelineStep | undefined;
  /** A fixed knowledge date: what was known then about each date of the range (default: each date's own knowledge). */
  knownAt?: string | undefined;
}

export interface TimelinePoint {
  date: string;
  /** Commitments and conditions: their status; leverage: the recommendation; claims: the verdict at that date. */
  status: string;
  confidence: Confidence | null;
  support?: number;
  contradiction?: number;
}

export interface TimelineChange {
  date: string;
  from: string;
  to: string;
  confidence: Confidence | null;
  /** The rule that decided the new status. */
  rule: string;
  /** Evidence that started or stopped counting that day (context links, which weigh nothing, are left out). */
  entered: EvidenceEntry[];
  left: EvidenceEntry[];
  /** Other dated causes: a commitment made, a due date passed, a claim made. */
  events: string[];
}

export interface TimelineDecision {
  date: string;
  action: string;
  recommendation: string;
  against_conditions: boolean;
}

export interface Timeline {
  case: string;
  object: { id: string; kind: ObjectKind };
  from: string;
  to: string;
  step: TimelineStep;
  /** Present when a fixed knowledge date was asked for. */
  known_at?: string;
  points: TimelinePoint[];
  changes: TimelineChange[];
  /** Leverage only: its recorded decisions in the range and the recommendation on each date. */
  decisions?: TimelineDecision[];
  settings: Settings;
  settings_from_case: string[];
}

const MAX_POINTS = 100_000;

export function timeline(c: CaseFile, objectId: string, options: TimelineOptions = {}): Timeline {
  return timelineOf(prepareCase(c), objectId, options);
}

/** Several timelines over the same range, sharing one preparation of the case (default: every object). */
export function timelines(c: CaseFile, objectIds: readonly string[] | undefined, options: TimelineOptions = {}): Timeline[] {
  const p = prepareCase(c);
  const ids = objectIds ?? [...c.commitments, ...c.conditions, ...c.leverage, ...c.claims].map((o) => o.id);
  return ids.map((id) => timelineOf(p, id, options));
}

interface SweepEvent {
  day: number;
  link?: Link;
  sign?: 1 | -1;
  label?: string;
}

export function timelineOf(prepared: PreparedCase, objectId: string, options: TimelineOptions): Timeline {
  const p = withKnowledge(prepared, options.knownAt);
  const scope = scopeOf(p, objectId);
  const events = sweepEvents(p, scope);
  const step = options.step ?? 'month';
  if (step !== 'week' && step !== 'month') throw new InvalidRangeError(`unknown step "${String(step)}": use week or month`);
  const { from, to } = rangeOf(p, scope, events, options);
  const points = pointDays(from, to, step);

  const tallies = new Map<string, Tally>(scope.targets.map((t) => [t, emptyTally()]));
  const none = emptyTally();
  const tallyOf = (t: string) => tallies.get(t) ?? none;
  const apply = (e: SweepEvent) => {
    if (e.link && e.sign) applyLink(tallies.get(e.link.target) ?? none, e.link, e.sign);
  };

  let next = 0;
  while (next < events.length && (events[next]?.day ?? Infinity) <= from) apply(events[next++] as SweepEvent);
  let state: ObjectState = scope.evaluate(from, tallyOf);
  const out: TimelinePoint[] = [];
  const changes: TimelineChange[] = [];
  let pointIndex = 0;
  for (;;) {
    const eventDay = events[next]?.day ?? Infinity;
    const pointDay = points[pointIndex] ?? Infinity;
    const day = Math.min(eventDay, pointDay);
    if (day > to) break;
    if (eventDay === day) {
      const today: SweepEvent[] = [];
      while (next < events.length && events[next]?.day === day) {
        const e = events[next++] as SweepEvent;
        apply(e);
        today.push(e);
      }
      const before = state;
      state = scope.evaluate(day, tallyOf);
      if (state.status !== before.status) changes.push(changeOf(day, before, state, today));
    }
    if (pointDay === day) {
      out.push(pointOf(day, state));
      pointIndex++;
    }
  }

  const result: Timeline = {
    case: p.c.case.id, object: { id: scope.id, kind: scope.kind }, from: formatKey(from), to: formatKey(to), step,
    ...(options.knownAt !== undefined ? { known_at: options.knownAt } : {}),
    points: out, changes, settings: p.settings, settings_from_case: settingsFromCase(p.settings),
  };
  if (scope.kind === 'leverage') result.decisions = decisionsIn(p, scope.id, from, to);
  return result;
}

/** Every date on which something that bears on the object happens, by day, in a fixed order. */
function sweepEvents(p: PreparedCase, scope: Scope): SweepEvent[] {
  const events: SweepEvent[] = [];
  for (const target of new Set(scope.targets)) {
    for (const link of linksOf(p, target)) {
      if (link.stance === 'context') continue;
      const enter = firstDayFrom(link.evidence.window.start);
      const leave = firstDayFrom(link.evidence.window.stop);
      if (enter >= leave) continue; // it never counts at a midnight
      events.push({ day: enter, link, sign: 1 });
      if (Number.isFinite(leave)) events.push({ day: leave, link, sign: -1 });
    }
  }
  for (const d of scope.dated) events.push({ day: firstDayFrom(d.at), label: d.label });
  return events.sort((a, b) => a.day - b.day);
}

function rangeOf(p: PreparedCase, scope: Scope, events: readonly SweepEvent[], options: TimelineOptions): { from: number; to: number } {
  const period = p.c.case.period;
  const first = events[0]?.day;
  const last = events[events.length - 1]?.day;
  const fromKey = options.from !== undefined ? dateKey(options.from, 'timeline start') : scope.madeAt ?? (period ? dateKey(period.start) : first);
  const lastKnown = period?.end ? dateKey(period.end) : last;
  // With no end given, a timeline that starts after everything known ends where it starts.
  const toKey = options.to !== undefined ? dateKey(options.to, 'timeline end') : lastKnown === undefined || fromKey === undefined ? lastKnown : Math.max(lastKnown, fromKey);
  if (fromKey === undefined || toKey === undefined) {
    throw new InvalidRangeError(`nothing dates the timeline of "${scope.id}": give a start and an end date`);
  }
  const to = startOfDay(toKey);
  // A default start after the end given (an object made later) shrinks to the end: one point, not an error.
  const from = options.from === undefined ? Math.min(startOfDay(fromKey), to) : startOfDay(fromKey);
  if (from > to) throw new InvalidRangeError(`the timeline starts (${formatKey(from)}) after it ends (${formatKey(to)})`);
  return { from, to };
}

/** from, from + step, … up to `to`, and `to` itself so that the last point is the end date. */
export function pointDays(from: number, to: number, step: TimelineStep): number[] {
  const days: number[] = [];
  for (let i = 0; ; i++) {
    const day = step === 'week' ? from + i * 7 * DAY_MS : addMonths(from, i);
    if (day > to) break;
    days.push(day);
    if (days.length > MAX_POINTS) throw new InvalidRangeError(`the timeline would have more than ${MAX_POINTS} points: shorten the range or use a longer step`);
  }
  if (days[days.length - 1] !== to) days.push(to);
  return days;
}

function pointOf(day: number, state: ObjectState): TimelinePoint {
  // One object literal per shape: adding keys afterwards would cost memory on every point.
  if (state.support === undefined || state.contradiction === undefined) return { date: formatKey(day), status: state.status, confidence: state.confidence };
  return { date: formatKey(day), status: state.status, confidence: state.confidence, support: state.support, contradiction: state.contradiction };
}

function changeOf(day: number, before: ObjectState, after: ObjectState, today: readonly SweepEvent[]): TimelineChange {
  const entries = (sign: 1 | -1) => today.flatMap((e) => (e.link && e.sign === sign ? [e.link] : [])).sort(compareLinks).map((l) => entryOf(l, true));
  return {
    date: formatKey(day), from: before.status, to: after.status, confidence: after.confidence, rule: after.describe(formatKey(day)),
    entered: entries(1), left: entries(-1), events: today.flatMap((e) => (e.label ? [e.label] : [])).sort(),
  };
}

function decisionsIn(p: PreparedCase, id: string, from: number, to: number): TimelineDecision[] {
  const leverage = p.leverage.get(id);
  if (!leverage) return [];
  return (p.decisions.get(id) ?? []).filter((d) => d.date >= from && d.date <= to + DAY_MS - 1).map((d) => {
    // A decision is judged by what was known when it was taken.
    const then = p.asKnownThen;
    const recommendation = judgeLeverage(then, leverage, d.date, talliesAt(then, d.date)).recommendation;
    const releasing = d.action === 'released' || d.action === 'partly_released' || d.action === 'renewed';
    return { date: d.dateText, action: d.action, recommendation, against_conditions: releasing && recommendation === 'withhold' };
  });
}
