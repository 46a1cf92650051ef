// deeds user add|list|disable|enable|reset-password, deeds grant and deeds revoke: accounts and
// per-case roles for the server.
import { Command } from 'commander';
import { cliActor, print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';

// The accounts' module (the store, password hashing) is imported inside the actions, so that `--help` loads none of it.
const accounts = () => import('../../accounts/index.js');

export function userCommand(): Command {
  const cmd = new Command('user').description('accounts for the server');
  withDb(cmd.command('add'))
    .description('add a user; the password comes from DEEDS_PASSWORD, else a prompt on a terminal, else the first line of stdin')
    .argument('<name>', 'user name: lowercase letters, digits, ".", "_" or "-"')
    .option('--admin', 'make the user an instance admin (manages users, imports and the audit log; owner of every case)')
    .option('--json', 'print the new user as JSON')
    .action(async (name: string, options: DbOptions & { admin?: boolean; json?: boolean }) => {
      const [{ addUser }, { readNewPassword }] = await Promise.all([accounts(), import('../password.js')]);
      const password = await readNewPassword(`Password for ${name}: `).catch((err: Error) => { throw new UserError(err.message); });
      if (!password) throw new UserError('no password given: set DEEDS_PASSWORD or pass it on standard input');
      const user = await useStore(options, (store) => addUser(store, name, password, { admin: options.admin, actor: cliActor() })).catch(rethrowAccount);
      if (options.json) printJson(user);
      else print(`added ${user.is_admin ? 'admin ' : ''}user "${user.username}"`);
    });
  withDb(cmd.command('list'))
    .description('the users')
    .option('--json', 'print the result as JSON')
    .action(async (options: DbOptions & { json?: boolean }) => {
      const { listUsers } = await accounts();
      const users = await useStore(options, listUsers);
      if (options.json) return printJson({ users });
      for (const u of users) print(`${u.username}${u.is_admin ? '\tadmin' : ''}${u.disabled_at ? '\tdisabled' : ''}`);
    });
  withDb(cmd.command('disable'))
    .description('disable a user: sign-in is refused, and the user\'s sessions and API tokens stop working at once')
    .argument('<name>')
    .action(async (name: string, options: DbOptions) => {
      const { disableUser } = await accounts();
      const changed = await useStore(options, (store) => disableUser(store, name, cliActor())).catch(rethrowAccount);
      print(changed ? `disabled user "${name}"` : `user "${name}" was already disabled`);
    });
  withDb(cmd.command('enable'))
    .description('let a disabled user sign in again (API tokens revoked when it was disabled stay revoked)')
    .argument('<name>')
    .action(async (name: string, options: DbOptions) => {
      const { enableUser } = await accounts();
      const changed = await useStore(options, (store) => enableUser(store, name, cliActor())).catch(rethrowAccount);
      print(changed ? `enabled user "${name}"` : `user "${name}" was not disabled`);
    });
  withDb(cmd.command('reset-password'))
    .description('set a new password (from DEEDS_PASSWORD, a prompt, or the first line of stdin); the user\'s sessions end')
    .argument('<name>')
    .action(async (name: string, options: DbOptions) => {
      const [{ resetPassword }, { readNewPassword }] = await Promise.all([accounts(), import('../password.js')]);
      const password = await readNewPassword(`New password for ${name}: `).catch((err: Error) => { throw new UserError(err.message); });
      if (!password) throw new UserError('no password given: set DEEDS_PASSWORD or pass it on standard input');
      await useStore(options, (store) => resetPassword(store, name, password, cliActor())).catch(rethrowAccount);
      print(`new password set for "${name}"; their sessions have ended`);
    });
  return cmd;
}

export function grantCommand(): Command {
  return withDb(new Command('grant'))
    .description('give a user a role on a case: viewer, analyst, reviewer or owner (replaces the role they had)')
    .argument('<user>').argument('<case-id>').argument('<role>')
    .action(async (user: string, caseId: string, role: string, options: DbOptions) => {
      const { grantRole } = await accounts();
      await useStore(options, (store) => grantRole(store, user, caseId, role, cliActor())).catch(rethrowAccount);
      print(`${user} is now ${role} on "${caseId}"`);
    });
}

export function revokeCommand(): Command {
  return withDb(new Command('revoke'))
    .description('take away the role a user holds on a case (the grant stays in the audit log, marked revoked)')
    .argument('<user>').argument('<case-id>')
    .action(async (user: string, caseId: string, options: DbOptions) => {
      const { revokeRole } = await accounts();
      const revoked = await useStore(options, (store) => revokeRole(store, user, caseId, cliActor())).catch(rethrowAccount);
      print(revoked ? `${user} no longer holds a role on "${caseId}"` : `${user} held no role on "${caseId}": nothing changed`);
    });
}

async function rethrowAccount(err: unknown): Promise<never> {
  const { AccountError } = await accounts();
  if (err instanceof AccountError) throw new UserError(err.message);
  throw err;
}
