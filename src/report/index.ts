// Briefings and exports (docs/reports.md): one entry point for the CLI and the HTTP API.
// renderReport is pure apart from PDF output, which runs Chromium; gatherReportInput reads the
// optional sections from a store.
import { datePattern } from '../case/schema.js';
import { evidenceCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { buildBriefing, dayOf, type ReportInput } from './model.js';
import { assertChromium, htmlToPdf } from './pdf.js';
import { stixBundle } from './stix.js';
import type { ErrorCode } from '../errors/index.js';

export { buildBriefing, type Briefing, type ReportInput, type IndicatorSeriesInput, type AlertsInput, type SanctionsInput } from './model.js';
export { gatherReportInput } from './gather.js';
export { mayExport, type ExportRole } from './tlp.js';
export { evidenceCsv, readEvidenceCsv, neutralise, unneutralise, EVIDENCE_COLUMNS } from './csv.js';
export { ChromiumMissingError, PdfRenderError, chromiumAvailable, chromiumPath } from './pdf.js';

import { REPORT_FORMATS, type ReportFormat } from './formats.js';
export { REPORT_FORMATS, type ReportFormat } from './formats.js';

export interface RenderedReport {
  contentType: string;
  fileName: string;
  body: Buffer | string;
}

export class ReportInputError extends Error {
  override name = 'ReportInputError';
  readonly code = 'report_input_invalid' satisfies ErrorCode;
}

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The briefing (html, pdf, md) or export (stix, csv) of a case as of `input.asOf`. */
export async function renderReport(input: ReportInput, format: ReportFormat): Promise<RenderedReport> {
  if (!datePattern.test(input.asOf)) throw new ReportInputError(`as-of date "${input.asOf}" is not an ISO date such as 2021-09-01`);
  if (!isReportFormat(format)) throw new ReportInputError(`unknown format "${String(format)}": use one of ${REPORT_FORMATS.join(', ')}`);
  const name = `${input.case.case.id}-${dayOf(input.asOf)}`;
  switch (format) {
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8; header=present', fileName: `${name}-evidence.csv`, body: evidenceCsv(input.case, input.asOf) };
    case 'stix':
      return { contentType: 'application/stix+json;version=2.1', fileName: `${name}.stix.json`, body: `${JSON.stringify(stixBundle(input.case, buildBriefing(input)), null, 2)}\n` };
    case 'md':
      return { contentType: 'text/markdown; charset=utf-8', fileName: `${name}-briefing.md`, body: renderMarkdown(buildBriefing(input)) };
    case 'html':
      return { contentType: 'text/html; charset=utf-8', fileName: `${name}-briefing.html`, body: await renderHtml(buildBriefing(input)) };
    case 'pdf':
      await assertChromium();
      return { contentType: 'application/pdf', fileName: `${name}-briefing.pdf`, body: await htmlToPdf(await renderHtml(buildBriefing(input))) };
  }
}
