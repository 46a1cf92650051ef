// deeds audit verify|head
import { Command } from 'commander';
import { print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';

export function auditCommand(): Command {
  const cmd = new Command('audit').description('the tamper-evident audit log (an HMAC chain when DEEDS_AUDIT_KEY is set)');
  withDb(cmd.command('verify'))
    .description('check the hash chain of the audit log and the rows it covers; exit 1 naming the first bad entry or the rows that no longer match')
    .option('--head <hash>', 'a head hash printed earlier by `deeds audit head`: fail if the chain no longer contains it (it was rebuilt)')
    .option('--json', 'print the result as JSON')
    .action(async (options: DbOptions & { json?: boolean; head?: string }) => {
      if (options.head !== undefined && !/^[0-9a-f]{64}$/.test(options.head)) throw new UserError(`--head: "${options.head.slice(0, 80)}" is not a hash of 64 hexadecimal digits`, 2);
      const { verifyAudit } = await import('../../store/audit/log.js');
      const result = await useStore(options, (store) => verifyAudit(store.db, options.head === undefined ? {} : { head: options.head }));
      if (options.json) printJson(result);
      if (result.ok) {
        if (!options.json) print(`audit log intact: ${result.entries} entries, ${result.rows} rows match, head ${result.head}${result.keyed_from !== null ? ` (HMAC-keyed from entry ${result.keyed_from})` : ''}`);
        return;
      }
      throw new UserError(options.json ? '' : `audit log broken${result.first_bad !== null ? ` at entry ${result.first_bad}` : ''}: ${result.reason}`);
    });
  withDb(cmd.command('head'))
    .description('print the hash of the newest audit entry: keep it elsewhere, and `audit verify --head HASH` later proves the chain was not rebuilt')
    .option('--json', 'print { seq, hash } as JSON')
    .action(async (options: DbOptions & { json?: boolean }) => {
      const { auditHead } = await import('../../store/audit/log.js');
      const head = await useStore(options, (store) => auditHead(store.db));
      if (options.json) printJson(head);
      else print(head.hash);
    });
  return cmd;
}
