// deeds assess | timeline | ach: the engine's answers for a stored case, as tables or JSON.
import { Command, Option } from 'commander';
import type { CaseFile } from '../../case/schema.js';
import type { TimelineStep } from '../../assess/index.js';
import { print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';

type Options = DbOptions & { json?: boolean };

// The engine and the store are imported inside the actions, so that `--help` loads neither.
const engine = () => import('../../assess/index.js');

/** Today in UTC: the engine has no clock, so the CLI supplies the default as-of date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function storedCase(options: DbOptions, caseId: string): Promise<CaseFile> {
  const { getCase } = await import('../../store/cases.js');
  const c = await useStore(options, (store) => getCase(store, caseId));
  if (!c) throw new UserError(`no case "${caseId}" in the database (deeds case list shows what is there; deeds case load adds one)`);
  return c;
}

export function assessCommand(): Command {
  return withDb(new Command('assess'))
    .description('statuses of commitments, conditions, leverage and claims at a date, with the evidence that decided them')
    .argument('<case-id>')
    .option('--as-of <date>', 'assess with what was known on this date (ISO 8601; default: today)')
    .option('--known-at <date>', 'with what was known on this date about the as-of date, e.g. today\'s knowledge of 2021 (default: the as-of date)')
    .option('--json', 'print the full assessment as JSON')
    .action(async (caseId: string, options: Options & { asOf?: string; knownAt?: string }) => {
      const { assess, formatAssessment } = await engine();
      const result = assess(await storedCase(options, caseId), options.asOf ?? today(), { knownAt: options.knownAt });
      if (options.json) printJson(result);
      else print(formatAssessment(result));
    });
}

export function timelineCommand(): Command {
  return withDb(new Command('timeline'))
    .description('one object\'s status over a range of dates, with the dates where it changed and why')
    .argument('<case-id>').argument('<object-id>')
    .option('--from <date>', 'first date (default: when the object was made, else the case period\'s start)')
    .option('--to <date>', 'last date (default: the case period\'s end, else the object\'s last event)')
    .addOption(new Option('--step <step>', 'spacing of the points').choices(['week', 'month']).default('month'))
    .option('--known-at <date>', 'every point with what was known on this date (default: each point\'s own date)')
    .option('--json', 'print the timeline as JSON')
    .action(async (caseId: string, objectId: string, options: Options & { from?: string; to?: string; step: TimelineStep; knownAt?: string }) => {
      const { timeline, formatTimeline } = await engine();
      const result = timeline(await storedCase(options, caseId), objectId, { from: options.from, to: options.to, step: options.step, knownAt: options.knownAt });
      if (options.json) printJson(result);
      else print(formatTimeline(result));
    });
}

export function reviewCommand(): Command {
  return withDb(new Command('review'))
    .description('analytic-integrity warnings: judgements on one origin, restated sources, low grades, stale evidence, backdated retractions, self-sourced claims')
    .argument('<case-id>')
    .option('--as-of <date>', 'review the assessment of this date (ISO 8601; default: today)')
    .option('--known-at <date>', 'with what was known on this date about the as-of date (default: the as-of date)')
    .option('--json', 'print the warnings as JSON')
    .action(async (caseId: string, options: Options & { asOf?: string; knownAt?: string }) => {
      const { review, formatReview } = await engine();
      const result = review(await storedCase(options, caseId), options.asOf ?? today(), { knownAt: options.knownAt });
      if (options.json) printJson(result);
      else print(formatReview(result));
    });
}

export function changesCommand(): Command {
  return withDb(new Command('changes'))
    .description('what changed between two dates: statuses and confidence that moved, evidence recorded, decisions taken')
    .argument('<case-id>')
    .requiredOption('--from <date>', 'the earlier date, e.g. the last review (ISO 8601)')
    .option('--to <date>', 'the later date (default: today)')
    .option('--json', 'print the changes as JSON')
    .action(async (caseId: string, options: Options & { from: string; to?: string }) => {
      const { changes, formatChanges } = await engine();
      const result = changes(await storedCase(options, caseId), options.from, options.to ?? today());
      if (options.json) printJson(result);
      else print(formatChanges(result));
    });
}

export function achCommand(): Command {
  return withDb(new Command('ach'))
    .description('Analysis of Competing Hypotheses: the matrix, inconsistency scores, diagnosticity and sensitivity')
    .argument('<case-id>').argument('<set-id>')
    .option('--as-of <date>', 'use only the evidence that counted on this date (default: all of it)')
    .option('--json', 'print the result as JSON')
    .action(async (caseId: string, setId: string, options: Options & { asOf?: string }) => {
      const { ach, formatAch } = await engine();
      const result = ach(await storedCase(options, caseId), setId, { asOf: options.asOf });
      if (options.json) printJson(result);
      else print(formatAch(result));
    });
}
