// Users for instance admins: add one, disable or enable, set a new password. A disabled user
// cannot sign in, and their sessions and API tokens stop working at once.
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { useMe } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { Empty, ProblemMessage, QueryState } from '../ui/states';
import { AdminNav } from './AdminNav';
import { when, type UserListing } from './types';

export function UsersPage() {
  const me = useMe();
  const users = useQuery({ queryKey: ['admin', 'users'], queryFn: () => api<{ users: UserListing[] }>('/api/users'), enabled: me.data?.is_admin === true });
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['admin', 'users'] });
  return (
    <>
      <PageHeading title="Users" />
      <AdminNav />
      {me.data && !me.data.is_admin ? <Empty>Only instance admins manage users.</Empty> : (
        <>
          <AddUser onAdded={refresh} />
          <QueryState query={users} what="the users">
            {(data) => (
              <div className="table-scroll">
                <table>
                  <caption>{data.users.length} users</caption>
                  <thead><tr><th scope="col">User</th><th scope="col">Kind</th><th scope="col">Added</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
                  <tbody>
                    {data.users.map((u) => <UserRow key={u.id} user={u} self={u.username === me.data?.user.username} onChanged={refresh} />)}
                  </tbody>
                </table>
              </div>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}

function AddUser({ onAdded }: { onAdded: () => Promise<void> }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [admin, setAdmin] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      await api('/api/users', { method: 'POST', body: { username, password, admin } });
      setDone(`Added ${username}. Give them their password in person or by another channel; grant roles on cases from each case’s People page.`);
      setUsername('');
      setPassword('');
      setAdmin(false);
      await onAdded();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section aria-labelledby="add-user" className="panel">
      <h2 id="add-user">Add a user</h2>
      <form onSubmit={submit} className="form-grid">
        <label htmlFor="new-username">User name</label>
        <input id="new-username" required autoComplete="off" pattern="[a-z0-9][a-z0-9._\-]{1,63}" title="2–64 lowercase letters, digits, dots, underscores or hyphens" value={username} onChange={(e) => setUsername(e.target.value)} />
        <label htmlFor="new-password">Password</label>
        <input id="new-password" type="password" required minLength={12} autoComplete="new-password" aria-describedby="new-password-rule" value={password} onChange={(e) => setPassword(e.target.value)} />
        <p id="new-password-rule" className="small">At least 12 characters, not containing the user name, not a common password.</p>
        <label className="inline"><input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> Instance admin (manages users, imports and the audit log; owner of every case)</label>
        <div className="actions"><button type="submit">Add user</button></div>
      </form>
      {done && <p role="status">{done}</p>}
      <ProblemMessage error={error} action="Adding the user" />
    </section>
  );
}

function UserRow({ user, self, onChanged }: { user: UserListing; self: boolean; onChanged: () => Promise<void> }) {
  const [error, setError] = useState<unknown>(null);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const path = `/api/users/${encodeURIComponent(user.username)}`;
  async function run(action: string, work: () => Promise<unknown>) {
    setError(null);
    setNote(null);
    try {
      await work();
      setNote(action);
      await onChanged();
    } catch (err) {
      setError(err);
    }
  }
  const resetId = `reset-${user.username}`;
  return (
    <tr data-testid={`user-${user.username}`}>
      <th scope="row">{user.username}{self ? <span className="small"> (you)</span> : null}</th>
      <td>{user.is_admin ? 'admin' : 'user'}</td>
      <td>{when(user.created_at)}</td>
      <td>{user.disabled_at ? <span className="badge tone-bad">disabled {when(user.disabled_at)}</span> : <span className="badge tone-good">active</span>}</td>
      <td>
        <div className="actions">
          {!self && (user.disabled_at
            ? <button type="button" className="secondary" onClick={() => void run(`${user.username} may sign in again.`, () => api(`${path}/enable`, { method: 'POST' }))}>Enable {user.username}</button>
            : <button type="button" className="danger" onClick={() => void run(`${user.username} is disabled; their sessions and tokens no longer work.`, () => api(`${path}/disable`, { method: 'POST' }))}>Disable {user.username}</button>)}
          {!resetting && <button type="button" className="secondary" onClick={() => setResetting(true)}>Reset password of {user.username}</button>}
        </div>
        {resetting && (
          <form onSubmit={(e) => { e.preventDefault(); void run(`New password set for ${user.username}; their sessions have ended.`, async () => { await api(`${path}/password`, { method: 'PUT', body: { password } }); setResetting(false); setPassword(''); }); }}>
            <label htmlFor={resetId}>New password for {user.username}</label>
            <input id={resetId} type="password" required minLength={12} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <div className="actions"><button type="submit">Set password</button><button type="button" className="secondary" onClick={() => setResetting(false)}>Cancel</button></div>
          </form>
        )}
        {note && <p role="status" className="small">{note}</p>}
        <ProblemMessage error={error} action="Changing the user" />
      </td>
    </tr>
  );
}
