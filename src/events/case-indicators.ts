// A case's indicators and alerts, from the events in the database: each indicator's filter
// becomes one query of daily counts (src/store/events.ts), which the pure functions of
// indicators.ts and tripwires.ts turn into zero-filled series and firing tripwires.
import type { CaseFile, Indicator, Tripwire } from '../case/schema.js';
import { assess } from '../assess/index.js';
import { dailyEventCounts, eventCoverage, listEventImports, type EventQuery } from '../store/events.js';
import type { Store } from '../store/open.js';
import { mapActors } from './actors.js';
import { countryCode } from '../util/countries.js';
import { countryFilter } from './countries.js';
import { dataCaveats, parseColumns, type ImportedFile } from './data-caveats.js';
import { addDays, endOfCaseDate, nextPeriodStart, periodStart, startOfCaseDate } from '../util/dates.js';
import { breakdownOf, dailyValues, indicatorRange, periodsOf, seriesOf, type Breakdown, type DailyCounts, type Measure, type Period } from './indicators.js';
import type { EventDataset } from './model.js';
import { normaliseProvince } from './provinces.js';
import { newSanctionsMatch, reviewDue, riseOverBaseline, sanctionedOfficeholder, zscore, type Alert, type IndicatorData, type Recommendation, type SanctionsMatch, type Skipped } from './tripwires.js';
import { sanctionsChanges } from '../sanctions/index.js';

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

