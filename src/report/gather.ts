// Collects the optional sections of a briefing from the database: indicator series, tripwire
// alerts and sanctions findings. These come from other modules (src/events, src/sanctions);
// each is fetched on its own, and a section that fails is left out with the reason, so that a
// briefing is never lost to one missing piece.
import type { CaseFile } from '../case/schema.js';
import { caseAlertsFromStore, caseIndicatorsFromStore, officeholderMatches } from '../import/index.js';
import { confirmedSanctionsMatches } from '../screening/index.js';
import type { Store } from '../store/open.js';
import { newestVersions } from '../store/sanctions.js';
import type { ReportInput } from './model.js';

export async function gatherReportInput(store: Store, c: CaseFile, asOf: string, knownAt?: string, since?: string): Promise<ReportInput> {
  const input: ReportInput = { case: c, asOf, knownAt, since, absent: {} };
  const failed = (section: 'indicators' | 'alerts' | 'sanctions', err: unknown) => {
    input.absent![section] = `The ${section} could not be gathered for this briefing: ${err instanceof Error ? err.message : String(err)}`;
  };
  const lists = await newestVersions(store).catch(() => []);
  try {
    const series = await caseIndicatorsFromStore(store, c, { asOf });
    // Series without any event behind them are "no event data", not a chart of zeros.
    input.indicators = series.length > 0 && series.every((s) => s.from === null) ? null : series;
  } catch (err) {
    failed('indicators', err);
  }
  try {
    // The same matches `deeds alerts` and the API's alerts use (the case's own sanctions_refs when no list is loaded).
    input.alerts = await caseAlertsFromStore(store, c, asOf, { matches: await officeholderMatches(store, c) });
  } catch (err) {
    failed('alerts', err);
  }
  try {
    if (lists.length > 0) {
      input.sanctions = {
        lists: lists.map((v) => ({ list: v.list, version: v.version, published: v.published })),
        matches: await confirmedSanctionsMatches(store, c.case.id),
      };
    }
  } catch (err) {
    failed('sanctions', err);
  }
  return input;
}
