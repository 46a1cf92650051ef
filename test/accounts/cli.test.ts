// deeds user disable|enable|reset-password on a SQLite file, run in-process (main(argv)).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authenticate, roleOn } from '../../src/accounts/index.js';
import { findUser } from '../../src/store/accounts.js';
import { loadCase } from '../../src/store/cases.js';
import { readCase } from '../../src/case/read.js';
import { openStore } from '../../src/store/open.js';
import { deedsMain as deeds } from '../helpers/cli-main.js';

const PASSWORD = 'a long test password';
const NEW_PASSWORD = 'quite another pass phrase';

describe('deeds user disable, enable and reset-password', () => {
  it('disables and enables sign-in, resets a password under the policy, and names unknown users', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'deeds-users-')), 'deeds.db');
    const signIn = async (password: string) => {
      const store = await openStore(db);
      try {
        return (await authenticate(store, 'alice', password))?.username ?? null;
      } finally {
        await store.close();
      }
    };
    expect((await deeds(['user', 'add', 'alice', '--db', db], { env: { DEEDS_PASSWORD: PASSWORD } })).code).toBe(0);
    expect(await signIn(PASSWORD)).toBe('alice');

    const off = await deeds(['user', 'disable', 'alice', '--db', db]);
    expect(off, off.stderr).toMatchObject({ code: 0, stdout: 'disabled user "alice"\n' });
    expect(await signIn(PASSWORD)).toBeNull();
    expect((await deeds(['user', 'list', '--db', db])).stdout).toBe('alice\tdisabled\n');
    expect((await deeds(['user', 'disable', 'alice', '--db', db])).stdout).toBe('user "alice" was already disabled\n');

    expect((await deeds(['user', 'enable', 'alice', '--db', db])).code).toBe(0);
    expect(await signIn(PASSWORD)).toBe('alice');

    const weak = await deeds(['user', 'reset-password', 'alice', '--db', db], { env: { DEEDS_PASSWORD: 'alice-password-1' } });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password refused: it contains the user name/);
    expect((await deeds(['user', 'reset-password', 'alice', '--db', db], { env: { DEEDS_PASSWORD: NEW_PASSWORD } })).code).toBe(0);
    expect(await signIn(PASSWORD)).toBeNull();
    expect(await signIn(NEW_PASSWORD)).toBe('alice');

    const unknown = await deeds(['user', 'disable', 'bob', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no user "bob"/);
  });
});

describe('deeds grant and deeds revoke', () => {
  it('gives a role on a case and takes it away; revoking a role nobody holds changes nothing', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'deeds-roles-')), 'deeds.db');
    expect((await deeds(['user', 'add', 'bob', '--db', db], { env: { DEEDS_PASSWORD: PASSWORD } })).code).toBe(0);
    const store = await openStore(db);
    try {
      const parsed = await readCase('cases/afghanistan-doha');
      if (!parsed.ok) throw new Error('the bundled case does not read');
      await loadCase(store, parsed.value, { actor: 'test' });
    } finally {
      await store.close();
    }
    const role = async () => {
      const s = await openStore(db);
      try {
        const user = await findUser(s, 'bob');
        return user ? await roleOn(s, user, 'afghanistan-doha') : 'no user';
      } finally {
        await s.close();
      }
    };
    expect((await deeds(['grant', 'bob', 'afghanistan-doha', 'analyst', '--db', db])).stdout).toBe('bob is now analyst on "afghanistan-doha"\n');
    expect(await role()).toBe('analyst');
    const revoke = await deeds(['revoke', 'bob', 'afghanistan-doha', '--db', db]);
    expect(revoke, revoke.stderr).toMatchObject({ code: 0, stdout: 'bob no longer holds a role on "afghanistan-doha"\n' });
    expect(await role()).toBeNull();
    expect((await deeds(['revoke', 'bob', 'afghanistan-doha', '--db', db])).stdout).toBe('bob held no role on "afghanistan-doha": nothing changed\n');
  });
});

