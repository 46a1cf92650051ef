// Briefings and exports over HTTP: the same files as `deeds report` (docs/reports.md). A case
// marked TLP:RED is exported only for its owner.
import { z } from 'zod';
import { gatherReportInput, mayExport, renderReport, REPORT_FORMATS } from '../../report/index.js';
import { caseRole, requireCaller } from '../access.js';
import { forbidden, problemResponses } from '../problems.js';
import { requireCase } from '../require-case.js';
import type { RoutePlugin } from '../plugin.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The file, by format: text for all but the PDF, which is binary. */
const attachment = (description: string) => z.string().describe(description);
const ReportFile = {
  description: 'the briefing or export, as an attachment named in Content-Disposition',
  content: {
    'text/html': { schema: attachment('format=html: the briefing as one self-contained page') },
    'application/pdf': { schema: z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary', description: 'format=pdf: the briefing printed by Chromium' }) },
    'text/markdown': { schema: attachment('format=md: the briefing as Markdown') },
    'application/stix+json': { schema: attachment('format=stix: a STIX 2.1 bundle') },
    'text/csv': { schema: attachment('format=csv: the evidence, one row per link') },
  },
};

export const reportRoutes: RoutePlugin = async (app, { store }) => {
  app.get('/api/cases/:case/report', {
    // Only `since` reaches the engine's own date checks: the rest is checked before.
    config: { access: caseRole('viewer'), engineField: 'since' },
    schema: {
      summary: 'The briefing (html, pdf, md) or an export (stix, csv) of the case at a date, as `deeds report`',
      tags: ['reports'],
      params: z.object({ case: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a case id') }),
      querystring: z.object({ format: z.enum(REPORT_FORMATS), as_of: z.string().max(40).optional(), known_at: z.string().max(40).optional(), since: z.string().max(40).optional() }),
      // 503: a PDF needs Chromium on the server.
      response: { 200: ReportFile, ...problemResponses([503]) },
    },
  }, async (request, reply) => {
    const c = await requireCase(store, request.params.case);
    if (!mayExport(c.case.marking, requireCaller(request).role)) throw forbidden(`case "${c.case.id}" is ${c.case.marking}: only its owner may export it`);
    const input = await gatherReportInput(store, c, request.query.as_of ?? today(), request.query.known_at, request.query.since);
    const report = await renderReport(input, request.query.format);
    return reply.type(report.contentType).header('content-disposition', `attachment; filename="${report.fileName}"`).send(report.body);
  });
};
