// Sign in: POST /api/session sets the HttpOnly cookie and returns the CSRF token for writes.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import type { SessionResponse } from '../api/types';
import { ProblemMessage } from '../ui/states';

export function SignIn() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api<SessionResponse>('/api/session', { method: 'POST', body: { username, password } });
      setCsrfToken(session.csrf_token);
      client.clear();
      const next = params.get('next');
      // Only same-site paths: a link must not send a user elsewhere after sign-in.
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="signin">
      <h1>deeds</h1>
      <p className="tagline">Judge a party’s commitments by its actions.</p>
      <form onSubmit={submit} aria-label="Sign in">
        <h2>Sign in</h2>
        <label htmlFor="username">User name</label>
        <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        <ProblemMessage error={error} action="Sign-in" />
      </form>
    </main>
  );
}
