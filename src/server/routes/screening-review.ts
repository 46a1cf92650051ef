// Reviewing a case's last stored screening run: its matches with the explanation, the listed
// name, the score and the listing details, filtered by decision state and paginated. Decisions
// are recorded with POST /api/cases/:case/screening/decisions (routes/screening.ts).
import { z } from 'zod';
import { reviewPage, reviewStates } from '../../screening/index.js';
import { currentDecisions, decisionKey, lastScreening, withListings, type DecisionRow, type StoredMatch } from '../../store/sanctions.js';
import { caseRole } from '../access.js';
import { requireCase } from '../require-case.js';
import type { RoutePlugin } from '../plugin.js';

const CaseParams = z.object({ case: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a case id') });

const BirthDate = z.object({ date: z.string().optional(), from_year: z.number().optional(), to_year: z.number().optional(), approx: z.boolean().optional() });
const Listing = z.object({
  name: z.string(),
  birth: z.array(BirthDate),
  nationality: z.array(z.string()).describe('ISO 3166-1 alpha-2 codes'),
  programs: z.array(z.string()),
  listed_on: z.string().optional(),
  remarks: z.string().optional(),
}).meta({ id: 'ListingDetails', description: 'What the list says about the entry, to decide on a match' });
const Decision = z.object({ decision: z.string(), reason: z.string(), actor: z.string(), decided_at: z.string() });
const State = z.enum(reviewStates);
const ReviewMatch = z.object({
  person: z.string(),
  person_name: z.string(),
  list: z.string(),
  ref: z.string(),
  score: z.number(),
  strong: z.boolean().nullable(),
  name: z.string().describe('the listed entry\'s main name'),
  matched_name: z.string().describe('the listed name that matched'),
  query_name: z.string().nullable().describe('the person\'s name or alias that matched; null in runs stored before 0.1.3'),
  explanation: z.string().nullable().describe('how the matcher scored it; null in runs stored before 0.1.3'),
  listing: Listing.nullable().describe('null when the list version the run used no longer holds the entry'),
  state: State,
  decision: Decision.nullable(),
}).meta({ id: 'ReviewMatch' });
const ReviewResponse = z.object({
  case: z.string(),
  run: z.object({ id: z.string(), screened_at: z.string(), screened_by: z.string(), versions: z.record(z.string(), z.string()) }).nullable(),
  state: State.nullable(),
  total: z.number().int().describe('matches in this state (all states when none was asked for)'),
  counts: z.object({ undecided: z.number().int(), confirmed: z.number().int(), false_positive: z.number().int() }),
  limit: z.number().int(),
  offset: z.number().int(),
  matches: z.array(ReviewMatch),
}).meta({ id: 'ScreeningReview' });

const decisionView = (d: DecisionRow | undefined) => d && { decision: d.decision, reason: d.reason, actor: d.actor, decided_at: d.decided_at };

export const screeningReviewRoutes: RoutePlugin = async (app, { store }) => {
  app.get('/api/cases/:case/screening/matches', {
    config: { access: caseRole('viewer') },
    schema: {
      summary: 'The last stored screening run\'s matches with their listing details and decisions, by decision state, a page at a time',
      tags: ['sanctions'],
      params: CaseParams,
      querystring: z.object({
        state: State.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: { 200: ReviewResponse },
    },
  }, async (request) => {
    const caseId = request.params.case;
    const { state, limit, offset } = request.query;
    const c = await requireCase(store, caseId);
    const last = await lastScreening(store.db, caseId);
    if (!last) return { case: caseId, run: null, state: state ?? null, total: 0, counts: { undecided: 0, confirmed: 0, false_positive: 0 }, limit, offset, matches: [] };
    const versions = JSON.parse(last.versions) as Record<string, string>;
    // Runs stored before listing details were kept get them from the list version they used.
    const results = await withListings(store.db, versions, JSON.parse(last.results) as Record<string, StoredMatch[]>);
    const decisions = await currentDecisions(store.db, caseId);
    const names = new Map(c.actors.map((a) => [a.id, a.name]));
    const page = reviewPage(results, (p, l, r) => decisionView(decisions.get(decisionKey(p, l, r))), (p) => names.get(p) ?? p, { ...(state ? { state } : {}), offset, limit });
    return { case: caseId, run: { id: last.id, screened_at: last.screened_at, screened_by: last.actor, versions }, state: state ?? null, limit, offset, ...page };
  });
};
