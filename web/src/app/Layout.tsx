// The frame of every signed-in page: skip link, header with the as-of control, the case's
// navigation when inside a case, and the page.
import { useEffect, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { AsOfControl } from '../asof/AsOfControl';
import { AdminLink } from '../admin/AdminNav';
import { useWithAsOf } from '../asof/asOf';
import { UserMenu } from '../session/SignOut';
import '../forms/forms.css';

export function Layout() {
  const { caseId } = useParams();
  const withAsOf = useWithAsOf();
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <Link to={withAsOf('/')} className="brand">deeds</Link>
        {caseId && <CaseNav caseId={caseId} />}
        <AsOfControl />
        <AdminLink />
        <UserMenu />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

function CaseNav({ caseId }: { caseId: string }) {
  const withAsOf = useWithAsOf();
  const base = `/cases/${encodeURIComponent(caseId)}`;
  const items: [string, string][] = [
    ['', 'Dashboard'], ['/commitments', 'Commitments'], ['/conditions', 'Conditions'], ['/leverage', 'Leverage'], ['/claims', 'Claims'],
    ['/objects', 'All objects'], ['/changes', 'Changes'], ['/evidence', 'Evidence'], ['/indicators', 'Indicators'], ['/ach', 'ACH'], ['/screening', 'Screening'], ['/reports', 'Reports'], ['/people', 'People'],
  ];
  return (
    <nav aria-label="Case">
      <ul>
        {items.map(([path, label]) => (
          <li key={label}><NavLink end={path === ''} to={withAsOf(base + path)}>{label}</NavLink></li>
        ))}
      </ul>
    </nav>
  );
}

/** Sets the document title, so that tabs, history and screen readers name the page. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · deeds`;
  }, [title]);
}

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  useTitle(title);
  return (
    <div className="page-heading">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
