// A case's indicators and alerts, from what the database knows about the events: each
// indicator's filter becomes a query of daily counts, which the pure functions of indicators.ts
// and tripwires.ts turn into zero-filled series and firing tripwires.
// Pure: the caller (src/import/case-events.ts) loads the coverage, the import records and the
// counts of the queries `indicatorCountQueries` / `alertCountQueries` name, and passes them in.
// The queries depend only on the case, the dates and the coverage and import records, never on
// counts, so one round of loading suffices.
import type { CaseFile, Indicator, Tripwire } from '../case/schema.js';
import { assess } from '../assess/index.js';
import { mapActors } from './actors.js';
import { countryCode } from '../util/countries.js';
import { countryFilter } from './countries.js';
import { dataCaveats, type ImportedFile } from './data-caveats.js';
import { addDays, endOfCaseDate, nextPeriodStart, periodStart, startOfCaseDate } from '../util/dates.js';
import { breakdownOf, dailyValues, indicatorRange, periodsOf, seriesOf, type Breakdown, type DailyCounts, type Measure, type Period } from './indicators.js';
import type { EventDataset, EventQuery } from './model.js';
import { normaliseProvince } from './provinces.js';
import { newSanctionsMatch, reviewDue, riseOverBaseline, sanctionedOfficeholder, zscore, type Alert, type IndicatorData, type Recommendation, type SanctionsMatch, type SanctionsMatchChange, type Skipped } from './tripwires.js';

export type BreakdownKind = 'actor' | 'violence_type' | 'province';

export interface IndicatorSeries {
  id: string;
  dataset: EventDataset;
  measure: Measure;
  period: 'week' | 'month';
  /** The days the series covers (whole periods); null with `note` when there is no data. */
  from: string | null;
  to: string | null;
  /** The days the dataset's events cover: a zero outside them is not an observation. */
  coverage: { from: string; to: string } | null;
  periods: Period[];
  values: number[];
  total: number;
  breakdowns?: Partial<Record<BreakdownKind, Breakdown[]>>;
  note?: string;
  /** What a reader must know about the imported files (a sample…); see data-caveats.ts. */
  caveats?: string[];
}

export interface IndicatorOptions {
  asOf: string;
  /** Overrides of the range the case asks for. */
  from?: string;
  to?: string;
  by?: BreakdownKind[];
}

/** One query of daily counts: the events a query selects, per day and, unless 'none', per group value. */
export interface CountQuery {
  query: EventQuery;
  group: 'none' | 'violence_type' | 'province';
}

/** The first and last day a dataset's events cover. */
export interface Coverage {
  from: string;
  to: string;
}

/** What the database knows that a case's indicators are computed from. */
export interface EventFacts {
  /** Per dataset, the days its events cover; absent or null when none are stored. */
  coverage: Partial<Record<EventDataset, Coverage | null>>;
  /** Every stored import, for the data caveats. */
  imports: readonly ImportedFile[];
}

/** EventFacts and the daily counts of every query the case's indicators ask for, by `countKey`. */
export interface EventData extends EventFacts {
  counts: ReadonlyMap<string, readonly DailyCounts[]>;
}

/** The key a query's counts are passed under: the queries are built the same way every time. */
export function countKey(q: CountQuery): string {
  return JSON.stringify(q);
}

interface Built {
  series: IndicatorSeries;
  daily: ReadonlyMap<string, number>;
}

/**
 * An indicator before counting: its series so far (with a note when there is nothing to count),
 * the days it counts and the counts it needs. Periods are laid out only when counting, so that
 * naming the queries stays cheap.
 */
interface Plan {
  series: IndicatorSeries;
  range?: { from: string; to: string; coverage: Coverage };
  total?: CountQuery;
  breakdowns?: Array<{ kind: BreakdownKind; counts: Array<{ key: string; label: string; count: CountQuery }> | CountQuery }>;
}

/** Every date a case looks at for an indicator: its period start, and its tripwires' ranges. */
function wantedDates(c: CaseFile, indicator: Indicator): string[] {
  const out: string[] = [];
  if (c.case.period?.start) out.push(startOfCaseDate(c.case.period.start));
  for (const tw of c.tripwires) {
    if (tw.indicator !== indicator.id) continue;
    if (tw.baseline) out.push(startOfCaseDate(tw.baseline.from));
    if (tw.active) out.push(startOfCaseDate(tw.active.from));
  }
  return out;
}

/** The database query an indicator's filter means. */
export function indicatorQuery(c: CaseFile, indicator: Indicator): EventQuery {
  const f = indicator.filter ?? {};
  const q: EventQuery = { dataset: indicator.dataset };
  if (f.country) {
    const cf = countryFilter(f.country);
    // A name the country table knows is matched by its code, which the covering index holds.
    const code = 'code' in cf ? cf.code : countryCode(cf.name);
    if (code) q.countryCode = code;
    else q.countryName = (cf as { name: string }).name;
  }
  if (f.violence_types?.length) q.violenceTypes = f.violence_types;
  if (f.event_types?.length) q.eventTypes = f.event_types;
  if (f.admin1?.length) {
    const code = q.countryCode ?? null;
    q.provinces = [...new Set(f.admin1.map((a) => normaliseProvince(a, code) ?? a))];
  }
  if (f.actors_any?.length) q.actors = mapActors(c.actors, f.actors_any, indicator.dataset).flatMap((m) => m.rules);
  return q;
}

