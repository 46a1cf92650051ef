// Errors as application/problem+json (RFC 9457): a title, a status, a detail that says what was
// wrong, and `errors[]` naming fields for validation failures. Never a stack trace or SQL.
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translateStoreError } from '../store/write.js';
import { errorCodeOf, errorEntryOf, type ErrorCode } from '../errors/index.js';
import type { CaseInvalidError } from '../case/errors.js';
import type { EvidenceError } from '../store/evidence.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The request field that the engine's date errors on this route are about (default: named by the message). */
    engineField?: string;
  }
}

export const FieldErrorSchema = z.strictObject({
  field: z.string().describe('where the problem is: body.date, querystring.as_of, a key path of the case'),
  message: z.string(),
}).meta({ id: 'FieldError', description: 'One field at fault' });
export type FieldError = z.output<typeof FieldErrorSchema>;

/** The body of every error answer (application/problem+json). */
export const ProblemSchema = z.strictObject({
  type: z.string().describe('always about:blank: the status and title say what kind of problem it is'),
  title: z.string().describe('the HTTP status in words, e.g. Not Found'),
  status: z.number().int(),
  detail: z.string().describe('what was wrong, in words meant for the user'),
  errors: z.array(FieldErrorSchema).optional().describe('validation failures: each field at fault'),
}).meta({ id: 'Problem', description: 'An error, as application/problem+json (RFC 9457)' });
export type Problem = z.output<typeof ProblemSchema>;

/** What the statuses a route may answer with a problem mean, for the OpenAPI document. */
const problemMeaning: Record<number, string> = {
  400: 'the request is not valid: `errors` names each field at fault',
  401: 'not signed in, or the API token is not valid',
  403: 'signed in, but this needs another role, a write token or the CSRF header',
  404: 'no such case or object, or no role on the case (the same answer, so ids cannot be probed)',
  409: 'it exists already, or conflicts with what is stored',
  412: 'If-Match does not match the current ETag: someone changed it since you read it',
  413: 'the body is larger than the server accepts',
  415: 'the body is not JSON',
  429: 'too many attempts: wait a minute',
  500: 'a bug on the server; the error was logged and nothing of it is in the answer',
  503: 'the database was busy or a needed program is missing: try again (Retry-After)',
};

/** The statuses every route under /api/ may answer with a problem. */
const everyRoute = [400, 401, 403, 404, 500] as const;

/** One problem answer of a route's response schema, as application/problem+json. */
export function problemResponse(status: number, schema: z.ZodType = ProblemSchema) {
  return { description: problemMeaning[status] ?? STATUS_CODES[status] ?? 'a problem', content: { 'application/problem+json': { schema } } };
}

/**
 * The problem answers of a route: those of every route and the `extra` ones, each described. A
 * schema given for a status replaces the plain problem there (a 412 that carries the current version).
 */
export function problemResponses(extra: readonly number[] = [], special: Record<number, z.ZodType> = {}) {
  const statuses = [...new Set([...everyRoute, ...extra, ...Object.keys(special).map(Number)])].sort();
  return Object.fromEntries(statuses.map((status) => [status, problemResponse(status, special[status])]));
}

/**
 * A 412 problem that also carries the stored version and its ETag, so a client can show both
 * versions of a conflicting edit without another request.
 */
export function conflictProblem<T extends z.ZodType>(current: T, id: string) {
  return ProblemSchema.extend({
    current: z.strictObject({ etag: z.string(), value: current }).optional()
      .describe('the version stored now and its ETag: send that ETag as If-Match to overwrite it'),
  }).meta({ id, description: 'If-Match did not match: the problem, with the version stored now' });
}

/** Thrown by handlers for an expected failure; becomes a problem response with that status. */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(readonly status: number, readonly title: string, detail?: string, readonly errors: FieldError[] = [], readonly extra: Record<string, unknown> = {}) {
    super(detail ?? title);
  }
}

/** The version of an object stored now, with its ETag: what a 412 answer carries. */
export interface CurrentVersion {
  etag: string;
  value: unknown;
}

/**
 * Runs a conditional write; when it is refused with 412 (If-Match no longer matches), the answer
 * also carries the version stored now, read after the refusal, so the client can show both.
 */
