// “New source…” beside a link picker: the object is created in a dialog without leaving the
// form being filled in, then chosen in the picker. The dialog is rendered outside the outer form
// (a form may not hold another), and its submit does not reach the outer one.
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useQueryClient } from '@tanstack/react-query';
import { invalidateCase } from '../api/queries';
import { ObjectForm } from './ObjectForm';
import { kinds } from './kinds';
import { isEditableList } from './lists';
import type { LinkTarget } from './links';
import type { LooseCase } from './options';

export function InlineCreate({ caseId, caseFile, targets, choose }: { caseId: string; caseFile: LooseCase | undefined; targets: readonly LinkTarget[]; choose: (id: string) => void }) {
  const list = targets.length === 1 ? targets[0] : undefined;
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  // Sources and actors are what a form most often finds missing while it is being filled in.
  if (!list || !isEditableList(list) || (list !== 'sources' && list !== 'actors')) return null;
  const words = kinds[list];
  const show = () => { setOpen(true); requestAnimationFrame(() => dialog.current?.showModal?.()); };
  const close = () => { dialog.current?.close?.(); setOpen(false); };
  return (
    <>
      <button type="button" className="link" onClick={show}>New {words.one}…</button>
      {open && createPortal(
        <dialog ref={dialog} className="inline-create" aria-label={`New ${words.one}`} onClose={() => setOpen(false)}>
          <h2>New {words.one}</h2>
          <ObjectForm
            caseId={caseId}
            list={list}
            caseFile={caseFile}
            onCancel={close}
            onSaved={(saved) => {
              choose(String(saved.data['id'] ?? ''));
              void invalidateCase(client, caseId);
              close();
            }}
          />
        </dialog>,
        document.body,
      )}
    </>
  );
}
