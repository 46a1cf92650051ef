// Links between the administration pages; admins see them all, everyone their own tokens.
import { NavLink } from 'react-router';
import { useMe } from '../api/queries';
import './admin.css';

export function AdminNav() {
  const me = useMe();
  const admin = me.data?.is_admin ?? false;
  const items: [string, string][] = [
    ...(admin ? [['/admin/users', 'Users'], ['/admin/imports', 'Data imports'], ['/admin/audit', 'Audit log']] as [string, string][] : []),
    ['/account/tokens', 'Your API tokens'],
  ];
  return (
    <nav aria-label="Administration" className="admin-nav">
      <ul className="filters">
        {items.map(([to, label]) => <li key={to}><NavLink to={to}>{label}</NavLink></li>)}
      </ul>
    </nav>
  );
}

/** The header's way in: "Administration" for admins, "API tokens" for everyone else. */
export function AdminLink() {
  const me = useMe();
  if (!me.data) return null;
  return <NavLink className="admin-link" to={me.data.is_admin ? '/admin/users' : '/account/tokens'}>{me.data.is_admin ? 'Administration' : 'API tokens'}</NavLink>;
}

/** For pages only admins may use: a plain refusal for everyone else (the server refuses anyway). */
export function useIsAdmin(): boolean | undefined {
  return useMe().data?.is_admin;
}
