// The HTTP server: JSON API under /api/ (OpenAPI at /api/openapi.json, generated from the same zod
// schemas that validate requests) and the web UI at /.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import etag from '@fastify/etag';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../store/open.js';
import { VERSION } from '../version.js';
import { enforce, identify } from './access.js';
import { z } from 'zod';
import { badRequest, errorHandler, problemResponse, sendProblem } from './problems.js';
import { securityHeaders } from './headers.js';
import { namedComponents } from './openapi.js';
import { MAX_DEPTH, nestingExceeds } from '../store/limits.js';
import type { App } from './plugin.js';
import { CaseCache } from './case-cache.js';
import { sessionRoutes } from './routes/session.js';
import { caseRoutes } from './routes/cases.js';
import { evidenceRoutes } from './routes/evidence.js';
import { auditRoutes } from './routes/audit.js';
import { assessmentRoutes } from './routes/assessment.js';
import { importRoutes } from './imports/routes.js';
import { screeningRoutes } from './routes/screening.js';
import { reportRoutes } from './routes/report.js';
import { eventRoutes } from './routes/events.js';
import { userRoutes } from './routes/users.js';
import { adminAuditRoutes } from './routes/admin-audit.js';
import { screeningReviewRoutes } from './routes/screening-review.js';

export type { App };
import type { CaseCreators } from './plugin.js';

export interface ServerOptions {
  store: Store;
  logger?: boolean;
  /** Set Secure on cookies (behind HTTPS). */
  secureCookies?: boolean;
  /** Sign-in attempts allowed per client address per minute. */
  loginAttemptsPerMinute?: number;
  /** Largest accepted request body in bytes (uploads have their own limit). */
  bodyLimit?: number;
  webRoot?: string;
  /** Who may create a case: instance admins only (the default), or every signed-in user, who becomes its owner. */
  caseCreators?: CaseCreators;
}

export { caseCreatorChoices, type CaseCreators } from './plugin.js';

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildServer(options: ServerOptions): Promise<App> {
  // maxParamLength: Fastify answers 414 above 100 characters, which a position's key can reach.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024, routerOptions: { maxParamLength: 256 } }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, 'Not Found', `no route ${request.method} ${request.url.split('?')[0]}`));

  await app.register(cookie);
  await app.register(etag);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'deeds API', version: VERSION, description: 'Judge commitments by actions: cases, evidence, assessment, screening and briefings.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'deeds_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: namedComponents,
  });

  const store = options.store;
  // First, so that every answer carries them, refusals included.
  app.addHook('onRequest', securityHeaders);
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    request.caller = await identify(store, request);
  });
  // Before validation, so that a caller without access learns nothing from validation errors.
  app.addHook('preValidation', async (request, reply) => enforce(store, request, reply));
  // The nesting limit of case files, for every JSON body: nothing deeper reaches a recursive walker.
  app.addHook('preValidation', async (request) => {
    if (isPlainJson(request.body) && nestingExceeds(request.body, MAX_DEPTH)) {
      throw badRequest(`the body nests deeper than ${MAX_DEPTH} levels, more than any case needs`, [{ field: 'body', message: `nesting deeper than ${MAX_DEPTH} levels` }]);
    }
  });

  // Each route module is an encapsulated plugin: it sees the hooks above and what it is given here.
  await app.register(sessionRoutes, { store, caseCreators: options.caseCreators ?? 'admins', secureCookies: options.secureCookies ?? false, loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10 });
  await app.register(caseRoutes, { store, caseCreators: options.caseCreators ?? 'admins' });
  await app.register(evidenceRoutes, { store });
  await app.register(auditRoutes, { store });
  await app.register(assessmentRoutes, { store, cache: new CaseCache(store) });
  await app.register(importRoutes, { store });
  await app.register(screeningRoutes, { store });
  await app.register(reportRoutes, { store });
  await app.register(eventRoutes, { store });
  await app.register(userRoutes, { store });
  await app.register(adminAuditRoutes, { store });
  await app.register(screeningReviewRoutes, { store });

  // The document describes itself: its own shape is OpenAPI 3.1's, which is not repeated here.
  const OpenApiDocument = z.custom<ReturnType<App['swagger']>>((value) => typeof value === 'object' && value !== null);
  app.get('/api/openapi.json', { config: { access: { to: 'anyone' } }, schema: { hide: true, response: { 200: OpenApiDocument } } }, async () => app.swagger());
  // The web UI's files; the page for any other path is index.html, which routes in the browser.
  const Page = { description: 'a page or file of the web UI', content: { 'text/html': { schema: z.string() } } };

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    app.get('/*', { config: { access: { to: 'anyone' } }, schema: { hide: true, response: { 200: Page, 404: problemResponse(404) } } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return sendProblem(reply, 404, 'Not Found', `no route ${request.method} ${request.url.split('?')[0]}`);
      return reply.sendFile('index.html');
    });
  } else {
    app.get('/', { config: { access: { to: 'anyone' } }, schema: { hide: true, response: { 200: Page } } }, async (_request, reply) => {
      void reply.type('text/html');
      return '<!doctype html><title>deeds</title><h1>deeds</h1><p>The web UI is not built. The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>';
    });
  }
  return app;
}

/** Parsed JSON (not an upload's stream). */
function isPlainJson(body: unknown): boolean {
  return Array.isArray(body) || (body !== null && typeof body === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(body) as object | null));
}
