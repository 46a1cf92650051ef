// Cases and their objects: list, read, load a case file, export, create and update objects,
// settings, and grants.
import { z } from 'zod';
import { caseFromData } from '../../case/from-data.js';
import { caseToYaml } from '../../case/export.js';
import { objectLists } from '../../case/schema.js';
import { listCases, loadCase, storageKey } from '../../store/cases.js';
import { objectEtag, saveObject, saveSettings, settingsEtag, type EditableList } from '../../store/objects.js';
import { grantRole, roleOn, roles } from '../../accounts/index.js';
import { caseRole, requireCaller, requireRole, signedIn } from '../access.js';
import { requireCase } from '../require-case.js';
import { conflictProblem, forbidden, notFound, problemResponses, withCurrentOnConflict } from '../problems.js';
import { AssessmentSettings, CaseHeader, CaseObject, CaseView } from '../schemas/stored.js';
import type { CaseCreators, RoutePlugin, StoreOptions } from '../plugin.js';
import type { FastifyReply } from 'fastify';
import { textOf } from '../../util/text.js';

const CaseParams = z.object({ case: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a case id') });
const editableLists = objectLists.filter((l): l is EditableList => l !== 'evidence');
const ListParams = CaseParams.extend({ list: z.enum(editableLists as [EditableList, ...EditableList[]]) });
// Ids have at most 100 characters; a position's key joins two ids (position:party:condition).
const ObjectParams = ListParams.extend({ id: z.string().min(1).max(210) });
const IfMatch = z.object({ 'if-match': z.string().max(1000).optional().describe('the ETag you read: the write happens only if the object is still that version (412 otherwise)') });
const AnyObject = z.record(z.string(), z.unknown());
const ListQuery = z.object({
  q: z.string().max(200).optional().describe('words that must all appear in the object'),
  sort: z.enum(['file', 'id']).default('file').describe('file: the order of the case file'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(1000).default(1000),
});

const CaseSummary = z.strictObject({ id: z.string(), title: z.string(), subject: z.string(), marking: z.string(), updated_at: z.string(), role: z.enum(roles) })
  .meta({ id: 'CaseSummary', description: 'A case you have a role on' });
const LoadSummary = z.strictObject({
  case: z.string(),
  created: z.boolean(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  new_versions: z.number().describe('evidence items whose text changed: a new version was added and the old one kept'),
  audit_seq: z.number(),
}).meta({ id: 'LoadSummary', description: 'What loading a case file changed' });
const CaseSettings = z.strictObject({ case: CaseHeader, assessment: AssessmentSettings.nullable() })
  .meta({ id: 'CaseSettings', description: 'The `case:` block and the `assessment:` settings' });
const ObjectPage = z.strictObject({ items: z.array(CaseObject), total: z.number(), page: z.number(), per_page: z.number() })
  .meta({ id: 'ObjectPage', description: 'One page of a list\'s objects' });
const Grant = z.strictObject({ username: z.string(), role: z.string(), granted_by: z.string(), granted_at: z.string() });
/** An answer already serialised: Fastify sends text as it is, past the response schema. */
const sendJsonText = (reply: FastifyReply, text: string) => reply.type('application/json; charset=utf-8').send(text);
/** Writes may also meet a conflict, a busy database or a body that is too large. */
const writeProblems = [409, 413, 415, 503] as const;

export const caseRoutes: RoutePlugin<StoreOptions & { caseCreators: CaseCreators }> = async (app, { store, caseCreators }) => {
  const actor = (username: string) => `user:${username}`;

  app.get('/api/cases', {
    config: { access: signedIn },
    schema: { summary: 'The cases you have a role on', tags: ['cases'], response: { 200: z.strictObject({ cases: z.array(CaseSummary) }), ...problemResponses() } },
  }, async (request) => {
    const user = requireCaller(request).user;
    const all = await listCases(store);
    const visible = [];
    for (const c of all) {
      const role = await roleOn(store, user, c.id);
      if (role) visible.push({ ...c, role });
    }
    return { cases: visible };
  });

  app.post('/api/cases', {
    config: { access: signedIn },
    schema: { summary: 'Load a case file (case-file shape as JSON): inserts or updates by id; admins (or every signed-in user, who becomes its owner, when the server allows it), or owners of an existing case', tags: ['cases'], body: AnyObject, response: { 200: LoadSummary, 201: LoadSummary, ...problemResponses(writeProblems) } },
  }, async (request, reply) => {
    const user = requireCaller(request).user;
    const c = caseFromData(request.body, 'body');
    const role = await roleOn(store, user, c.case.id);
    const creatingOnly = !user.is_admin && role !== 'owner';
    if (creatingOnly && caseCreators !== 'signed-in') throw forbidden('only an instance admin may create a case on this server (deeds serve --case-creators signed-in lets every signed-in user), and only its owner may reload it');
    // A user who may only create gets 409 when the id is taken, decided inside the write, so two
    // users racing for one new id cannot both write it.
    const summary = await loadCase(store, c, { actor: actor(user.username), createOnly: creatingOnly });
    if (summary.created && !user.is_admin) await grantRole(store, user.username, c.case.id, 'owner', actor(user.username));
    return reply.code(summary.created ? 201 : 200).send(summary);
  });

  app.get('/api/cases/:case', {
    config: { access: caseRole('viewer') },
    schema: { summary: 'A case with all its objects (newest version of each evidence item)', tags: ['cases'], params: CaseParams, response: { 200: CaseView, ...problemResponses() } },
  }, async (request, reply) => {
    const body: z.input<typeof CaseView> = { ...(await requireCase(store, request.params.case)), role: requireRole(request) };
    // The largest answer there is: checking it key by key on the way out cost about 9 times its
    // serialisation (4.9 ms against 0.56 ms on the bundled case). It is the stored case as
    // validated, so it is sent as text; test/server/response-schemas.test.ts checks it fits.
    return sendJsonText(reply, JSON.stringify(body));
  });

  app.get('/api/cases/:case/export', {
    config: { access: caseRole('viewer') },
    schema: {
      summary: 'The case as YAML files that load back to the same case', tags: ['cases'], params: CaseParams,
      response: { 200: z.strictObject({ case: z.string(), files: z.record(z.string(), z.string()).describe('file name → YAML text') }), ...problemResponses() },
    },
  }, async (request) => {
    const c = await requireCase(store, request.params.case);
    if (c.case.marking === 'TLP:RED' && requireCaller(request).role !== 'owner') throw forbidden('this case is TLP:RED: only its owner may export it');
    return { case: c.case.id, files: Object.fromEntries(caseToYaml(c)) };
  });

  app.get('/api/cases/:case/settings', {
    config: { access: caseRole('viewer') },
    schema: { summary: 'The case block and the assessment settings, with their ETag for If-Match', tags: ['cases'], params: CaseParams, response: { 200: CaseSettings, ...problemResponses() } },
  }, async (request, reply) => {
    const c = await requireCase(store, request.params.case);
    return reply.header('etag', settingsEtag(c)).send({ case: c.case, assessment: c.assessment ?? null });
  });

  app.put('/api/cases/:case/settings', {
    config: { access: caseRole('owner') },
    schema: {
      summary: 'Change the case block (title, marking, …) and the assessment settings; accepts If-Match', tags: ['cases'], params: CaseParams, headers: IfMatch,
      body: z.object({ case: AnyObject.optional(), assessment: z.unknown().optional() }),
      response: { 200: CaseSettings, ...problemResponses(writeProblems, { 412: conflictProblem(CaseSettings, 'SettingsConflict') }) },
    },
  }, async (request, reply) => {
    const caseId = request.params.case;
    const saved = await withCurrentOnConflict(
      () => saveSettings(store, caseId, request.body, { actor: actor(requireCaller(request).user.username), ifMatch: request.headers['if-match'] }),
      async () => {
        const c = await requireCase(store, caseId);
        return { etag: settingsEtag(c), value: { case: c.case, assessment: c.assessment ?? null } };
      });
    return reply.header('etag', saved.etag).send({ case: saved.case.case, assessment: saved.case.assessment ?? null });
  });

  app.get('/api/cases/:case/objects/:list', {
    config: { access: caseRole('viewer') },
    schema: {
      summary: 'The objects of one list (actors, commitments, …): filtered by words, sorted, paginated',
      tags: ['objects'],
      params: ListParams,
      querystring: ListQuery,
      response: { 200: ObjectPage, ...problemResponses() },
    },
  }, async (request) => {
    const c = await requireCase(store, request.params.case);
    const { q, sort, order, page, per_page } = request.query;
    const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const objects = (c[request.params.list] as Array<Record<string, unknown>>)
      .filter((o) => words.every((w) => JSON.stringify(Object.values(o)).toLowerCase().includes(w)));
    if (sort === 'id') objects.sort((a, b) => textOf(a['id']).localeCompare(textOf(b['id'])) * (order === 'desc' ? -1 : 1));
    else if (order === 'desc') objects.reverse();
    return { items: objects.slice((page - 1) * per_page, page * per_page), total: objects.length, page, per_page };
  });

  app.get('/api/cases/:case/objects/:list/:id', {
    config: { access: caseRole('viewer') },
    schema: { summary: 'One object', tags: ['objects'], params: ObjectParams, response: { 200: CaseObject, ...problemResponses() } },
  }, async (request, reply) => {
    const c = await requireCase(store, request.params.case);
    const list = request.params.list;
    const found = (c[list] as Array<{ id?: string }>).find((o) => storageKey(list, o) === request.params.id);
    if (!found) throw notFound(`${list} object "${request.params.id}"`);
    return reply.header('etag', objectEtag(found)).send(found);
  });

  app.post('/api/cases/:case/objects/:list', {
    config: { access: caseRole('analyst') },
    schema: { summary: 'Create an object (case-file shape); links are checked like in a case file', tags: ['objects'], params: ListParams, body: AnyObject, response: { 201: CaseObject, ...problemResponses(writeProblems) } },
  }, async (request, reply) => {
    const saved = await saveObject(store, request.params.case, request.params.list, request.body, { actor: actor(requireCaller(request).user.username) });
    return reply.code(201).header('etag', saved.etag).send(saved.object);
  });

  app.put('/api/cases/:case/objects/:list/:id', {
    config: { access: caseRole('analyst') },
    schema: { summary: 'Replace an object (its id stays); accepts If-Match', tags: ['objects'], params: ObjectParams, headers: IfMatch, body: AnyObject,
      response: { 200: CaseObject, ...problemResponses(writeProblems, { 412: conflictProblem(CaseObject, 'ObjectConflict') }) },
    },
  }, async (request, reply) => {
    const { case: caseId, list, id } = request.params;
    const saved = await withCurrentOnConflict(
      () => saveObject(store, caseId, list, request.body, { actor: actor(requireCaller(request).user.username), replaceId: id, ifMatch: request.headers['if-match'] }),
      async () => {
        const found = (await requireCase(store, caseId))[list].find((o) => storageKey(list, o) === id);
        return found ? { etag: objectEtag(found), value: found } : undefined;
      });
    return reply.header('etag', saved.etag).send(saved.object);
  });

  app.get('/api/cases/:case/grants', {
    config: { access: caseRole('owner') },
    schema: { summary: 'Who has which role on the case', tags: ['cases'], params: CaseParams, response: { 200: z.strictObject({ grants: z.array(Grant) }), ...problemResponses() } },
  }, async (request) => {
    const rows = await store.db.selectFrom('case_roles').innerJoin('users', 'users.id', 'case_roles.user_id')
      .select(['users.username', 'case_roles.role', 'case_roles.granted_by', 'case_roles.granted_at'])
      .where('case_roles.case_id', '=', request.params.case).where('case_roles.revoked_at', 'is', null).orderBy('users.username').execute();
    return { grants: rows };
  });

  app.post('/api/cases/:case/grants', {
    config: { access: caseRole('owner') },
    schema: {
      summary: 'Give a user a role on the case', tags: ['cases'], params: CaseParams, body: z.object({ username: z.string().min(1), role: z.enum(roles) }),
      response: { 200: z.strictObject({ username: z.string(), role: z.enum(roles) }), ...problemResponses(writeProblems) },
    },
  }, async (request) => {
    await grantRole(store, request.body.username, request.params.case, request.body.role, actor(requireCaller(request).user.username));
    return { username: request.body.username, role: request.body.role };
  });
};
