// What the command line and the API both give for a case's events: the indicators' JSON shape,
// and which sanctions matches feed the sanctioned_officeholder tripwire.
import type { CaseFile } from '../case/schema.js';
import { confirmedSanctionsMatches } from '../sanctions/index.js';
import type { Store } from '../store/open.js';
import { newestVersions } from '../store/sanctions.js';
import type { IndicatorSeries } from './case-indicators.js';
import type { SanctionsMatch } from './tripwires.js';

/** JSON: periods as labels with their days, and the values beside them. */
export function indicatorJson(s: IndicatorSeries): Record<string, unknown> {
  return {
    id: s.id, dataset: s.dataset, measure: s.measure, period: s.period, from: s.from, to: s.to, coverage: s.coverage,
    periods: s.periods.map((p) => p.label), starts: s.periods.map((p) => p.start), values: s.values, total: s.total,
    ...(s.breakdowns ? { breakdowns: s.breakdowns } : {}),
    ...(s.note ? { note: s.note } : {}),
    ...(s.caveats?.length ? { caveats: s.caveats } : {}),
  };
}

/**
 * Confirmed matches of the case's persons (src/sanctions/confirmed.ts). With no sanctions list
 * in the database at all, nothing can confirm a reference, so the case's own `sanctions_refs`
 * stand in for confirmed matches (the alert says so).
 */
export async function officeholderMatches(store: Store, c: CaseFile): Promise<SanctionsMatch[]> {
  if ((await newestVersions(store)).length === 0) {
    return c.actors.flatMap((a) => (a.sanctions_refs ?? []).map((ref) => ({ actor: a.id, list: 'case sanctions_refs (no list loaded)', ref })));
  }
  return (await confirmedSanctionsMatches(store, c.case.id)).map((m) => ({ actor: m.person, list: m.list, ref: m.ref }));
}
