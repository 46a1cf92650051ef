// Response schemas of indicators and tripwire alerts (src/events/case-indicators.ts, case-views.ts).
import { z } from 'zod';
import type { AlertsResult, IndicatorSeries as Series } from '../../events/index.js';
import type { Expect, Faithful } from './faithful.js';

const Breakdown = z.strictObject({ key: z.string(), label: z.string(), values: z.array(z.number()) });

export const IndicatorSeries = z.strictObject({
  id: z.string(),
  dataset: z.enum(['ucdp-ged', 'acled']),
  measure: z.enum(['events', 'fatalities', 'civilian_fatalities']),
  period: z.enum(['week', 'month']),
  from: z.string().nullable().describe('null, with a note, when there is no data'),
  to: z.string().nullable(),
  coverage: z.strictObject({ from: z.string(), to: z.string() }).nullable().describe('the days the dataset covers: a zero outside them is not an observation'),
  periods: z.array(z.string()).describe('period labels, e.g. 2021-08 or 2021-W33'),
  starts: z.array(z.string()).describe('the first day of each period'),
  values: z.array(z.number()),
  total: z.number(),
  breakdowns: z.strictObject({ actor: z.array(Breakdown), violence_type: z.array(Breakdown), province: z.array(Breakdown) }).partial().optional(),
  note: z.string().optional(),
  caveats: z.array(z.string()).optional().describe('what the imported files cannot support'),
}).meta({ id: 'IndicatorSeries', description: 'One indicator, zero-filled per period' });

export const IndicatorsResponse = z.strictObject({ case: z.string(), as_of: z.string(), indicators: z.array(IndicatorSeries) })
  .meta({ id: 'IndicatorsResponse', description: 'Every indicator series of the case, as `deeds indicators --json`' });

export const Alert = z.object({
  tripwire: z.string(),
  kind: z.enum(['rise_over_baseline', 'zscore', 'review_due', 'sanctioned_officeholder', 'new_sanctions_match']),
  periods: z.array(z.string()).describe('the firing periods; empty for date-based tripwires'),
  first: z.string().nullable(),
  advice: z.string().nullable(),
}).catchall(z.unknown()) // each kind adds its own details (values and thresholds, matches, due dates): docs/events.md
  .meta({ id: 'Alert', description: 'A tripwire that fires, with the details of its kind' });

export const AlertsResponse = z.strictObject({
  case: z.string(),
  as_of: z.string(),
  alerts: z.array(Alert),
  skipped: z.array(z.strictObject({ tripwire: z.string(), reason: z.string() })).describe('tripwires that could not be evaluated, and why'),
}).meta({ id: 'AlertsResponse', description: 'The tripwires that fire at a date, as `deeds alerts --json`' });

/** What indicatorJson (src/events/case-views.ts) makes of a series: its periods as labels and first days. */
type SeriesJson = Omit<Series, 'periods'> & { periods: string[]; starts: string[] };
export type _Checked = [Expect<Faithful<typeof AlertsResponse, AlertsResult>>, Expect<Faithful<typeof IndicatorSeries, SeriesJson>>];
