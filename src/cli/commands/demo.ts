// deeds demo: a fresh demo database with the bundled Afghanistan case, and what it holds.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { readCase } from '../../case/read.js';
import { formatProblem } from '../../case/errors.js';
import { objectLists } from '../../case/schema.js';
import { openStore } from '../../store/open.js';
import { getCase, loadCase } from '../../store/cases.js';
import { print, UserError } from '../context.js';

export const BUNDLED_CASE = fileURLToPath(new URL('../../../cases/afghanistan-doha', import.meta.url));
const DEMO_DB = './deeds-demo.db';

export function demoCommand(): Command {
  return new Command('demo')
    .description(`create a demo database (${DEMO_DB}, made anew each time), load the bundled case and summarise it`)
    .option('--db <path>', 'SQLite file for the demo database', DEMO_DB)
    .option('--case <path>', 'case file or directory to load instead of the bundled one', BUNDLED_CASE)
    .action(async (options: { db: string; case: string }) => {
      const parsed = await readCase(options.case);
      if (!parsed.ok) throw new UserError(`the bundled case does not validate:\n${parsed.problems.map(formatProblem).join('\n')}`);
      for (const suffix of ['', '-wal', '-shm']) await rm(options.db + suffix, { force: true });
      const store = await openStore(options.db);
      try {
        const summary = await loadCase(store, parsed.value, { actor: 'demo' });
        const c = await getCase(store, summary.case);
        if (!c) throw new Error('the demo case vanished after loading');
        print(`deeds demo: loaded "${c.case.title}" into ${options.db}`);
        print(`  subject: ${c.actors.find((a) => a.id === c.case.subject)?.name ?? c.case.subject}; marking ${c.case.marking}; from ${c.case.period?.start ?? '?'}`);
        for (const list of objectLists) if (c[list].length > 0) print(`  ${list.padEnd(14)} ${c[list].length}`);
        print(`\nTry: node bin/deeds case list --db ${options.db}`);
        print(`     node bin/deeds case export ${c.case.id} --out /tmp/${c.case.id} --db ${options.db}`);
      } finally {
        await store.close();
      }
    });
}
