// Response schemas of sanctions screening (src/screening/screening.ts, src/store/sanctions.ts).
import { z } from 'zod';
import type { ScreenResult as EngineResult } from '../../sanctions/index.js';
import type { CaseScreening } from '../../screening/index.js';
import type { DecisionRow, ListingDetails, StoredMatch as StoredMatchType } from '../../store/sanctions.js';
import type { Expect, Faithful } from './faithful.js';

export const ScreenMatch = z.strictObject({
  list: z.string(),
  ref: z.string(),
  name: z.string().describe('the listed entry\'s main name'),
  matched_name: z.string().describe('the listed name or alias that matched'),
  score: z.number(),
  explanation: z.string(),
  strong: z.boolean(),
  query_name: z.string().describe('the name of the query that produced the match (a person\'s alias, say)'),
  version: z.string().optional(),
  decision: z.strictObject({ decision: z.string(), reason: z.string(), actor: z.string(), decided_at: z.string() }).optional(),
}).meta({ id: 'ScreenMatch', description: 'A listed entry that matches a screened name' });

const Scored = z.strictObject({ list: z.string(), ref: z.string(), score: z.number() });

export const ScreenResult = z.strictObject({
  query: z.string(),
  person: z.string().optional(),
  matches: z.array(ScreenMatch),
  declared_refs: z.array(z.strictObject({ ref: z.string(), list: z.string().optional(), listed: z.boolean(), name: z.string().optional() })).optional()
    .describe('a case person\'s own sanctions_refs, and whether the newest lists hold them'),
  changes: z.strictObject({
    since: z.string(),
    versions_then: z.record(z.string(), z.string()),
    added: z.array(Scored),
    removed: z.array(Scored),
    rescored: z.array(z.strictObject({ list: z.string(), ref: z.string(), before: z.number(), after: z.number() })),
  }).optional().describe('what changed since the case\'s previous screening'),
}).meta({ id: 'ScreenResult', description: 'The matches of one screened name or person' });

export const ScreenResponse = z.strictObject({
  versions: z.record(z.string(), z.string()).describe('list → the version screened against'),
  lists: z.array(z.string()).optional(),
  results: z.array(ScreenResult),
}).meta({ id: 'ScreenResponse', description: 'Names screened against the newest lists, as `deeds screen --json`' });

export const CaseScreeningRun = z.strictObject({
  case: z.string(),
  screened_at: z.string(),
  versions: z.record(z.string(), z.string()),
  results: z.array(ScreenResult),
}).meta({ id: 'CaseScreeningRun', description: 'A new screening of every person of the case, stored' });

export const ScreeningDecision = z.strictObject({
  seq: z.number(),
  case_id: z.string(),
  person_id: z.string(),
  list: z.string(),
  ref: z.string(),
  decision: z.string().describe('confirmed or false_positive'),
  reason: z.string(),
  actor: z.string(),
  decided_at: z.string(),
}).meta({ id: 'ScreeningDecision', description: 'A decision on a match; the newest per person, list and reference is in force' });

/** As GET …/screening/matches describes it (ListingDetails there). */
const StoredListing = z.strictObject({
  name: z.string(),
  birth: z.array(z.strictObject({ date: z.string().optional(), from_year: z.number().optional(), to_year: z.number().optional(), approx: z.boolean().optional() })),
  nationality: z.array(z.string()),
  programs: z.array(z.string()),
  listed_on: z.string().optional(),
  remarks: z.string().optional(),
});

const StoredMatch = z.strictObject({
  list: z.string(),
  ref: z.string(),
  score: z.number(),
  matched_name: z.string(),
  // Runs stored before 0.1.3 have only the four keys above.
  name: z.string().optional(),
  explanation: z.string().optional(),
  strong: z.boolean().optional(),
  query_name: z.string().optional(),
  listing: StoredListing.optional(),
});

export const StoredScreening = z.strictObject({
  case: z.string(),
  last: z.strictObject({
    screened_at: z.string(),
    screened_by: z.string(),
    versions: z.record(z.string(), z.string()),
    matches: z.record(z.string(), z.array(StoredMatch)).describe('person id → the matches stored for them'),
  }).nullable(),
  decisions: z.array(ScreeningDecision).describe('the decisions in force'),
}).meta({ id: 'StoredScreening', description: 'The case\'s last stored screening and the decisions in force' });

export const DecisionHistory = z.strictObject({ case: z.string(), decisions: z.array(ScreeningDecision) })
  .meta({ id: 'DecisionHistory', description: 'Every decision on a match in the case, oldest first' });

export type _Checked = [
  Expect<Faithful<typeof ScreenResult, EngineResult>>,
  Expect<Faithful<typeof CaseScreeningRun, CaseScreening>>,
  Expect<Faithful<typeof ScreeningDecision, DecisionRow>>,
  Expect<Faithful<typeof StoredListing, ListingDetails>>,
  Expect<Faithful<typeof StoredMatch, StoredMatchType>>,
];
