// Sanctions screening over HTTP: free names for any signed-in user, a case's persons for its
// analysts (the run is stored, so the next one says what changed), and decisions on matches for
// its reviewers. JSON as `deeds screen --json` (docs/cli.md).
import { z } from 'zod';
import { MATCH_DEFAULTS, screen } from '../../sanctions/index.js';
import { loadScreeningIndex, screenCase, type LoadedIndex } from '../../screening/index.js';
import { addDecision, currentDecisions, decisionHistory, lastScreening, newestVersions, type StoredMatch } from '../../store/sanctions.js';
import type { Store } from '../../store/open.js';
import { caseRole, requireCaller, signedIn } from '../access.js';
import { badRequest, HttpProblem, problemResponses } from '../problems.js';
import { CaseScreeningRun, DecisionHistory, ScreeningDecision, ScreenResponse, StoredScreening } from '../schemas/sanctions.js';
import { requireCase } from '../require-case.js';
import type { RoutePlugin } from '../plugin.js';

const CaseParams = z.object({ case: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a case id') });
const Threshold = z.number().min(0).max(1).default(MATCH_DEFAULTS.candidate);

/** Building the index takes about a second; it is rebuilt only when a list gets a newer version. */
function indexCache(store: Store): () => Promise<LoadedIndex> {
  let cached: { key: string; loaded: LoadedIndex } | undefined;
  return async () => {
    const key = (await newestVersions(store)).map((v) => v.id).join(' ');
    if (cached?.key !== key) cached = { key, loaded: await loadScreeningIndex(store) };
    return cached.loaded;
  };
}

export const screeningRoutes: RoutePlugin = async (app, { store }) => {
  const loadIndex = indexCache(store);

  app.post('/api/screen', {
    config: { access: signedIn },
    schema: {
      summary: 'Screen names against the newest imported lists, as `deeds screen --json`',
      tags: ['sanctions'],
      body: z.object({
        names: z.array(z.string().trim().min(1).max(300)).min(1).max(1000),
        threshold: Threshold,
        /** Only these lists: list keys (un, ofac, opensanctions) or FtM datasets (eu_fsf …), as `deeds screen --lists`. */
        lists: z.array(z.string().trim().min(1).max(100)).min(1).max(100).optional(),
      }),
      // 409: no list is imported yet.
      response: { 200: ScreenResponse, ...problemResponses([409]) },
    },
  }, async (request) => {
    const loaded = await loadIndex();
    const { lists } = request.body;
    const unknown = lists?.filter((l) => !loaded.index.listNames().has(l)) ?? [];
    if (unknown.length) throw new HttpProblem(400, 'Bad Request', `no imported entry belongs to ${unknown.map((u) => `"${u}"`).join(', ')}`);
    const results = screen(loaded.index, request.body.names.map((query) => ({ query })), { threshold: request.body.threshold, ...(lists ? { lists } : {}) });
    return { versions: Object.fromEntries(loaded.versions.map((v) => [v.list, v.id])), ...(lists ? { lists } : {}), results };
  });

  app.post('/api/cases/:case/screening', {
    config: { access: caseRole('analyst') },
    schema: {
      summary: 'Screen every person of the case; the run is stored and compared with the previous one',
      tags: ['sanctions'],
      params: CaseParams,
      body: z.object({ threshold: Threshold }).default({ threshold: MATCH_DEFAULTS.candidate }),
      response: { 200: CaseScreeningRun, ...problemResponses([409, 503]) },
    },
  }, async (request) => {
    await requireCase(store, request.params.case);
    const loaded = await loadIndex();
    return screenCase(store, request.params.case, { threshold: request.body.threshold, actor: `user:${requireCaller(request).user.username}`, loaded });
  });

  app.get('/api/cases/:case/screening', {
    config: { access: caseRole('viewer') },
    schema: { summary: 'The case\'s last stored screening and the decisions in force', tags: ['sanctions'], params: CaseParams, response: { 200: StoredScreening, ...problemResponses() } },
  }, async (request) => {
    const caseId = request.params.case;
    await requireCase(store, caseId);
    const last = await lastScreening(store.db, caseId);
    const decisions = [...(await currentDecisions(store.db, caseId)).values()];
    return {
      case: caseId,
      last: last ? { screened_at: last.screened_at, screened_by: last.actor, versions: JSON.parse(last.versions) as Record<string, string>, matches: JSON.parse(last.results) as Record<string, StoredMatch[]> } : null,
      decisions,
    };
  });

  app.get('/api/cases/:case/screening/decisions', {
    config: { access: caseRole('viewer') },
    schema: { summary: 'Every decision on a match in this case, oldest first; the newest per person and reference is in force', tags: ['sanctions'], params: CaseParams, response: { 200: DecisionHistory, ...problemResponses() } },
  }, async (request) => ({ case: request.params.case, decisions: await decisionHistory(store.db, request.params.case) }));

  app.post('/api/cases/:case/screening/decisions', {
    config: { access: caseRole('reviewer') },
    schema: {
      summary: 'Confirm a match, or mark it a false positive, with the reason; decisions are kept across list updates',
      tags: ['sanctions'],
      params: CaseParams,
      body: z.object({
        person: z.string().min(1).max(200),
        list: z.string().min(1).max(40),
        ref: z.string().min(1).max(100),
        decision: z.enum(['confirmed', 'false_positive']),
        reason: z.string().trim().min(1).max(2000),
      }),
      response: { 201: ScreeningDecision, ...problemResponses([503]) },
    },
  }, async (request, reply) => {
    const c = await requireCase(store, request.params.case);
    const { person, list, ref, decision, reason } = request.body;
    const actor = c.actors.find((a) => a.id === person);
    if (actor?.kind !== 'person') throw badRequest(`"${person}" is not a person of case "${c.case.id}"`, [{ field: 'body.person', message: 'a person of the case' }]);
    const row = await addDecision(store, { case_id: c.case.id, person_id: person, list, ref, decision, reason }, `user:${requireCaller(request).user.username}`);
    return reply.code(201).send(row);
  });
};
