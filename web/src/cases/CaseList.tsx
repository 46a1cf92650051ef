// The cases the caller has a role on (GET /api/cases).
import { Link } from 'react-router';
import { useCases, useMe } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { useWithAsOf } from '../asof/asOf';
import { Empty, QueryState } from '../ui/states';

export function CaseList() {
  const cases = useCases();
  const withAsOf = useWithAsOf();
  const me = useMe();
  return (
    <>
      <PageHeading title="Cases">
        {me.data?.can_create_cases && <p><Link className="button" to="/new-case">New case</Link></p>}
      </PageHeading>
      <QueryState query={cases} what="cases">
        {(data) => data.cases.length === 0
          ? <Empty>You have no role on any case yet. An owner or an admin can grant you one (<code>deeds grant</code>).</Empty>
          : (
            <ul className="cards">
              {data.cases.map((c) => (
                <li key={c.id} className="card">
                  <h2><Link to={withAsOf(`/cases/${encodeURIComponent(c.id)}`)}>{c.title}</Link></h2>
                  <p className="muted"><code>{c.id}</code> · your role: {c.role}</p>
                </li>
              ))}
            </ul>
          )}
      </QueryState>
    </>
  );
}
