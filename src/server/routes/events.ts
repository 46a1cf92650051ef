// Indicators and tripwire alerts over HTTP: the JSON of `deeds indicators --json` and
// `deeds alerts --json` (docs/events.md).
import { z } from 'zod';
import { datePattern } from '../../case/schema.js';
import { indicatorJson } from '../../events/index.js';
import { caseAlertsFromStore, caseIndicatorsFromStore, officeholderMatches } from '../../import/index.js';
import { startOfCaseDate } from '../../util/dates.js';
import { caseRole } from '../access.js';
import { requireCase } from '../require-case.js';
import { problemResponses } from '../problems.js';
import { AlertsResponse, IndicatorSeries, IndicatorsResponse } from '../schemas/events.js';
import type { RoutePlugin } from '../plugin.js';

const CaseParams = z.object({ case: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a case id') });
const IsoDate = z.string().regex(datePattern, 'an ISO date such as 2021-09-01').transform(startOfCaseDate);
const today = () => new Date().toISOString().slice(0, 10);

export const eventRoutes: RoutePlugin = async (app, { store }) => {
  app.get('/api/cases/:case/indicators', {
    config: { access: caseRole('viewer') },
    schema: {
      summary: 'Every indicator series of the case, zero-filled, as `deeds indicators --json`',
      tags: ['events'],
      params: CaseParams,
      querystring: z.object({
        as_of: IsoDate.optional(),
        from: IsoDate.optional(),
        to: IsoDate.optional(),
        by: z.enum(['actor', 'violence_type', 'province']).optional().describe('also break each series down'),
      }),
      response: { 200: IndicatorsResponse, ...problemResponses() },
    },
  }, async (request) => {
    const c = await requireCase(store, request.params.case);
    const { as_of, from, to, by } = request.query;
    const asOf = as_of ?? today();
    const series = await caseIndicatorsFromStore(store, c, { asOf, from, to, by: by ? [by] : undefined });
    // indicatorJson is typed loosely; schemas/events.ts checks its shape against the series type.
    return { case: c.case.id, as_of: asOf, indicators: series.map(indicatorJson) as Array<z.input<typeof IndicatorSeries>> };
  });

  app.get('/api/cases/:case/alerts', {
    config: { access: caseRole('viewer') },
    schema: {
      summary: 'The tripwires that fire at a date, as `deeds alerts --json`', tags: ['events'], params: CaseParams, querystring: z.object({ as_of: IsoDate.optional() }),
      response: { 200: AlertsResponse, ...problemResponses() },
    },
  }, async (request) => {
    const c = await requireCase(store, request.params.case);
    const matches = await officeholderMatches(store, c);
    return caseAlertsFromStore(store, c, request.query.as_of ?? today(), { matches });
  });
};
