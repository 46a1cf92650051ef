// Route modules beyond the core ones in app.ts: each capability adds its module here.
import type { App, RouteContext } from '../app.js';
import { assessmentRoutes } from './assessment.js';
import { importRoutes } from '../imports/routes.js';
import { screeningRoutes } from './screening.js';
import { reportRoutes } from './report.js';
import { eventRoutes } from './events.js';

export type RouteModule = (app: App, ctx: RouteContext) => void;

export const extraRoutes: RouteModule[] = [assessmentRoutes, importRoutes, screeningRoutes, reportRoutes, eventRoutes];
