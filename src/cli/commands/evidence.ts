// deeds evidence history|add|supersede|retract: the ledger, append-only.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { cliActor, print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';

type Options = DbOptions & { json?: boolean };

// The ledger's module (the store, zod) is imported inside the actions, so that `--help` loads neither.
const ledger = () => import('../../store/evidence.js');

export function evidenceCommand(): Command {
  const cmd = new Command('evidence').description('the evidence ledger: history, add, supersede, retract (nothing is ever deleted)');

  withDb(cmd.command('history'))
    .description('every stored version of an evidence item, oldest first')
    .argument('<case-id>').argument('<evidence-id>')
    .option('--json', 'print the result as JSON')
    .action(async (caseId: string, id: string, options: Options) => {
      const { evidenceHistory } = await ledger();
      const versions = await useStore(options, (store) => evidenceHistory(store, caseId, id));
      if (versions.length === 0) throw new UserError(`no evidence "${id}" in case "${caseId}"`);
      if (options.json) return printJson({ case: caseId, id, versions });
      for (const v of versions) {
        const retracted = v.item.retracted ? ` — retracted ${v.item.retracted.date}: ${v.item.retracted.reason}` : '';
        print(`v${v.version}  ${v.stored_at}  by ${v.stored_by}${retracted}\n    ${v.item.summary}`);
      }
    });

  withDb(cmd.command('add'))
    .description('add a new evidence item from a YAML or JSON file holding one item (case-file shape)')
    .argument('<case-id>').argument('<file>')
    .option('--json', 'print the stored item as JSON')
    .action(async (caseId: string, file: string, options: Options) => {
      const { addEvidence } = await ledger();
      const item = await useStore(options, async (store) => addEvidence(store, caseId, await readItem(file), { actor: cliActor() }));
      report(options, item, `added evidence "${item.id}" to case "${caseId}"`);
    });

  withDb(cmd.command('supersede'))
    .description('record a correction: a new item (new id, from FILE) that supersedes OLD-ID, which is kept')
    .argument('<case-id>').argument('<old-id>').argument('<file>')
    .option('--json', 'print the stored item as JSON')
    .action(async (caseId: string, oldId: string, file: string, options: Options) => {
      const { supersedeEvidence } = await ledger();
      const item = await useStore(options, async (store) => supersedeEvidence(store, caseId, oldId, await readItem(file), { actor: cliActor() }));
      report(options, item, `"${item.id}" now supersedes "${oldId}" in case "${caseId}"`);
    });

  withDb(cmd.command('retract'))
    .description('retract an evidence item from a date on, with a reason; the item and its history stay')
    .argument('<case-id>').argument('<evidence-id>')
    .requiredOption('--date <date>', 'from when the item no longer counts (ISO date)')
    .requiredOption('--reason <text>', 'why it is retracted')
    .option('--recorded <date>', 'when the retraction was made (default: today, UTC)')
    .option('--json', 'print the stored item as JSON')
    .action(async (caseId: string, id: string, options: Options & { date: string; reason: string; recorded?: string }) => {
      const { datePattern } = await import('../../case/schema.js');
      if (!datePattern.test(options.date)) throw new UserError(`--date: "${options.date}" is not an ISO date such as 2021-09-01`);
      if (options.recorded !== undefined && !datePattern.test(options.recorded)) throw new UserError(`--recorded: "${options.recorded}" is not an ISO date such as 2021-09-01`);
      const retraction = { date: options.date, reason: options.reason, ...(options.recorded !== undefined ? { recorded: options.recorded } : {}) };
      const { retractEvidence } = await ledger();
      const item = await useStore(options, (store) => retractEvidence(store, caseId, id, retraction, { actor: cliActor() }));
      report(options, item, `retracted "${id}" from ${options.date}`);
    });
  return cmd;
}

async function readItem(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const { parse } = await import('yaml');
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new UserError(`${file}: not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`);
  }
}

function report(options: Options, item: unknown, message: string): void {
  if (options.json) printJson(item);
  else print(message);
}
