// The response schema of the case dashboard (src/server/dashboard.ts).
import { z } from 'zod';
import type { Dashboard as DashboardType } from '../dashboard.js';
import { AssessmentSummary, ReviewWarning } from './engine.js';
import type { Expect, Faithful } from './faithful.js';

export const Dashboard = z.strictObject({
  case: z.strictObject({
    id: z.string(),
    title: z.string(),
    subject: z.string(),
    marking: z.string(),
    period: z.object({ start: z.string(), end: z.string().nullish() }).catchall(z.unknown()).nullable(), // `x-` keys of the case file ride along
  }),
  as_of: z.string(),
  summary: AssessmentSummary,
  headlines: z.strictObject({
    broken_commitments: z.array(z.strictObject({ id: z.string(), text: z.string(), confidence: z.string().nullable(), rule: z.string() })),
    unmet_conditions: z.array(z.strictObject({ id: z.string(), text: z.string(), confidence: z.string(), rule: z.string() })),
    released_against_conditions: z.array(z.strictObject({ leverage: z.string(), action: z.string(), date: z.string(), unmet: z.array(z.string()) })),
    claims_contradicted_when_made: z.array(z.strictObject({ id: z.string(), by: z.string(), made: z.string(), text: z.string(), explanation: z.string() })),
  }),
  scorecard: z.strictObject({
    conditions: z.array(z.strictObject({ id: z.string(), text: z.string(), status: z.string(), confidence: z.string() })),
    leverage: z.array(z.strictObject({ id: z.string(), text: z.string(), held_by: z.string(), recommendation: z.string(), gated_by: z.array(z.string()), flagged: z.boolean() })),
  }),
  coalition: z.array(z.strictObject({ condition: z.string(), positions: z.array(z.strictObject({ party: z.string(), stance: z.string() })), divergent: z.boolean() })),
  review: z.array(ReviewWarning).describe('the review\'s analytic-integrity warnings at the same date'),
  limit: z.number().int().describe('the most items each list gives (the first, unmet, flagged or divergent ones kept first)'),
  totals: z.strictObject({
    broken_commitments: z.number().int(),
    unmet_conditions: z.number().int(),
    released_against_conditions: z.number().int(),
    claims_contradicted_when_made: z.number().int(),
    conditions: z.number().int(),
    leverage: z.number().int(),
    coalition: z.number().int(),
    divergent_conditions: z.number().int(),
    review: z.number().int(),
  }).describe('how many items each list holds in full: a list whose total exceeds `limit` was cut; the assessment, review and index pages give them all'),
}).meta({ id: 'Dashboard', description: 'Headline findings, the scorecard of conditions × leverage, each party\'s position per condition, and the review\'s warnings' });

/** dashboardOf gives `period ?? null`: never undefined, though its type allows it. */
type AsBuilt = Omit<DashboardType, 'case'> & { case: Omit<DashboardType['case'], 'period'> & { period: NonNullable<DashboardType['case']['period']> | null } };
export type _Checked = Expect<Faithful<typeof Dashboard, AsBuilt>>;