interface Built {
  series: IndicatorSeries;
  daily: ReadonlyMap<string, number>;
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

async function buildIndicator(store: Store, c: CaseFile, indicator: Indicator, options: IndicatorOptions, coverageOf: (d: EventDataset) => Promise<{ from: string; to: string } | null>): Promise<Built> {
  const coverage = await coverageOf(indicator.dataset);
  const base: IndicatorSeries = {
    id: indicator.id, dataset: indicator.dataset, measure: indicator.measure, period: indicator.period,
    from: null, to: null, coverage, periods: [], values: [], total: 0,
  };
  const wanted = options.from ? [options.from] : wantedDates(c, indicator);
  const caseEnd = options.to ?? (c.case.period?.end ? endOfCaseDate(c.case.period.end) : null);
  const range = indicatorRange({ wanted, caseEnd, asOf: options.asOf, coverage });
  if (!coverage) return { series: { ...base, note: `no ${indicator.dataset} events in the database: import them with \`deeds import ${indicator.dataset} FILE\`` }, daily: new Map() };
  if (!range) return { series: { ...base, note: `the ${indicator.dataset} events (${coverage.from}…${coverage.to}) do not cover the case's dates` }, daily: new Map() };
  const caveats = dataCaveats(indicator, await importedFiles(store));
  if (caveats.blocking) return { series: { ...base, note: caveats.blocking }, daily: new Map() };
  if (caveats.notes.length) base.caveats = caveats.notes;
  // Whole periods: the first and last period are counted over all their days.
  const from = periodStart(range.from, indicator.period);
  const to = addDays(nextPeriodStart(periodStart(range.to, indicator.period), indicator.period), -1);
  const q: EventQuery = { ...indicatorQuery(c, indicator), from, to };
  const rows = await dailyEventCounts(store.db, q, 'none', store.dialect);
  const daily = dailyValues(rows, indicator.measure);
  const periods = periodsOf({ from, to }, indicator.period);
  const values = seriesOf(daily, periods);
  const series: IndicatorSeries = { ...base, from, to, periods, values, total: values.reduce((a, v) => a + v, 0) };
  const partial = periods.filter((p) => p.start < coverage.from || p.end > coverage.to).map((p) => p.label);
  if (partial.length) series.note = `${partial.length === 1 ? `period ${partial[0]} is` : `${partial.length} periods (${partial.slice(0, 3).join(', ')}${partial.length > 3 ? ', …' : ''}) are`} only partly inside the dataset's coverage (${coverage.from}…${coverage.to}): days outside it count as zero because nothing was observed there`;
  if (options.by?.length) series.breakdowns = await breakdowns(store, c, indicator, q, periods, options.by);
  return { series, daily };
}

async function breakdowns(store: Store, c: CaseFile, indicator: Indicator, q: EventQuery, periods: Period[], by: BreakdownKind[]): Promise<Partial<Record<BreakdownKind, Breakdown[]>>> {
  const out: Partial<Record<BreakdownKind, Breakdown[]>> = {};
  for (const kind of by) {
    if (kind === 'actor') {
      const entries = indicator.filter?.actors_any ?? [];
      const list: Breakdown[] = [];
      for (const m of mapActors(c.actors, entries, indicator.dataset)) {
        const rows = await dailyEventCounts(store.db, { ...q, actors: m.rules }, 'none', store.dialect);
        list.push({ key: m.key, label: m.label, values: seriesOf(dailyValues(rows, indicator.measure), periods) });
      }
      out.actor = list;
    } else {
      const rows: DailyCounts[] = await dailyEventCounts(store.db, q, kind, store.dialect);
      const labels = kind === 'violence_type' ? new Map([['1', 'state-based'], ['2', 'non-state'], ['3', 'one-sided']]) : new Map<string, string>();
      out[kind] = breakdownOf(rows, indicator.measure, periods, labels);
    }
  }
  return out;
}

/** The imports the store records, as dataCaveats reads them. */
async function importedFiles(store: Store): Promise<ImportedFile[]> {
  return (await listEventImports(store.db)).map((r) => ({ dataset: r.dataset, file_name: r.file_name, columns: parseColumns(r.columns), rows_read: Number(r.rows_read) }));
}

function coverageCache(store: Store): (d: EventDataset) => Promise<{ from: string; to: string } | null> {
  const seen = new Map<EventDataset, Promise<{ from: string; to: string } | null>>();
  return (d) => {
    let p = seen.get(d);
    if (!p) {
      p = eventCoverage(store.db, d).then((c) => (c ? { from: c.first, to: c.last } : null));
      seen.set(d, p);
    }
    return p;
  };
}

/** Every indicator series of a case, in case order. */
export async function caseIndicators(store: Store, c: CaseFile, options: IndicatorOptions): Promise<IndicatorSeries[]> {
  const coverage = coverageCache(store);
  const out: IndicatorSeries[] = [];
  for (const ind of c.indicators) out.push((await buildIndicator(store, c, ind, options, coverage)).series);
  return out;
}

export interface AlertsResult {
  case: string;
  as_of: string;
  alerts: Alert[];
  /** Tripwires that could not be evaluated, with the reason (no data, a missing object). */
  skipped: Skipped[];
}

export interface AlertInputs {
  /** Confirmed sanctions matches of the case's persons; see src/sanctions/confirmed.ts. */
  matches: SanctionsMatch[];
}

/** The tripwires of a case that fire at `asOf` (docs/events.md, "Tripwires"). */
export async function caseAlerts(store: Store, c: CaseFile, asOf: string, inputs: AlertInputs): Promise<AlertsResult> {
  const coverage = coverageCache(store);
  const built = new Map<string, Promise<Built>>();
  const dataOf = (id: string): Promise<Built> | null => {
    const ind = c.indicators.find((i) => i.id === id);
    if (!ind) return null;
    let b = built.get(id);
    if (!b) {
      b = buildIndicator(store, c, ind, { asOf }, coverage);
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
      const pending = dataOf(tw.indicator as string);
      if (!pending) {
        skipped.push({ tripwire: tw.id, reason: `no indicator "${tw.indicator}" in the case` });
        continue;
      }
      const { series, daily } = await pending;
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
      result = newSanctionsMatch(tw, await sanctionsChanges(store, c.case.id, asOf));
    } else {
      result = sanctionedOfficeholder(tw, { subject: c.case.subject, actors: c.actors, relationships: c.relationships, matches: inputs.matches }, asOf);
    }
    if (!result) continue;
    if ('alert' in result) alerts.push(result.alert);
    else skipped.push(result.skipped);
  }
  // On by default for the case's persons: a case that declares no new_sanctions_match tripwire gets one.
  if (!c.tripwires.some((tw) => tw.kind === 'new_sanctions_match')) {
    const result = newSanctionsMatch({ id: 'new_sanctions_match', kind: 'new_sanctions_match' }, await sanctionsChanges(store, c.case.id, asOf));
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