function planIndicator(c: CaseFile, indicator: Indicator, options: IndicatorOptions, facts: EventFacts): Plan {
  const coverage = facts.coverage[indicator.dataset] ?? null;
  const base: IndicatorSeries = {
    id: indicator.id, dataset: indicator.dataset, measure: indicator.measure, period: indicator.period,
    from: null, to: null, coverage, periods: [], values: [], total: 0,
  };
  const wanted = options.from ? [options.from] : wantedDates(c, indicator);
  const caseEnd = options.to ?? (c.case.period?.end ? endOfCaseDate(c.case.period.end) : null);
  const range = indicatorRange({ wanted, caseEnd, asOf: options.asOf, coverage });
  if (!coverage) return { series: { ...base, note: `no ${indicator.dataset} events in the database: import them with \`deeds import ${indicator.dataset} FILE\`` } };
  if (!range) return { series: { ...base, note: `the ${indicator.dataset} events (${coverage.from}…${coverage.to}) do not cover the case's dates` } };
  const caveats = dataCaveats(indicator, facts.imports);
  if (caveats.blocking) return { series: { ...base, note: caveats.blocking } };
  if (caveats.notes.length) base.caveats = caveats.notes;
  // Whole periods: the first and last period are counted over all their days.
  const from = periodStart(range.from, indicator.period);
  const to = addDays(nextPeriodStart(periodStart(range.to, indicator.period), indicator.period), -1);
  const q: EventQuery = { ...indicatorQuery(c, indicator), from, to };
  const plan: Plan = { series: base, range: { from, to, coverage }, total: { query: q, group: 'none' } };
  if (options.by?.length) {
    plan.breakdowns = options.by.map((kind) => ({
      kind,
      counts: kind === 'actor'
        ? mapActors(c.actors, indicator.filter?.actors_any ?? [], indicator.dataset).map((m) => ({ key: m.key, label: m.label, count: { query: { ...q, actors: m.rules }, group: 'none' as const } }))
        : { query: q, group: kind },
    }));
  }
  return plan;
}

/** Every query a plan counts. */
function planQueries(plan: Plan): CountQuery[] {
  if (!plan.total) return [];
  const out = [plan.total];
  for (const b of plan.breakdowns ?? []) {
    if (Array.isArray(b.counts)) out.push(...b.counts.map((a) => a.count));
    else out.push(b.counts);
  }
  return out;
}

function countsOf(data: EventData, q: CountQuery): readonly DailyCounts[] {
  const rows = data.counts.get(countKey(q));
  if (!rows) throw new Error(`the daily counts of ${countKey(q)} were not loaded`);
  return rows;
}

function buildIndicator(indicator: Indicator, plan: Plan, data: EventData): Built {
  if (!plan.total || !plan.range) return { series: plan.series, daily: new Map() };
  const { from, to, coverage } = plan.range;
  const periods = periodsOf({ from, to }, indicator.period);
  const daily = dailyValues(countsOf(data, plan.total), indicator.measure);
  const values = seriesOf(daily, periods);
  const series: IndicatorSeries = { ...plan.series, from, to, periods, values, total: values.reduce((a, v) => a + v, 0) };
  const partial = periods.filter((p) => p.start < coverage.from || p.end > coverage.to).map((p) => p.label);
  if (partial.length) series.note = `${partial.length === 1 ? `period ${partial[0]} is` : `${partial.length} periods (${partial.slice(0, 3).join(', ')}${partial.length > 3 ? ', …' : ''}) are`} only partly inside the dataset's coverage (${coverage.from}…${coverage.to}): days outside it count as zero because nothing was observed there`;
  if (plan.breakdowns) {
    const out: Partial<Record<BreakdownKind, Breakdown[]>> = {};
    for (const { kind, counts } of plan.breakdowns) {
      if (Array.isArray(counts)) {
        out[kind] = counts.map((a) => ({ key: a.key, label: a.label, values: seriesOf(dailyValues(countsOf(data, a.count), indicator.measure), series.periods) }));
      } else {
        const labels = kind === 'violence_type' ? new Map([['1', 'state-based'], ['2', 'non-state'], ['3', 'one-sided']]) : new Map<string, string>();
        out[kind] = breakdownOf(countsOf(data, counts), indicator.measure, series.periods, labels);
      }
    }
    series.breakdowns = out;
  }
  return { series, daily };
}

/** The datasets a case's indicators read: the coverage a caller loads. */
export function indicatorDatasets(c: CaseFile): EventDataset[] {
  return [...new Set(c.indicators.map((i) => i.dataset))];
}

