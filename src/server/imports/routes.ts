// Uploading data files over HTTP: the raw file is the request body, streamed to a private temp
// folder under a sanitised name, then imported as a job the client polls. Imports change data
// every case reads (events, sanctions lists), so only instance admins may start them.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importKinds, type ListImportSummary } from '../../import/index.js';
import { errorCodeOf, errorEntryOf } from '../../errors/index.js';
import { admin, requireCaller } from '../access.js';
import { badRequest, HttpProblem, notFound, problemResponses } from '../problems.js';
import type { Accepts, Expect, Faithful } from '../schemas/faithful.js';
import type { RoutePlugin } from '../plugin.js';
import { Jobs, type Job } from './jobs.js';
import { removeLeftoverUploads, uploadDirPrefix } from './leftovers.js';

/** Largest upload accepted: a full UCDP GED release is about 300 MB uncompressed. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

const ImportSummary = z.strictObject({
  kind: z.string(),
  files: z.array(z.string()),
  read: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  rejects: z.array(z.strictObject({ file: z.string(), line: z.number(), reason: z.string() })).describe('the first rejected records (the command line lists them all)'),
  // What some kinds add: an event file (src/import/events.ts) …
  skipped: z.number().optional().describe('event files: rows left out by the country filter'),
  version: z.string().nullable().optional().describe('event files: the dataset version'),
  sha256: z.string().optional(),
  import_id: z.number().nullable().optional(),
  // … and a sanctions list (src/import/sanctions.ts).
  rescreened: z.array(z.strictObject({ case: z.string(), new: z.number(), gone: z.number(), changed: z.number() })).optional()
    .describe('sanctions lists: the cases re-screened because a new list version was stored, with what changed'),
}).meta({ id: 'ImportSummary', description: 'What an import read, stored and rejected' });
const ImportJob = z.strictObject({
  id: z.string(),
  kind: z.string(),
  file_name: z.string(),
  started_by: z.string(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed']),
  progress: z.strictObject({ done: z.number(), total: z.number() }).describe('bytes or records'),
  summary: ImportSummary.nullable().describe('when done'),
  error: z.string().nullable().describe('why it failed'),
}).meta({ id: 'ImportJob', description: 'An import running or finished on this server' });
export type _Checked = [
  Expect<Faithful<typeof ImportJob, Job>>,
  Expect<Accepts<typeof ImportSummary, ListImportSummary>>,
];

/** A plain file name, or a 400: no folders, no "..", nothing a shell or a path could misread. */
export function safeFileName(name: string): string {
  if (!SAFE_NAME.test(name) || name.includes('..')) {
    throw badRequest(`"${name.slice(0, 100)}" is not a plain file name (letters, digits, ".", "_" and "-" only)`, [{ field: 'querystring.name', message: 'a plain file name' }]);
  }
  return name;
}

/** Messages of input errors (a code of the error table that is the client's to fix) are for the user; anything else stays in the server log. */
function userMessage(err: unknown): string | null {
  return err instanceof Error && errorCodeOf(err) !== undefined && errorEntryOf(err).status < 500 ? err.message : null;
}

function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) callback(new HttpProblem(413, 'Payload Too Large', `the file is larger than ${max / 1024 / 1024} MB`));
      else callback(null, chunk);
    },
  });
}

export const importRoutes: RoutePlugin = async (app, { store }) => {
  const jobs = new Jobs();
  const kinds = importKinds.map((k) => k.kind);

  app.addHook('onClose', async () => jobs.idle());
  app.addHook('onReady', async () => {
    const removed = await removeLeftoverUploads();
    if (removed.length > 0) app.log.warn({ removed }, 'removed upload files left by a server that stopped mid-upload');
  });

  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    // Only here: any body that is not JSON arrives as a stream, read after the access check.
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.post('/api/imports/:kind', {
      config: { access: admin },
      schema: {
        summary: 'Upload a data file (the raw request body) and import it as a job; poll GET /api/imports/:id',
        tags: ['imports'],
        params: z.object({ kind: z.string().max(40) }),
        querystring: z.object({ name: z.string().min(1).max(200).describe('the file name, which some readers use (e.g. sdn.csv, GEDEvent_v25_1.csv)') }),
        response: { 202: ImportJob, ...problemResponses([413]) },
      },
    }, async (request, reply) => {
      const kind = importKinds.find((k) => k.kind === request.params.kind);
      if (!kind) throw notFound(`import kind "${request.params.kind}" (kinds: ${kinds.join(', ')})`);
      const name = safeFileName(request.query.name);
      const body = request.body as Readable | undefined;
      if (!body || typeof body.pipe !== 'function') throw badRequest('send the file itself as the body, with a Content-Type such as text/csv, application/xml or application/octet-stream');
      const dir = await mkdtemp(uploadDirPrefix());
      const file = join(dir, name);
      try {
        await pipeline(body, limitBytes(MAX_UPLOAD_BYTES), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
      } catch (err) {
        await rm(dir, { recursive: true, force: true });
        throw err;
      }
      const user = requireCaller(request).user.username;
      const job = jobs.start(kind.kind, name, user, async (onProgress) => {
        try {
          return await kind.importFile(store, file, { actor: `user:${user}`, onProgress });
        } catch (err) {
          // The reader names the file by its path in the private upload folder: say its name only.
          const message = userMessage(err)?.replaceAll(file, name) ?? null;
          if (message === null) request.log.error({ err }, 'import failed');
          throw new Error(message ?? 'the import failed on the server; the error was logged', { cause: err });
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
      return reply.code(202).header('location', `/api/imports/${job.id}`).send(job);
    });
  });

  app.get('/api/imports', {
    config: { access: admin },
    schema: {
      summary: 'Import jobs of this server, newest first, and the kinds of file it imports', tags: ['imports'],
      response: {
        200: z.strictObject({
          jobs: z.array(ImportJob),
          kinds: z.array(z.strictObject({ kind: z.string(), description: z.string() })).describe('what POST /api/imports/:kind accepts, as `deeds import` lists it'),
        }),
        ...problemResponses(),
      },
    },
  }, async () => ({ jobs: jobs.list(), kinds: importKinds.map(({ kind, description }) => ({ kind, description })) }));

  app.get('/api/imports/:id', {
    config: { access: admin },
    schema: {
      summary: 'One import job: status, progress, and the summary when done', tags: ['imports'], params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
      response: { 200: ImportJob, ...problemResponses() },
    },
  }, async (request) => {
    const job = jobs.get(request.params.id);
    if (!job) throw notFound(`import job "${request.params.id}"`);
    return job;
  });
};
