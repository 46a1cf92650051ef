// Your own API tokens, for scripts: make one (its secret is shown once), see when each was
// made, revoke one. Only a signed-in session can make tokens.
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { PageHeading } from '../app/Layout';
import { Empty, ProblemMessage, QueryState } from '../ui/states';
import { AdminNav } from './AdminNav';
import { when, type ApiToken } from './types';

export function TokensPage() {
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api<{ tokens: ApiToken[] }>('/api/tokens') });
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['tokens'] });
  const [error, setError] = useState<unknown>(null);

  async function revoke(id: string) {
    setError(null);
    try {
      await api(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
      await refresh();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <PageHeading title="Your API tokens" />
      <AdminNav />
      <NewToken onMade={refresh} />
      <ProblemMessage error={error} action="Revoking the token" />
      <QueryState query={tokens} what="your tokens">
        {(data) => data.tokens.length === 0 ? <Empty>You have no API tokens.</Empty> : (
          <div className="table-scroll">
            <table>
              <caption>{data.tokens.length} tokens</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Scope</th><th scope="col">Made</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
              <tbody>
                {data.tokens.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>{t.scope === 'read' ? 'read only' : 'read and write'}</td>
                    <td>{when(t.created_at)}</td>
                    <td>{t.revoked_at ? `revoked ${when(t.revoked_at)}` : 'in use'}</td>
                    <td>{!t.revoked_at && <button type="button" className="danger" onClick={() => void revoke(t.id)}>Revoke “{t.name}”</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}

function NewToken({ onMade }: { onMade: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSecret(null);
    try {
      const made = await api<ApiToken & { token: string }>('/api/tokens', { method: 'POST', body: { name, scope } });
      setSecret(made.token);
      setName('');
      await onMade();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section aria-labelledby="new-token" className="panel">
      <h2 id="new-token">Make a token</h2>
      <form onSubmit={submit} className="form-grid">
        <label htmlFor="token-name">What it is for</label>
        <input id="token-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="token-scope">Scope</label>
        <select id="token-scope" value={scope} onChange={(e) => setScope(e.target.value as 'read' | 'write')}>
          <option value="read">read only (GET)</option>
          <option value="write">read and write (what your roles allow)</option>
        </select>
        <div className="actions"><button type="submit">Make the token</button></div>
      </form>
      {secret && (
        <div className="notice" role="status">
          <p>Copy the token now: it is not shown again. Send it as <code>Authorization: Bearer …</code>.</p>
          <label htmlFor="token-secret">Token</label>
          <input id="token-secret" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <ProblemMessage error={error} action="Making the token" />
    </section>
  );
}