/** The counts `caseIndicators` reads, given the coverage and imports. */
export function indicatorCountQueries(c: CaseFile, options: IndicatorOptions, facts: EventFacts): CountQuery[] {
  return c.indicators.flatMap((ind) => planQueries(planIndicator(c, ind, options, facts)));
}

/** Every indicator series of a case, in case order. */
export function caseIndicators(c: CaseFile, options: IndicatorOptions, data: EventData): IndicatorSeries[] {
  return c.indicators.map((ind) => buildIndicator(ind, planIndicator(c, ind, options, data), data).series);
}

export interface AlertsResult {
  case: string;
  as_of: string;
  alerts: Alert[];
  /** Tripwires that could not be evaluated, with the reason (no data, a missing object). */
  skipped: Skipped[];
}

export interface AlertInputs {
  /** Confirmed sanctions matches of the case's persons; see src/screening/confirmed.ts. */
  matches: SanctionsMatch[];
  /** What the case's newest screening up to the as-of date changed (src/screening/rescreen.ts). */
  changes: readonly SanctionsMatchChange[];
  /** The event data of the indicators the tripwires read, as `alertCountQueries` asks for it. */
  events: EventData;
}

/** The indicators a tripwire counts events of (those missing from the case are skipped). */
function tripwireIndicators(c: CaseFile): Indicator[] {
  const ids = new Set(c.tripwires.filter(needsEvents).map((tw) => tw.indicator as string));
  return c.indicators.filter((i) => ids.has(i.id));
}

/** The datasets the tripwires of a case read: the coverage a caller loads. */
export function alertDatasets(c: CaseFile): EventDataset[] {
  return [...new Set(tripwireIndicators(c).map((i) => i.dataset))];
}

/** The counts `caseAlerts` reads, given the coverage and imports. */
export function alertCountQueries(c: CaseFile, asOf: string, facts: EventFacts): CountQuery[] {
  return tripwireIndicators(c).flatMap((ind) => planQueries(planIndicator(c, ind, { asOf }, facts)));
}

/** The tripwires of a case that fire at `asOf` (docs/events.md, "Tripwires"). */
export function caseAlerts(c: CaseFile, asOf: string, inputs: AlertInputs): AlertsResult {
  const built = new Map<string, Built>();
  const dataOf = (id: string): Built | null => {
    const ind = c.indicators.find((i) => i.id === id);
    if (!ind) return null;
    let b = built.get(id);
    if (!b) {
      b = buildIndicator(ind, planIndicator(c, ind, { asOf }, inputs.events), inputs.events);
      built.set(id, b);
    }
    return b;
  };
  let recommendations: Map<string, Recommendation> | null = null;
  const alerts: Alert[] = [];
  const skipped: Skipped[] = [];
  for (const tw of c.tripwires) {
    let result: ReturnType<typeof riseOverBaseline>;
    if (tw.kind === 'rise_over_baseline' || tw.kind === 'zscore') {
      const found = dataOf(tw.indicator as string);
      if (!found) {
        skipped.push({ tripwire: tw.id, reason: `no indicator "${tw.indicator}" in the case` });
        continue;
      }
      const { series, daily } = found;
      if (!series.from || !series.to || !series.coverage) {
        skipped.push({ tripwire: tw.id, reason: series.note ?? 'no data' });
        continue;
      }
      const data: IndicatorData = {
        id: series.id, kind: series.period, periods: series.periods, values: series.values, daily,
        from: maxDate(series.from, series.coverage.from), to: minDate(series.to, series.coverage.to),
      };
      result = tw.kind === 'zscore' ? zscore(tw, data, asOf) : riseOverBaseline(tw, data, asOf);
    } else if (tw.kind === 'review_due') {
      recommendations ??= leverageRecommendations(c, asOf);
      result = reviewDue(tw, c.leverage.find((l) => l.id === tw.leverage), asOf, recommendations.get(tw.leverage as string) ?? null);
    } else if (tw.kind === 'new_sanctions_match') {
      result = newSanctionsMatch(tw, inputs.changes);
    } else {
      result = sanctionedOfficeholder(tw, { subject: c.case.subject, actors: c.actors, relationships: c.relationships, matches: inputs.matches }, asOf);
    }
    if (!result) continue;
    if ('alert' in result) alerts.push(result.alert);
    else skipped.push(result.skipped);
  }
  // On by default for the case's persons: a case that declares no new_sanctions_match tripwire gets one.
  if (!c.tripwires.some((tw) => tw.kind === 'new_sanctions_match')) {
    const result = newSanctionsMatch({ id: 'new_sanctions_match', kind: 'new_sanctions_match' }, inputs.changes);
    if (result && 'alert' in result) alerts.push(result.alert);
  }
  return { case: c.case.id, as_of: asOf, alerts, skipped };
}

function leverageRecommendations(c: CaseFile, asOf: string): Map<string, Recommendation> {
  const a = assess(c, asOf);
  return new Map(a.leverage.map((l) => [l.id, l.recommendation]));
}

/** Tripwire kinds that read event data. */
export function needsEvents(tw: Tripwire): boolean {
  return tw.kind === 'rise_over_baseline' || tw.kind === 'zscore';
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
