// The administration pages, for the app's route table: the instance's (users, imports, audit
// log), everyone's own API tokens, and a case's people.
import { Route } from 'react-router';
import { UsersPage } from './UsersPage';
import { ImportsPage } from './ImportsPage';
import { AuditPage } from './AuditPage';
import { TokensPage } from './TokensPage';
import { GrantsPage } from './GrantsPage';

export function adminRoutes() {
  return (
    <>
      <Route path="admin/users" element={<UsersPage />} />
      <Route path="admin/imports" element={<ImportsPage />} />
      <Route path="admin/audit" element={<AuditPage />} />
      <Route path="account/tokens" element={<TokensPage />} />
    </>
  );
}

export function caseAdminRoutes() {
  return <Route path="people" element={<GrantsPage />} />;
}
