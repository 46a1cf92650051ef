// What counts "as of" a date T (docs/assessment.md, "What counts"). Each evidence item counts
// during one half-open window [start, stop): from when it was both recorded and observed, until
// it is superseded by a newer version recorded by then or retracted. Windows make replay cheap:
// the assessment at T is the sum over the windows that contain T, and a timeline only has to
// visit the dates where a window opens or closes.
//
// The ledger is bitemporal. A retraction has the date from which it applies and the date it was
// recorded; at T it applies only when both are ≤ T, so a retraction recorded today "from 2020"
// never rewrites what an assessment of 2021 says was known in 2021. By default the knowledge
// date follows T; a fixed knowledge date K ("what do we know at K about T") gives windows of
// the same shape, computed for that K.
import type { Evidence } from '../case/schema.js';
import { dateKey } from './dates.js';

export interface CountingWindow {
  /** When it became known to the analyst: `recorded`, else the source's date. */
  readonly recorded: number;
  /** The first date whose assessment may show the item at all (`recorded`, or ±∞ under a fixed knowledge date). */
  readonly known: number;
  readonly recordedText: string;
  readonly observed: number;
  readonly observedText: string;
  /** max(recorded, observed): the first instant it counts. */
  readonly start: number;
  /** When the retraction applies from (its `date`), if it is known under the knowledge policy. */
  readonly retracted: number;
  /** When the retraction was recorded (default: its date). */
  readonly retractionRecorded: number;
  readonly retractedText: string | null;
  readonly retractedReason: string | null;
  /** When the first newer version (direct or through a chain of corrections) was recorded. */
  readonly superseded: number;
  readonly supersededBy: string | null;
  /** min(retracted, superseded): the first instant it no longer counts. */
  readonly stop: number;
}

interface Supersession {
  readonly at: number;
  readonly by: string | null;
}

const NEVER: Supersession = { at: Infinity, by: null };

/** The earlier of two supersessions; ties go to the smaller id, so file order never matters. */
function earlier(a: Supersession, b: Supersession): Supersession {
  if (b.by === null) return a;
  if (a.by === null || b.at < a.at || (b.at === a.at && b.by < a.by)) return b;
  return a;
}

/**
 * The window of each evidence item, in the order given. `sourceDates` gives the default
 * `recorded`. `knownAt`: a fixed knowledge date; without it, knowledge follows the as-of date.
 * Arrays rather than maps: this runs over every item of a case on every call.
 */
export function countingWindows(evidence: readonly Evidence[], sourceDates: ReadonlyMap<string, string>, knownAt?: number): CountingWindow[] {
  const recordedText: string[] = [];
  const recordedKey: number[] = [];
  // Only corrections need looking up by id: their recording date supersedes what they correct.
  const successors = new Map<string, string[]>();
  const correctionRecorded = new Map<string, number>();
  for (const item of evidence) {
    // A source the case does not know (an unvalidated case) leaves the observation date.
    const text = item.recorded ?? sourceDates.get(item.source) ?? item.observed.from;
    const key = dateKey(text, 'recorded date', item.id);
    recordedText.push(text);
    recordedKey.push(key);
    if (item.supersedes) {
      correctionRecorded.set(item.id, key);
      const list = successors.get(item.supersedes);
      if (list) list.push(item.id);
      else successors.set(item.supersedes, [item.id]);
    }
  }

  // superseded(x) = earliest recording among all later versions of x, following chains of
  // corrections; memoised and loop-safe. Most items have no later version: no work for them.
  const supersession = new Map<string, Supersession>();
  const visiting = new Set<string>();
  const supersededOf = (id: string): Supersession => {
    const later = successors.get(id);
    if (later === undefined) return NEVER;
    const known = supersession.get(id);
    if (known) return known;
    let best = NEVER;
    if (!visiting.has(id)) {
      visiting.add(id);
      for (const next of later) {
        best = earlier(best, { at: correctionRecorded.get(next) ?? Infinity, by: next });
        best = earlier(best, supersededOf(next));
      }
      visiting.delete(id);
    }
    supersession.set(id, best);
    return best;
  };

  return evidence.map((item, i) => {
    const recorded = recordedKey[i] ?? Infinity;
    const observed = dateKey(item.observed.from, 'observed date', item.id);
    const retractedOn = item.retracted ? dateKey(item.retracted.date, 'retraction date', item.id) : Infinity;
    const retractionRecorded = item.retracted?.recorded ? dateKey(item.retracted.recorded, 'retraction recorded date', item.id) : retractedOn;
    const superseded = supersededOf(item.id);
    let known: number, start: number, retracted: number, supersededAt: number;
    if (knownAt === undefined) {
      // Knowledge follows T: a retraction applies from the later of its date and its recording.
      known = recorded;
      start = Math.max(recorded, observed);
      retracted = Math.max(retractedOn, retractionRecorded);
      supersededAt = superseded.at;
    } else {
      // A fixed knowledge date K: only what was recorded by K exists; a retraction known at K
      // applies from its own date, and a correction known at K replaces the item at every date.
      known = recorded <= knownAt ? -Infinity : Infinity;
      start = recorded <= knownAt ? observed : Infinity;
      retracted = retractionRecorded <= knownAt ? retractedOn : Infinity;
      supersededAt = superseded.at <= knownAt ? -Infinity : Infinity;
    }
    // One object literal with every field: windows are read in the hottest loops, and objects
    // of one shape keep those reads fast.
    return {
      recorded,
      known,
      recordedText: recordedText[i] ?? '',
      observed,
      observedText: item.observed.from,
      start,
      retracted,
      retractionRecorded,
      retractedText: item.retracted?.date ?? null,
      retractedReason: item.retracted?.reason ?? null,
      superseded: supersededAt,
      supersededBy: superseded.by,
      stop: Math.min(retracted, supersededAt),
    };
  });
}

export function countsAt(window: CountingWindow, at: number): boolean {
  return window.start <= at && at < window.stop;
}

/**
 * Why an item known at `at` does not count then; null when it counts, and also null when it
 * was not yet recorded: an assessment at T must not reveal anything recorded after T.
 */
export function notCountingReason(window: CountingWindow, at: number): string | null {
  if (window.known > at || countsAt(window, at)) return null;
  if (window.retracted <= at) return `retracted on ${window.retractedText}${window.retractedReason ? `: ${window.retractedReason}` : ''}`;
  if (window.superseded <= at) return `superseded by ${window.supersededBy ?? '?'}`;
  return `observed from ${window.observedText}, after the date`;
}
