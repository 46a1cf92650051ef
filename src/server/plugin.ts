// What route modules share without importing the app that registers them: the app's type, and
// the shape of a route plugin. Each route module exports one plugin; app.ts registers them all.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../store/open.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What every route plugin is given: the store it reads and writes. */
export interface StoreOptions {
  store: Store;
}

/** Who may create a case on this server (`deeds serve --case-creators`). */
export const caseCreatorChoices = ['admins', 'signed-in'] as const;
export type CaseCreators = (typeof caseCreatorChoices)[number];

/** A route module: an encapsulated Fastify plugin whose handlers infer their types from zod schemas. */
export type RoutePlugin<Options extends StoreOptions = StoreOptions> = FastifyPluginAsyncZod<Options>;
