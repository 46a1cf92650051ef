// Errors as application/problem+json (RFC 9457): a title, a status, a detail that says what was
// wrong, and `errors[]` naming fields for validation failures. Never a stack trace or SQL.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { StoreBusyError, StoreConflictError, translateStoreError } from '../store/write.js';

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

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpProblem) return sendProblem(reply, error.status, error.title, error.message, error.errors);
  // Another writer held the database too long, or won a race for the same id: the client may retry.
  const stored = translateStoreError(error);
  if (stored instanceof StoreBusyError) return sendProblem(reply.header('retry-after', '1'), 503, 'Service Unavailable', stored.message);
  if (stored instanceof StoreConflictError) return sendProblem(reply, 409, 'Conflict', stored.message);
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
