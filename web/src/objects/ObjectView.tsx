// One object of a kind without a status page (actor, source, relationship, position, hypothesis
// set, indicator, tripwire): its fields in words, links by name, and Edit for analysts.
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useCase } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { useWithAsOf } from '../asof/asOf';
import { Empty, QueryState } from '../ui/states';
import { getTagged } from '../forms/request';
import { isEditableList, itemSchema, type EditableList } from '../forms/schema';
import { kinds } from '../forms/kinds';
import { editPath, indexPath } from '../forms/paths';
import { FieldList } from './FieldList';
import { nameTable, type LooseCase } from '../forms/options';
import { shortLabel } from '../ui/labels';

type Obj = Record<string, unknown>;

export function ObjectView() {
  const { list = '', objectId = '' } = useParams();
  if (!isEditableList(list)) return <><PageHeading title="Not a kind of object" /><Empty>There is no list “{list}” in a case.</Empty></>;
  return <KnownView list={list} objectId={objectId} />;
}

function KnownView({ list, objectId }: { list: EditableList; objectId: string }) {
  const caseId = useCaseId();
  const c = useCase(caseId);
  const canEdit = useCan('analyst');
  const withAsOf = useWithAsOf();
  const words = kinds[list];
  const names = nameTable(c.data as unknown as LooseCase | undefined);
  const o = useQuery({
    queryKey: ['object', caseId, list, objectId],
    queryFn: () => getTagged<Obj>(`/api/cases/${encodeURIComponent(caseId)}/objects/${list}/${encodeURIComponent(objectId)}`),
  });
  return (
    <>
      <PageHeading title={`${words.one.charAt(0).toUpperCase()}${words.one.slice(1)}: ${shortLabel(names.get(objectId) || objectId, 70)}`}>
        <p className="small">{objectId}</p>
        <p><Link to={withAsOf(indexPath(caseId, list))}>All {words.many.toLowerCase()}</Link></p>
        {canEdit && <p><Link className="button" to={withAsOf(editPath(caseId, list, objectId))}>Edit</Link></p>}
      </PageHeading>
      <QueryState query={o} what={`the ${words.one}`}>
        {(tagged) => <FieldList caseId={caseId} list={list} schema={itemSchema(list)} value={tagged.data} caseFile={c.data as unknown as LooseCase | undefined} />}
      </QueryState>
      {list === 'hypotheses' && <p><Link to={withAsOf(`/cases/${encodeURIComponent(caseId)}/ach/${encodeURIComponent(objectId)}`)}>Open the ACH matrix</Link></p>}
    </>
  );
}
