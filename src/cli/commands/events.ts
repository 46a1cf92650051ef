// deeds indicators CASE_ID [--json|--csv] and deeds alerts CASE_ID [--as-of D] [--json]: event
// indicator series and the tripwires that fire (docs/events.md).
import { Command, Option } from 'commander';
import type { CaseFile } from '../../case/schema.js';
import type { BreakdownKind, IndicatorSeries } from '../../events/case-indicators.js';
import type { Store } from '../../store/open.js';
import { print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';

const breakdownKinds: BreakdownKind[] = ['actor', 'violence_type', 'province'];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A date option; a partial date (`2021-08`) means its first day, or its last for `--to`. */
async function dateOption(value: string | undefined, flag: string, end = false): Promise<string | undefined> {
  if (value === undefined) return undefined;
  // Imported here, like every module below that is not commander's: `--help` loads none of them.
  const [{ datePattern }, { endOfCaseDate, startOfCaseDate }] = await Promise.all([import('../../case/schema.js'), import('../../util/dates.js')]);
  if (!datePattern.test(value)) throw new UserError(`${flag}: "${value}" is not an ISO date such as 2021-09-01`, 2);
  return end ? endOfCaseDate(value) : startOfCaseDate(value);
}

async function caseOrFail(store: Store, caseId: string): Promise<CaseFile> {
  const { getCase } = await import('../../store/cases.js');
  const c = await getCase(store, caseId);
  if (!c) throw new UserError(`no case "${caseId}" in the database; load it with \`deeds case load PATH\``);
  return c;
}

async function mappingErrors<T>(work: () => Promise<T>): Promise<T> {
  const { ActorMappingError } = await import('../../events/actors.js');
  return work().catch((err: unknown) => {
    if (err instanceof ActorMappingError) throw new UserError(err.message);
    throw err;
  });
}

export function indicatorsCommand(): Command {
  return withDb(new Command('indicators'))
    .description('every indicator series of a case: events, fatalities or civilian fatalities per ISO week or month, zero-filled')
    .argument('<case-id>')
    .option('--as-of <date>', 'last day to count (default: today)')
    .option('--from <date>', 'first day (default: the case period start, or the earliest tripwire baseline)')
    .option('--to <date>', 'last day (default: the case end, the as-of date or the last event, whichever is first)')
    .addOption(new Option('--by <kind...>', 'also break each series down').choices(breakdownKinds))
    .addOption(new Option('--json', 'print the series as JSON').conflicts('csv'))
    .option('--csv', 'print the series as CSV (one row per indicator, breakdown and period)')
    .action(async (caseId: string, options: DbOptions & { asOf?: string; from?: string; to?: string; by?: BreakdownKind[]; json?: boolean; csv?: boolean }) => {
      const asOf = (await dateOption(options.asOf, '--as-of')) ?? today();
      const from = await dateOption(options.from, '--from');
      const to = await dateOption(options.to, '--to', true);
      const [{ caseIndicatorsFromStore }, { indicatorJson }, { csvCell }] = await Promise.all([import('../../import/case-events.js'), import('../../events/case-views.js'), import('../../events/csv-out.js')]);
      const { c, series } = await useStore(options, async (store) => {
        const c = await caseOrFail(store, caseId);
        const series = await mappingErrors(() => caseIndicatorsFromStore(store, c, { asOf, from, to, by: options.by }));
        return { c, series };
      });
      if (options.json) return printJson({ case: c.case.id, as_of: asOf, indicators: series.map(indicatorJson) });
      if (options.csv) {
        process.stdout.write(indicatorsCsv(series, csvCell));
        return;
      }
      if (series.length === 0) return print(`case "${c.case.id}" has no indicators`);
      for (const s of series) print(textSeries(s));
    });
}

export function indicatorsCsv(series: IndicatorSeries[], csvCell: (value: string) => string): string {
  const lines = [['indicator', 'dataset', 'measure', 'breakdown', 'key', 'label', 'period', 'start', 'end', 'value']];
  for (const s of series) {
    const rows: Array<{ breakdown: string; key: string; label: string; values: number[] }> = [{ breakdown: 'total', key: '', label: '', values: s.values }];
    for (const [kind, list] of Object.entries(s.breakdowns ?? {})) for (const b of list ?? []) rows.push({ breakdown: kind, key: b.key, label: b.label, values: b.values });
    for (const r of rows) {
      s.periods.forEach((p, i) => lines.push([s.id, s.dataset, s.measure, r.breakdown, r.key, r.label, p.label, p.start, p.end, String(r.values[i] ?? 0)]));
    }
  }
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function textSeries(s: IndicatorSeries): string {
  const head = `${s.id}: ${s.measure} per ${s.period}, ${s.dataset}`;
  if (s.periods.length === 0) return `${head}\n  ${s.note ?? 'no data'}`;
  const width = Math.max(...s.values.map((v) => String(v).length), 1);
  const lines = s.periods.map((p, i) => `  ${p.label}  ${String(s.values[i]).padStart(width)}`);
  return [`${head} (${s.from}…${s.to}, total ${s.total})`, ...(s.note ? [`  note: ${s.note}`] : []), ...(s.caveats ?? []).map((c) => `  caveat: ${c}`), ...lines].join('\n');
}

export function alertsCommand(): Command {
  return withDb(new Command('alerts'))
    .description('the tripwires of a case that fire at a date (rise_over_baseline, zscore, review_due, sanctioned_officeholder)')
    .argument('<case-id>')
    .option('--as-of <date>', 'the date to judge at (default: today)')
    .option('--json', 'print the result as JSON')
    .action(async (caseId: string, options: DbOptions & { asOf?: string; json?: boolean }) => {
      const asOf = (await dateOption(options.asOf, '--as-of')) ?? today();
      const { caseAlertsFromStore, officeholderMatches } = await import('../../import/case-events.js');
      const result = await useStore(options, async (store) => {
        const c = await caseOrFail(store, caseId);
        const matches = await officeholderMatches(store, c);
        return mappingErrors(() => caseAlertsFromStore(store, c, asOf, { matches }));
      });
      if (options.json) return printJson(result);
      if (result.alerts.length === 0) print(`no tripwire fires for case "${result.case}" on ${result.as_of}`);
      for (const a of result.alerts) {
        const when = a.periods.length ? `${a.periods.length} period(s) from ${a.first}: ${a.periods.join(', ')}` : a.first ? `from ${a.first}` : '';
        print(`${a.tripwire} (${a.kind}) fires${when ? ` — ${when}` : ''}`);
        if (a.advice) print(`  advice: ${a.advice}`);
      }
      for (const s of result.skipped) print(`${s.tripwire}: not evaluated — ${s.reason}`);
    });
}

