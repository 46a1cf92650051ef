// The `deeds` executable: builds the command tree, runs it, and turns errors into exit codes
// (0 ok, 1 bad input, 2 usage, 3 internal) without stack traces for user errors.
import { Command, CommanderError } from 'commander';
import { warn } from './context.js';
import { errorCodeOf, errorEntryOf, EXIT } from '../errors/index.js';
import { VERSION } from '../version.js';

type Loader = () => Promise<Command[]>;

// Each command's module is imported only when that command runs: most of them pull in the
// store, the engine or the server, and a command should not pay for the others' start-up.
// `deeds --help` (or no command, or an unknown one) loads them all, to list them.
const commands: Record<string, Loader> = {
  case: async () => [(await import('./commands/case.js')).caseCommand()],
  evidence: async () => [(await import('./commands/evidence.js')).evidenceCommand()],
  assess: async () => [(await import('./commands/assess.js')).assessCommand()],
  review: async () => [(await import('./commands/assess.js')).reviewCommand()],
  changes: async () => [(await import('./commands/assess.js')).changesCommand()],
  timeline: async () => [(await import('./commands/assess.js')).timelineCommand()],
  ach: async () => [(await import('./commands/assess.js')).achCommand()],
  import: async () => [(await import('./commands/import.js')).importCommand((await import('../import/registry.js')).importKinds)],
  screen: async () => [(await import('./commands/screen.js')).screenCommand()],
  sanctions: async () => [(await import('./commands/sanctions.js')).sanctionsCommand()],
  fetch: async () => {
    const { importKinds, fetchableKinds } = await import('../import/registry.js');
    return [(await import('./commands/fetch.js')).fetchCommand(importKinds, fetchableKinds)];
  },
  indicators: async () => [(await import('./commands/events.js')).indicatorsCommand()],
  alerts: async () => [(await import('./commands/events.js')).alertsCommand()],
  report: async () => [(await import('./commands/report.js')).reportCommand()],
  audit: async () => [(await import('./commands/audit.js')).auditCommand()],
  user: async () => [(await import('./commands/users.js')).userCommand()],
  grant: async () => [(await import('./commands/users.js')).grantCommand()],
  revoke: async () => [(await import('./commands/users.js')).revokeCommand()],
  serve: async () => [(await import('./commands/serve.js')).serveCommand()],
  demo: async () => [(await import('./commands/demo.js')).demoCommand()],
};

/** The program with the named command only, or with every command when none is named. */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('deeds')
    .description('judge a party\'s commitments by its actions: evidence ledger, assessment, screening and briefings')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)');
  const load = only !== undefined && Object.hasOwn(commands, only) ? [commands[only] as Loader] : Object.values(commands);
  for (const make of load) for (const command of await make()) program.addCommand(command);
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
    const named = argv.slice(2).find((a) => !a.startsWith('-'));
    // `deeds --version` needs no command at all.
    if (named === undefined && argv.slice(2).some((a) => a === '--version' || a === '-V')) {
      process.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    await (await buildProgram(named)).parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    return await exitCodeFor(err);
  }
}

/**
 * The one place where errors become exit codes: from the code an error carries, through the error
 * table (src/errors). Reading the code, not the class, keeps the errors' modules unloaded until a
 * command needs them.
 */
async function exitCodeFor(thrown: unknown): Promise<number> {
  if (thrown instanceof CommanderError) {
    if (thrown.code === 'commander.helpDisplayed' || thrown.code === 'commander.version' || thrown.code === 'commander.help') return EXIT.ok;
    return EXIT.usage; // commander has printed the message already
  }
  // A driver's "busy" or "unique violation" becomes the store's own error, which has a code.
  const err = thrown instanceof Error && errorCodeOf(thrown) === undefined ? (await import('../store/write.js')).translateStoreError(thrown) : thrown;
  const { exit } = errorEntryOf(err);
  if (exit !== EXIT.internal) {
    if (err instanceof Error && err.message) warn(`deeds: ${err.message}`);
    return exit;
  }
  warn(`deeds: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  warn('This is a bug in deeds; please report it with the command you ran.');
  return EXIT.internal;
}
