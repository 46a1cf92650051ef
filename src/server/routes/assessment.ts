// The engine over HTTP: assessment, timeline, ACH and the case dashboard, each for an as-of
// date. The JSON is the CLI's (docs/api.md): tools may use either.
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { CaseFile } from '../../case/schema.js';
import { achPrepared, assessPrepared, changesPrepared, reviewPrepared, type PreparedCase, timelineOf } from '../../assess/index.js';
import { dashboardOf } from '../dashboard.js';
import type { CaseCache } from '../case-cache.js';
import { caseRole } from '../access.js';
import { notFound, problemResponses } from '../problems.js';
import { AchResult, Assessment, Changes, Review, Timeline } from '../schemas/engine.js';
import { Dashboard } from '../schemas/dashboard.js';
import type { RoutePlugin, StoreOptions } from '../plugin.js';

const CaseParams = z.object({ case: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a case id') });
const AsOf = z.object({ as_of: z.string().max(40).optional() });
/** `known_at`: what was known at that date about `as_of` (default: knowledge follows `as_of`). */
const AsOfKnown = AsOf.extend({ known_at: z.string().max(40).optional() });

export interface AssessmentOptions extends StoreOptions {
  /** Prepared cases and serialised bodies, shared by every route that assesses. */
  cache: CaseCache;
}

/** Today in UTC, the default as-of date; the engine itself has no clock. */
const today = () => new Date().toISOString().slice(0, 10);

export const assessmentRoutes: RoutePlugin<AssessmentOptions> = async (app, { cache }) => {
  const load = async (caseId: string) => {
    const hit = await cache.get(caseId);
    if (!hit) throw notFound(`case "${caseId}"`);
    return hit;
  };
  /**
   * Assessment-based bodies are serialised once per case version and date, with their ETag. Sent
   * as text, they bypass the response schema at run time; test/server/response-schemas.test.ts
   * checks them against it.
   */
  const cachedJson = async (reply: FastifyReply, caseId: string, key: string, compute: (c: CaseFile, p: PreparedCase) => unknown) => {
    const hit = await cache.json(caseId, key, compute);
    if (!hit) throw notFound(`case "${caseId}"`);
    return reply.type('application/json; charset=utf-8').header('etag', hit.etag).send(hit.body);
  };

  app.get('/api/cases/:case/assessment', {
    config: { access: caseRole('viewer') },
    schema: { summary: 'Statuses at a date, as `deeds assess --json`', tags: ['assessment'], params: CaseParams, querystring: AsOfKnown, response: { 200: Assessment, ...problemResponses() } },
  }, async (request, reply) => {
    const asOf = request.query.as_of ?? today();
    const knownAt = request.query.known_at;
    return cachedJson(reply, request.params.case, `assessment ${asOf} ${knownAt ?? ''}`, (_c, p) => assessPrepared(p, asOf, { knownAt }));
  });

  app.get('/api/cases/:case/changes', {
    config: { access: caseRole('viewer') },
    schema: {
      summary: 'What changed between two dates, as `deeds changes --json`',
      tags: ['assessment'], params: CaseParams,
      querystring: z.object({ from: z.string().max(40), to: z.string().max(40).optional() }),
      response: { 200: Changes, ...problemResponses() },
    },
  }, async (request, reply) => {
    const { from, to = today() } = request.query;
    return cachedJson(reply, request.params.case, `changes ${from} ${to}`, (_c, p) => changesPrepared(p, from, to));
  });

  app.get('/api/cases/:case/review', {
    config: { access: caseRole('viewer') },
    schema: { summary: 'Analytic-integrity warnings at a date, as `deeds review --json`', tags: ['assessment'], params: CaseParams, querystring: AsOfKnown, response: { 200: Review, ...problemResponses() } },
  }, async (request, reply) => {
    const asOf = request.query.as_of ?? today();
    const knownAt = request.query.known_at;
    return cachedJson(reply, request.params.case, `review ${asOf} ${knownAt ?? ''}`, (_c, p) => reviewPrepared(p, asOf, { knownAt }));
  });

  app.get('/api/cases/:case/dashboard', {
    config: { access: caseRole('viewer') },
    schema: {
      summary: 'Headline findings, scorecard of conditions × leverage, each party\'s position per condition, and the review\'s warnings', tags: ['assessment'], params: CaseParams, querystring: AsOf,
      response: { 200: Dashboard, ...problemResponses() },
    },
  }, async (request, reply) => {
    const asOf = request.query.as_of ?? today();
    return cachedJson(reply, request.params.case, `dashboard ${asOf}`, (c, p) => {
      const a = assessPrepared(p, asOf);
      return dashboardOf(c, a, reviewPrepared(p, asOf, {}, a));
    });
  });

  app.get('/api/cases/:case/timeline/:object', {
    config: { access: caseRole('viewer') },
    schema: {
      summary: 'One object\'s status over time, as `deeds timeline --json`',
      tags: ['assessment'],
      params: CaseParams.extend({ object: z.string().min(1).max(200) }),
      querystring: z.object({ from: z.string().max(40).optional(), to: z.string().max(40).optional(), step: z.enum(['week', 'month']).default('month'), known_at: z.string().max(40).optional() }),
      response: { 200: Timeline, ...problemResponses() },
    },
  }, async (request) => {
    const { prepared } = await load(request.params.case);
    const { from, to, step, known_at: knownAt } = request.query;
    return timelineOf(prepared, request.params.object, { from, to, step, knownAt });
  });

  app.get('/api/cases/:case/ach/:set', {
    config: { access: caseRole('viewer') },
    schema: {
      summary: 'The ACH matrix, scores, diagnosticity and sensitivity, as `deeds ach --json`', tags: ['assessment'], params: CaseParams.extend({ set: z.string().min(1).max(200) }), querystring: AsOf,
      response: { 200: AchResult, ...problemResponses() },
    },
  }, async (request) => {
    const { prepared } = await load(request.params.case);
    return achPrepared(prepared, request.params.set, { asOf: request.query.as_of });
  });
};
