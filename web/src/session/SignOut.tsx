import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import { useMe } from '../api/queries';

export function UserMenu() {
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  if (!me.data) return null;
  async function signOut() {
    await api('/api/session', { method: 'DELETE' }).catch(() => undefined);
    setCsrfToken(null);
    client.clear();
    navigate('/signin');
  }
  return (
    <div className="user">
      <span>Signed in as <strong>{me.data.user.username}</strong>{me.data.is_admin ? ' (admin)' : ''}</span>
      <button type="button" className="link" onClick={signOut}>Sign out</button>
    </div>
  );
}
