// Display names for ids (actors, objects), from the case once it has loaded; until then the id.
import { useMemo } from 'react';
import { useCase } from '../api/queries';

export function useNames(caseId: string): (id: string) => string {
  const c = useCase(caseId).data;
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const a of c?.actors ?? []) names.set(a.id, a.name);
    return (id: string) => names.get(id) ?? id;
  }, [c]);
}

/** Where an object id leads in the UI, from the list that holds it. */
export function useObjectPaths(caseId: string): (id: string) => string | null {
  const c = useCase(caseId).data;
  return useMemo(() => {
    const base = `/cases/${encodeURIComponent(caseId)}`;
    const lists: [string, { id: string }[] | undefined][] = [
      ['commitments', c?.commitments], ['conditions', c?.conditions], ['claims', c?.claims], ['leverage', c?.leverage], ['evidence', c?.evidence],
    ];
    const paths = new Map<string, string>();
    for (const [list, items] of lists) for (const o of items ?? []) paths.set(o.id, `${base}/${list}/${encodeURIComponent(o.id)}`);
    return (id: string) => paths.get(id) ?? null;
  }, [c, caseId]);
}
