// deeds audit verify
import { Command } from 'commander';
import { verifyAudit } from '../../audit/log.js';
import { print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';

export function auditCommand(): Command {
  const cmd = new Command('audit').description('the tamper-evident audit log');
  withDb(cmd.command('verify'))
    .description('check the hash chain of the audit log; exit 1 naming the first bad entry if it was altered')
    .option('--json', 'print the result as JSON')
    .action(async (options: DbOptions & { json?: boolean }) => {
      const result = await useStore(options, (store) => verifyAudit(store.db));
      if (options.json) printJson(result);
      if (result.ok) {
        if (!options.json) print(`audit log intact: ${result.entries} entries, head ${result.head.slice(0, 16)}…`);
        return;
      }
      throw new UserError(options.json ? '' : `audit log broken at entry ${result.first_bad ?? '?'}: ${result.reason}`);
    });
  return cmd;
}
