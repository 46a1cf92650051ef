// What the command line and the API both give for a case's indicators: their JSON shape.
import type { IndicatorSeries } from './case-indicators.js';

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
