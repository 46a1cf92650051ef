// The evidence ledger over HTTP: a paginated, filterable list, one item and its history, and the
// only writes the ledger allows — add, supersede, retract. There is no DELETE.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Evidence } from '../../case/schema.js';
import { datePattern } from '../../case/schema.js';
import { addEvidence, evidenceEtag, evidenceHistory, retractEvidence, supersedeEvidence } from '../../store/evidence.js';
import { fieldsBeyondRole } from '../../accounts/index.js';
import { caseRole, requireCaller } from '../access.js';
import { conflictProblem, HttpProblem, notFound, problemResponses, withCurrentOnConflict, type CurrentVersion } from '../problems.js';
import { Evidence as EvidenceOut, LedgerItem } from '../schemas/stored.js';
import { requireCase } from '../require-case.js';
import type { RoutePlugin } from '../plugin.js';

const CaseParams = z.object({ case: z.string().regex(/^[a-z0-9-]{1,100}$/) });
const ItemParams = CaseParams.extend({ id: z.string().regex(/^[a-z0-9-]{1,100}$/) });
const IfMatch = z.object({ 'if-match': z.string().max(1000).optional().describe('the item\'s ETag as you read it: 412 if it changed since') });
const IsoDate = z.string().regex(datePattern, 'an ISO date such as 2021-09-01');
const AnyObject = z.record(z.string(), z.unknown());

const LedgerQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(500).default(50),
  target: z.string().optional().describe('only items that bear on this object id'),
  source: z.string().optional(),
  grade: z.string().regex(/^[A-F][1-6]?$/).optional().describe('e.g. B or B2'),
  from: IsoDate.optional().describe('observed on or after'),
  to: IsoDate.optional().describe('observed on or before'),
  q: z.string().max(200).optional().describe('words in the summary'),
  include_retracted: z.enum(['true', 'false']).default('true'),
  sort: z.enum(['recorded', 'observed', 'id', 'grade']).default('recorded'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

const LedgerPage = z.strictObject({ items: z.array(LedgerItem), total: z.number(), page: z.number(), per_page: z.number() })
  .meta({ id: 'LedgerPage', description: 'One page of the evidence ledger' });
const EvidenceVersion = z.strictObject({ id: z.string(), version: z.number(), stored_at: z.string(), stored_by: z.string(), digest: z.string(), item: EvidenceOut })
  .meta({ id: 'EvidenceVersion', description: 'One stored version of an evidence item' });
const EvidenceConflict = conflictProblem(EvidenceOut, 'EvidenceConflict');
/** Writes may also meet an existing id, a busy database or a body that is too large. */
const writeProblems = [409, 413, 415, 503] as const;

export const evidenceRoutes: RoutePlugin = async (app, { store }) => {
  const who = (request: FastifyRequest) => ({ actor: `user:${requireCaller(request).user.username}`, ifMatch: request.headers['if-match'] });
  /** The item stored now and its ETag, for a 412 answer. */
  const currentItem = async (caseId: string, id: string): Promise<CurrentVersion | undefined> => {
    const item = (await requireCase(store, caseId)).evidence.find((e) => e.id === id);
    return item ? { etag: evidenceEtag(item), value: item } : undefined;
  };

  app.get('/api/cases/:case/evidence', {
    config: { access: caseRole('viewer') },
    schema: { summary: 'The evidence ledger: paginated, filterable, sortable', tags: ['evidence'], params: CaseParams, querystring: LedgerQuery, response: { 200: LedgerPage, ...problemResponses() } },
  }, async (request) => {
    const c = await requireCase(store, request.params.case);
    const q = request.query;
    const sourceGrade = new Map(c.sources.map((s) => [s.id, s.reliability]));
    const recordedOf = (e: Evidence) => e.recorded ?? c.sources.find((s) => s.id === e.source)?.date ?? '';
    const gradeOf = (e: Evidence) => `${e.reliability ?? sourceGrade.get(e.source) ?? 'F'}${e.credibility}`;
    const words = q.q?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    const items = c.evidence
      .filter((e) => !q.target || e.bears_on.some((b) => b.target === q.target))
      .filter((e) => !q.source || e.source === q.source)
      .filter((e) => !q.grade || gradeOf(e).startsWith(q.grade))
      .filter((e) => !q.from || e.observed.from >= q.from)
      .filter((e) => !q.to || e.observed.from <= q.to)
      .filter((e) => q.include_retracted === 'true' || !e.retracted)
      .filter((e) => words.every((w) => e.summary.toLowerCase().includes(w)))
      .map((e) => ({ ...e, recorded: recordedOf(e), grade: gradeOf(e) }));
    const key = { recorded: (e: (typeof items)[number]) => e.recorded, observed: (e: (typeof items)[number]) => e.observed.from, id: (e: (typeof items)[number]) => e.id, grade: (e: (typeof items)[number]) => e.grade }[q.sort];
    items.sort((a, b) => key(a).localeCompare(key(b)) * (q.order === 'asc' ? 1 : -1) || a.id.localeCompare(b.id));
    const start = (q.page - 1) * q.per_page;
    return { items: items.slice(start, start + q.per_page), total: items.length, page: q.page, per_page: q.per_page };
  });

  app.get('/api/cases/:case/evidence/:id', {
    config: { access: caseRole('viewer') },
    schema: { summary: 'One evidence item, newest version', tags: ['evidence'], params: ItemParams, response: { 200: EvidenceOut, ...problemResponses() } },
  }, async (request, reply) => {
    const c = await requireCase(store, request.params.case);
    const item = c.evidence.find((e) => e.id === request.params.id);
    if (!item) throw notFound(`evidence "${request.params.id}"`);
    return reply.header('etag', evidenceEtag(item)).send(item);
  });

  app.get('/api/cases/:case/evidence/:id/history', {
    config: { access: caseRole('viewer') },
    schema: {
      summary: 'Every stored version of an item, oldest first', tags: ['evidence'], params: ItemParams,
      response: { 200: z.strictObject({ id: z.string(), versions: z.array(EvidenceVersion) }), ...problemResponses() },
    },
  }, async (request) => {
    const versions = await evidenceHistory(store, request.params.case, request.params.id);
    if (versions.length === 0) throw notFound(`evidence "${request.params.id}"`);
    return { id: request.params.id, versions };
  });

  app.post('/api/cases/:case/evidence', {
    config: { access: caseRole('analyst') },
    schema: { summary: 'Add an evidence item (case-file shape); `supersedes` or `retracted` in it need the reviewer role', tags: ['evidence'], params: CaseParams, body: AnyObject, response: { 201: EvidenceOut, ...problemResponses(writeProblems) } },
  }, async (request, reply) => {
    const beyond = fieldsBeyondRole(request.body, requireCaller(request).role);
    if (beyond.length > 0) {
      throw new HttpProblem(403, 'Forbidden', `setting ${beyond.map((b) => `${b.field} needs the ${b.needs} role`).join(' and ')}; you are ${requireCaller(request).role}`,
        beyond.map((b) => ({ field: `body.${b.field}`, message: `needs the ${b.needs} role` })));
    }
    const item = await addEvidence(store, request.params.case, request.body, { actor: who(request).actor });
    return reply.code(201).header('etag', evidenceEtag(item)).send(item);
  });

  app.post('/api/cases/:case/evidence/:id/supersede', {
    config: { access: caseRole('reviewer') },
    schema: {
      summary: 'Correct an item: a new item (new id) that supersedes this one, which is kept; accepts If-Match (the old item\'s ETag)', tags: ['evidence'], params: ItemParams, headers: IfMatch, body: AnyObject,
      response: { 201: EvidenceOut, ...problemResponses(writeProblems, { 412: EvidenceConflict }) },
    },
  }, async (request, reply) => {
    const { case: caseId, id } = request.params;
    const item = await withCurrentOnConflict(() => supersedeEvidence(store, caseId, id, request.body, who(request)), () => currentItem(caseId, id));
    return reply.code(201).header('etag', evidenceEtag(item)).send(item);
  });

  app.post('/api/cases/:case/evidence/:id/retract', {
    config: { access: caseRole('reviewer') },
    schema: {
      summary: 'Retract an item from a date on, with a reason; it stays in the ledger. `recorded` (when the retraction was made) defaults to today; accepts If-Match',
      tags: ['evidence'], params: ItemParams, headers: IfMatch,
      body: z.object({ date: IsoDate, reason: z.string().min(1).max(2000), recorded: IsoDate.optional() }),
      response: { 200: EvidenceOut, ...problemResponses(writeProblems, { 412: EvidenceConflict }) },
    },
  }, async (request, reply) => {
    const { date, reason, recorded } = request.body;
    const { case: caseId, id } = request.params;
    const item = await withCurrentOnConflict(
      () => retractEvidence(store, caseId, id, { date, reason, ...(recorded ? { recorded } : {}) }, who(request)),
      () => currentItem(caseId, id));
    return reply.header('etag', evidenceEtag(item)).send(item);
  });
};
