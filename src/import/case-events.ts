// The store reads behind a case's indicators and alerts, kept at the edge so that src/events
// computes them from plain data: the coverage of the datasets the case reads, the import records
// (for the data caveats), the daily counts of the queries src/events names, and for alerts the
// sanctions matches and changes. The server, the CLI, briefings and the benchmark call these.
import type { CaseFile } from '../case/schema.js';
import {
  alertCountQueries, alertDatasets, caseAlerts, caseIndicators, countKey, indicatorCountQueries, indicatorDatasets, parseColumns,
  type AlertsResult, type CountQuery, type EventData, type EventDataset, type EventFacts, type IndicatorOptions, type IndicatorSeries, type SanctionsMatch,
} from '../events/index.js';
import { confirmedSanctionsMatches, sanctionsChanges } from '../screening/index.js';
import { dailyEventCounts, eventCoverage, listEventImports } from '../store/events.js';
import type { Store } from '../store/open.js';
import { newestVersions } from '../store/sanctions.js';

/** A case's indicator series from the events in the store. */
export async function caseIndicatorsFromStore(store: Store, c: CaseFile, options: IndicatorOptions): Promise<IndicatorSeries[]> {
  const facts = await eventFacts(store, indicatorDatasets(c));
  return caseIndicators(c, options, await withCounts(store, facts, indicatorCountQueries(c, options, facts)));
}

/** The tripwires of a case that fire at `asOf`, from the events and screenings in the store. */
export async function caseAlertsFromStore(store: Store, c: CaseFile, asOf: string, inputs: { matches: SanctionsMatch[] }): Promise<AlertsResult> {
  const facts = await eventFacts(store, alertDatasets(c));
  const events = await withCounts(store, facts, alertCountQueries(c, asOf, facts));
  return caseAlerts(c, asOf, { matches: inputs.matches, changes: await sanctionsChanges(store, c.case.id, asOf), events });
}

/**
 * Confirmed matches of the case's persons (src/screening/confirmed.ts). With no sanctions list
 * in the database at all, nothing can confirm a reference, so the case's own `sanctions_refs`
 * stand in for confirmed matches (the alert says so).
 */
export async function officeholderMatches(store: Store, c: CaseFile): Promise<SanctionsMatch[]> {
  if ((await newestVersions(store)).length === 0) {
    return c.actors.flatMap((a) => (a.sanctions_refs ?? []).map((ref) => ({ actor: a.id, list: 'case sanctions_refs (no list loaded)', ref })));
  }
  return (await confirmedSanctionsMatches(store, c.case.id)).map((m) => ({ actor: m.person, list: m.list, ref: m.ref }));
}

/** The coverage of these datasets and the import records; nothing is read for a case without indicators. */
async function eventFacts(store: Store, datasets: EventDataset[]): Promise<EventFacts> {
  if (datasets.length === 0) return { coverage: {}, imports: [] };
  const coverage: EventFacts['coverage'] = {};
  for (const d of datasets) {
    const c = await eventCoverage(store.db, d);
    coverage[d] = c ? { from: c.first, to: c.last } : null;
  }
  const imports = (await listEventImports(store.db)).map((r) => ({ dataset: r.dataset, file_name: r.file_name, columns: parseColumns(r.columns), rows_read: Number(r.rows_read) }));
  return { coverage, imports };
}

/** The facts with the daily counts of each query, each distinct query counted once. */
async function withCounts(store: Store, facts: EventFacts, queries: CountQuery[]): Promise<EventData> {
  const counts = new Map<string, Awaited<ReturnType<typeof dailyEventCounts>>>();
  for (const q of queries) {
    const key = countKey(q);
    if (!counts.has(key)) counts.set(key, await dailyEventCounts(store.db, q.query, q.group, store.dialect));
  }
  return { ...facts, counts };
}
