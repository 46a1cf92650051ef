// The evidence table as CSV, one row per evidence item with its `bears_on` links joined in one
// cell, and the reader that turns such a file back into evidence items. Cells are written by the
// one CSV writer (src/util/csv.ts), which neutralises formulas in a way the reader can undo.
import { parse } from 'csv-parse/sync';
import { Evidence, type CaseFile } from '../case/schema.js';
import { csvCell, unneutralise } from '../util/csv.js';
import { dayOf } from './model.js';

export { neutralise, unneutralise } from '../util/csv.js';

export const EVIDENCE_COLUMNS = [
  'id', 'source', 'source_title', 'grade', 'observed_from', 'observed_to', 'recorded', 'location_country', 'location_admin1',
  'location_admin2', 'reliability', 'credibility', 'summary', 'bears_on', 'supersedes', 'retracted_date', 'retracted_reason', 'extensions',
] as const;
type Column = (typeof EVIDENCE_COLUMNS)[number];

/**
 * The evidence recorded by `asOf` (every item when it is null), in case order. A retraction dated
 * after `asOf` is left out: the table shows what was known on that date.
 */
export function evidenceCsv(c: CaseFile, asOf: string | null): string {
  const sources = new Map(c.sources.map((s) => [s.id, s]));
  const known = (e: CaseFile['evidence'][number]) => asOf === null || dayOf(e.recorded ?? sources.get(e.source)?.date ?? '0000') <= dayOf(asOf);
  const rows = c.evidence.filter(known).map((e): Record<Column, string> => {
    const source = sources.get(e.source);
    const retracted = e.retracted && (asOf === null || dayOf(e.retracted.date) <= dayOf(asOf)) ? e.retracted : null;
    const extensions = Object.fromEntries(Object.entries(e).filter(([k]) => k.startsWith('x-')));
    return {
      id: e.id, source: e.source, source_title: source?.title ?? '', grade: `${e.reliability ?? source?.reliability ?? 'F'}${e.credibility}`,
      observed_from: e.observed.from, observed_to: e.observed.to ?? '', recorded: e.recorded ?? '',
      location_country: e.location?.country ?? '', location_admin1: e.location?.admin1 ?? '', location_admin2: e.location?.admin2 ?? '',
      reliability: e.reliability ?? '', credibility: String(e.credibility), summary: e.summary,
      bears_on: e.bears_on.map((b) => `${b.target}:${b.stance}:${b.strength}`).join('; '),
      supersedes: e.supersedes ?? '', retracted_date: retracted?.date ?? '', retracted_reason: retracted?.reason ?? '',
      extensions: Object.keys(extensions).length ? JSON.stringify(extensions) : '',
    };
  });
  const lines = [EVIDENCE_COLUMNS.join(','), ...rows.map((r) => EVIDENCE_COLUMNS.map((k) => csvCell(r[k])).join(','))];
  // The byte-order mark makes spreadsheets read the file as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export type EvidenceCsvResult = { ok: true; value: CaseFile['evidence'] } | { ok: false; problems: string[] };

/** Reads a CSV written by evidenceCsv back into evidence items (source_title and grade are derived and ignored). */
export function readEvidenceCsv(text: string): EvidenceCsvResult {
  let records: Array<Record<string, string>>;
  try {
    records = parse<Record<string, string>>(text, { columns: true, bom: true, skip_empty_lines: true });
  } catch (err) {
    return { ok: false, problems: [`not a readable CSV file: ${err instanceof Error ? err.message : String(err)}`] };
  }
  const problems: string[] = [];
  const value: CaseFile['evidence'] = [];
  const missing = ['id', 'source', 'observed_from', 'summary'].filter((k) => records.length > 0 && !(k in (records[0] ?? {})));
  if (missing.length) return { ok: false, problems: [`missing column(s): ${missing.join(', ')}`] };
  records.forEach((raw, i) => {
    const row = (k: Column) => unneutralise(raw[k] ?? '');
    const present = (k: Column) => row(k) || undefined;
    const at = `row ${i + 2}`;
    let extensions: Record<string, unknown> = {};
    try {
      extensions = row('extensions') ? JSON.parse(row('extensions')) as Record<string, unknown> : {};
    } catch {
      problems.push(`${at}: extensions is not JSON`);
    }
    const location = { country: present('location_country'), admin1: present('location_admin1'), admin2: present('location_admin2') };
    const item = {
      id: row('id'), source: row('source'),
      observed: { from: row('observed_from'), ...(present('observed_to') ? { to: row('observed_to') } : {}) },
      ...(present('recorded') ? { recorded: row('recorded') } : {}),
      ...(Object.values(location).some(Boolean) ? { location: Object.fromEntries(Object.entries(location).filter(([, v]) => v)) } : {}),
      ...(present('credibility') ? { credibility: Number(row('credibility')) } : {}),
      ...(present('reliability') ? { reliability: row('reliability') } : {}),
      summary: row('summary'),
      bears_on: row('bears_on') ? row('bears_on').split(';').map((link) => {
        const [target, stance, strength] = link.trim().split(':');
        return { target, stance, ...(strength ? { strength } : {}) };
      }) : [],
      ...(present('supersedes') ? { supersedes: row('supersedes') } : {}),
      ...(present('retracted_date') ? { retracted: { date: row('retracted_date'), reason: row('retracted_reason') } } : {}),
    };
    const parsed = Evidence.safeParse(item);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `${at} (${row('id') || 'no id'}): ${issue.path.join('.') || 'item'}: ${issue.message}`));
      return;
    }
    value.push({ ...parsed.data, ...Object.fromEntries(Object.entries(extensions).filter(([k]) => k.startsWith('x-'))) });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value };
}
