// Who may do what on a case: its owners (and admins) see every role, give one, and revoke one.
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { useMe } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { Empty, ProblemMessage, QueryState } from '../ui/states';
import { actorName, when, type Grant } from './types';

const roles = [
  ['viewer', 'viewer — reads the case'],
  ['analyst', 'analyst — also adds evidence and edits objects'],
  ['reviewer', 'reviewer — also corrects and retracts evidence, decides on sanctions matches'],
  ['owner', 'owner — also manages roles and the case’s settings'],
] as const;

export function GrantsPage() {
  const caseId = useCaseId();
  const isOwner = useCan('owner');
  const me = useMe();
  const path = `/api/cases/${encodeURIComponent(caseId)}/grants`;
  const grants = useQuery({ queryKey: ['grants', caseId], queryFn: () => api<{ grants: Grant[] }>(path), enabled: isOwner });
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['grants', caseId] });
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);

  async function revoke(username: string) {
    setError(null);
    setNote(null);
    try {
      await api(`${path}/${encodeURIComponent(username)}`, { method: 'DELETE' });
      setNote(`${username} no longer has a role on this case.`);
      await refresh();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <PageHeading title="People on this case" />
      {!isOwner ? <Empty>Only the case’s owners and instance admins see and change who has which role.</Empty> : (
        <>
          <GrantForm path={path} onGranted={refresh} />
          {note && <p role="status">{note}</p>}
          <ProblemMessage error={error} action="Revoking the role" />
          <QueryState query={grants} what="the roles">
            {(data) => data.grants.length === 0 ? <Empty>Nobody has a role on this case yet (instance admins own every case).</Empty> : (
              <div className="table-scroll">
                <table>
                  <caption>{data.grants.length} people with a role</caption>
                  <thead><tr><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Given by</th><th scope="col">On</th><th scope="col">Actions</th></tr></thead>
                  <tbody>
                    {data.grants.map((g) => (
                      <tr key={g.username}>
                        <th scope="row">{g.username}</th>
                        <td>{g.role}</td>
                        <td>{actorName(g.granted_by)}</td>
                        <td>{when(g.granted_at)}</td>
                        <td>{g.username === me.data?.user.username ? <span className="small">you</span>
                          : <button type="button" className="danger" onClick={() => void revoke(g.username)}>Revoke the role of {g.username}</button>}</td>
                      </tr>
                    ))}
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

function GrantForm({ path, onGranted }: { path: string; onGranted: () => Promise<void> }) {
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<string>('viewer');
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNote(null);
    try {
      await api(path, { method: 'POST', body: { username, role } });
      setNote(`${username} is now ${role}.`);
      setUsername('');
      await onGranted();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section aria-labelledby="give-role" className="panel">
      <h2 id="give-role">Give a role</h2>
      <form onSubmit={submit} className="form-grid">
        <label htmlFor="grant-user">User name</label>
        <input id="grant-user" required autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
        <label htmlFor="grant-role">Role (replaces the one they have)</label>
        <select id="grant-role" value={role} onChange={(e) => setRole(e.target.value)}>
          {roles.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <div className="actions"><button type="submit">Give the role</button></div>
      </form>
      {note && <p role="status">{note}</p>}
      <ProblemMessage error={error} action="Giving the role" />
    </section>
  );
}