export async function withCurrentOnConflict<T>(write: () => Promise<T>, current: () => Promise<CurrentVersion | undefined>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (errorCodeOf(err) === undefined || errorEntryOf(err).status !== 412) throw err;
    const now = await current();
    throw new HttpProblem(412, STATUS_CODES[412] ?? 'Precondition Failed', (err as Error).message, [], now ? { current: now } : {});
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'Not Found', `${what} does not exist or you have no access to it`);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const badRequest = (detail: string, errors: FieldError[] = []) => new HttpProblem(400, 'Bad Request', detail, errors);

export function sendProblem(reply: FastifyReply, status: number, title: string, detail: string, errors: FieldError[] = [], extra: Record<string, unknown> = {}): FastifyReply {
  const body: Record<string, unknown> = { type: 'about:blank', title, status, detail, ...extra };
  if (errors.length) body['errors'] = errors;
  return reply.code(status).type('application/problem+json').send(body);
}

/** The details some codes add to their problem: the fields at fault, or a detail worded for the API. */
const presenters: Partial<Record<ErrorCode, (err: Error, request: FastifyRequest) => { detail?: string; errors?: FieldError[] }>> = {
  case_invalid: (err) => {
    const { problems } = err as CaseInvalidError;
    return {
      detail: `the case would not be valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      errors: problems.map((p) => ({ field: p.path, message: p.message })),
    };
  },
  evidence_invalid: (err) => ({
    errors: (err as EvidenceError).problems.map((p) => ({ field: `body.${p.split(':')[0]}`, message: p.split(': ').slice(1).join(': ') })),
  }),
  evidence_not_found: (err) => ({ detail: notFound(err.message.replace(/^no /, '')).message }),
  invalid_date: (err, request) => ({ errors: [{ field: engineField(err, request), message: err.message }] }),
  invalid_range: (err, request) => ({ errors: [{ field: engineField(err, request), message: err.message }] }),
  report_input_invalid: (err) => ({ errors: [{ field: 'as_of', message: err.message }] }),
};

/** The query field an engine error is about: the route's own, or the date the message names. */
function engineField(err: Error, request: FastifyRequest): string {
  const own = request.routeOptions.config.engineField;
  if (own) return own;
  if ((err as { code?: string }).code === 'invalid_range') return 'from';
  return /^(from|to|known-at) date/.exec(err.message)?.[1]?.replace('-', '_') ?? 'as_of';
}

/** An error with a code from the error table: its status, and its message unless that is about the server. */
function sendCoded(code: ErrorCode, error: Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, detail } = errorEntryOf(error);
  if (status === 500) request.log.error({ err: error }, code);
  // Another writer held the database too long: the client may retry.
  if (code === 'store_busy') reply.header('retry-after', '1');
  const presented = presenters[code]?.(error, request) ?? {};
  return sendProblem(reply, status, STATUS_CODES[status] ?? 'Error', presented.detail ?? detail ?? error.message, presented.errors);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpProblem) return sendProblem(reply, error.status, error.title, error.message, error.errors, error.extra);
  // A driver's "busy" or "unique violation" becomes the store's own error, which has a code.
  const stored = translateStoreError(error);
  const code = errorCodeOf(stored);
  if (code !== undefined && stored instanceof Error) return sendCoded(code, stored, request, reply);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const errors = error.validation.map((v) => ({
      field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'not valid',
    }));
    return sendProblem(reply, 400, 'Bad Request', `the ${where} is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return sendProblem(reply, 413, 'Payload Too Large', 'the request body is larger than this server accepts');
  if (status === 429) return sendProblem(reply, 429, 'Too Many Requests', 'too many attempts; wait a minute and try again');
  if (status === 415) return sendProblem(reply, 415, 'Unsupported Media Type', 'send JSON with Content-Type: application/json');
  if (status >= 400 && status < 500) {
    const detail = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(error.message) ? 'the body is not valid JSON' : error.message;
    return sendProblem(reply, status, 'Bad Request', detail);
  }
  request.log.error({ err: error }, 'internal error');
  return sendProblem(reply, 500, 'Internal Server Error', 'something went wrong on the server; the error was logged');
}
