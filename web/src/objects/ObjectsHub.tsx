// Every kind of object of the case with its count, each leading to its index page, and for
// analysts a way to create one; owners also reach the case's settings.
import { Link } from 'react-router';
import { useCase } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { useWithAsOf } from '../asof/asOf';
import { QueryState } from '../ui/states';
import { editableLists } from '../forms/lists';
import { kinds } from '../forms/kinds';
import { casePath, indexPath, newPath } from '../forms/paths';

export function ObjectsHub() {
  const caseId = useCaseId();
  const c = useCase(caseId);
  const canEdit = useCan('analyst');
  const isOwner = useCan('owner');
  const withAsOf = useWithAsOf();
  return (
    <>
      <PageHeading title="Everything in this case">
        {isOwner && <p><Link to={withAsOf(`${casePath(caseId)}/settings`)}>Case settings</Link></p>}
      </PageHeading>
      <QueryState query={c} what="the case">
        {(cf) => {
          const loose = cf as unknown as Record<string, unknown>;
          const count = (list: string) => (Array.isArray(loose[list]) ? (loose[list] as unknown[]).length : 0);
          return (
            <ul className="cards">
              {editableLists.map((list) => (
                <li key={list} className="card">
                  <h2><Link to={withAsOf(indexPath(caseId, list))}>{kinds[list].many}</Link> <span className="count-plain">{count(list)}</span></h2>
                  <p className="muted">{kinds[list].intro}</p>
                  {canEdit && <p><Link to={withAsOf(newPath(caseId, list))}>New {kinds[list].one}</Link></p>}
                </li>
              ))}
              <li className="card">
                <h2><Link to={withAsOf(indexPath(caseId, 'evidence'))}>Evidence</Link> <span className="count-plain">{count('evidence')}</span></h2>
                <p className="muted">The append-only ledger: each item with its source, grade and what it bears on.</p>
              </li>
            </ul>
          );
        }}
      </QueryState>
    </>
  );
}
