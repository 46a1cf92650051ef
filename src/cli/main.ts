// The `deeds` executable: builds the command tree, runs it, and turns errors into exit codes
// (0 ok, 1 bad input, 2 usage, 3 internal) without stack traces for user errors.
import { Command, CommanderError } from 'commander';
import { CaseInvalidError } from '../case/errors.js';
import { StoreOpenError } from '../store/open.js';
import { EvidenceError } from '../store/evidence.js';
import { StoreBusyError, StoreConflictError, translateStoreError } from '../store/write.js';
import { EventFileError } from '../events/columns.js';
import { SanctionsInputError } from '../sanctions/errors.js';
import { EXIT, UserError, warn } from './context.js';
import { caseCommand } from './commands/case.js';
import { auditCommand } from './commands/audit.js';
import { evidenceCommand } from './commands/evidence.js';
import { demoCommand } from './commands/demo.js';
import { grantCommand, userCommand } from './commands/users.js';
import { serveCommand } from './commands/serve.js';
import { importCommand } from './commands/import.js';
import { screenCommand } from './commands/screen.js';
import { sanctionsCommand } from './commands/sanctions.js';
import { achCommand, assessCommand, changesCommand, reviewCommand, timelineCommand } from './commands/assess.js';
import { isAssessError } from '../assess/index.js';
import { importKinds } from '../import/registry.js';
import { alertsCommand, indicatorsCommand } from './commands/events.js';
import { fetchCommand } from './commands/fetch.js';
import { reportCommand } from './commands/report.js';
import { VERSION } from '../version.js';

export function buildProgram(): Command {
  const program = new Command('deeds')
    .description('judge a party\'s commitments by its actions: evidence ledger, assessment, screening and briefings')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)');
  program.addCommand(caseCommand());
  program.addCommand(evidenceCommand());
  program.addCommand(assessCommand());
  program.addCommand(reviewCommand());
  program.addCommand(changesCommand());
  program.addCommand(timelineCommand());
  program.addCommand(achCommand());
  program.addCommand(importCommand(importKinds));
  program.addCommand(screenCommand());
  program.addCommand(sanctionsCommand());
  program.addCommand(fetchCommand(importKinds));
  program.addCommand(indicatorsCommand());
  program.addCommand(alertsCommand());
  program.addCommand(reportCommand());
  program.addCommand(auditCommand());
  program.addCommand(userCommand());
  program.addCommand(grantCommand());
  program.addCommand(serveCommand());
  program.addCommand(demoCommand());
  configure(program);
  return program;
}

/** Every command: usage errors throw instead of exiting, so main() decides the exit code. */
function configure(cmd: Command): void {
  cmd.exitOverride();
  for (const sub of cmd.commands) configure(sub);
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    return exitCodeFor(err);
  }
}

function exitCodeFor(thrown: unknown): number {
  const err = translateStoreError(thrown);
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    return EXIT.usage; // commander has printed the message already
  }
  if (err instanceof UserError) {
    if (err.message) warn(`deeds: ${err.message}`);
    return err.exitCode;
  }
  if (err instanceof StoreBusyError || err instanceof StoreConflictError || err instanceof CaseInvalidError || err instanceof StoreOpenError || err instanceof EvidenceError || err instanceof EventFileError || err instanceof SanctionsInputError || isAssessError(err)) {
    warn(`deeds: ${err.message}`);
    return EXIT.input;
  }
  warn(`deeds: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  warn('This is a bug in deeds; please report it with the command you ran.');
  return EXIT.internal;
}
