// Errors as application/problem+json (RFC 9457): a title, a status, a detail that says what was
// wrong, and `errors[]` naming fields for validation failures. Never a stack trace or SQL.
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
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

export interface FieldError {
  field: string;
  message: string;
}

/** Thrown by handlers for an expected failure; becomes a problem response with that status. */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(readonly status: number, readonly title: string, detail?: string, readonly errors: FieldError[] = []) {
    super(detail ?? title);
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'Not Found', `${what} does not exist or you have no access to it`);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const badRequest = (detail: string, errors: FieldError[] = []) => new HttpProblem(400, 'Bad Request', detail, errors);

export function sendProblem(reply: FastifyReply, status: number, title: string, detail: string, errors: FieldError[] = []): FastifyReply {
  const body: Record<string, unknown> = { type: 'about:blank', title, status, detail };
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
  if (error instanceof HttpProblem) return sendProblem(reply, error.status, error.title, error.message, error.errors);
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
