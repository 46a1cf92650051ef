// The page that creates or edits one object: /cases/:case/objects/:list/new and …/:id/edit.
// Only analysts and above see the form; the server refuses others anyway.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { invalidateCase, useCase } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { useWithAsOf } from '../asof/asOf';
import { Empty, QueryState } from '../ui/states';
import { getTagged } from './request';
import { isEditableList, type EditableList } from './schema';
import { kinds } from './kinds';
import { keyOf, viewPath } from './paths';
import { ObjectForm } from './ObjectForm';
import type { LooseCase } from './options';
import { InlineCreate } from './InlineCreate';
import type { LinkTarget } from './links';

type Obj = Record<string, unknown>;

export function EditPage({ mode }: { mode: 'new' | 'edit' }) {
  const { list = '', objectId = '' } = useParams();
  if (!isEditableList(list)) return <><PageHeading title="Not a kind of object" /><Empty>There is no list “{list}” in a case.</Empty></>;
  return <EditKnown list={list} objectId={mode === 'edit' ? objectId : null} />;
}

function EditKnown({ list, objectId }: { list: EditableList; objectId: string | null }) {
  const caseId = useCaseId();
  const c = useCase(caseId);
  const canEdit = useCan('analyst');
  const client = useQueryClient();
  const navigate = useNavigate();
  const withAsOf = useWithAsOf();
  const words = kinds[list];
  const path = `/api/cases/${encodeURIComponent(caseId)}/objects/${list}/${encodeURIComponent(objectId ?? '')}`;
  // Always read afresh: the ETag sent with the edit must be that of the version shown.
  const current = useQuery({ queryKey: ['object', caseId, list, objectId], queryFn: () => getTagged<Obj>(path), enabled: objectId !== null, staleTime: 0, gcTime: 0 });
  const title = objectId ? `Edit ${words.one}` : `New ${words.one}`;

  const saved = async (o: { data: Obj }) => {
    await invalidateCase(client, caseId);
    navigate(withAsOf(viewPath(caseId, list, keyOf(list, o.data))));
  };

  const createLink = (targets: readonly LinkTarget[], choose: (id: string) => void) => (
    <InlineCreate caseId={caseId} caseFile={c.data as unknown as LooseCase} targets={targets} choose={choose} />
  );

  if (c.data && !canEdit) {
    return <><PageHeading title={title} /><Empty>Your role on this case does not allow editing; an analyst, reviewer or owner can.</Empty></>;
  }
  return (
    <>
      <PageHeading title={title}><p className="muted">{words.intro}</p></PageHeading>
      <QueryState query={c} what="the case">
        {(cf) => objectId === null
          ? <ObjectForm caseId={caseId} list={list} caseFile={cf as unknown as LooseCase} onSaved={saved} onCancel={() => navigate(-1)} createLink={createLink} />
          : (
            <QueryState query={current} what={`the ${words.one}`}>
              {(o) => <ObjectForm key={o.etag ?? ''} caseId={caseId} list={list} caseFile={cf as unknown as LooseCase} existing={{ ...o, key: objectId }} onSaved={saved} onCancel={() => navigate(-1)} createLink={createLink} />}
            </QueryState>
          )}
      </QueryState>
    </>
  );
}
