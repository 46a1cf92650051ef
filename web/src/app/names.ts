// Display names for ids (actors, sources, commitments, every object with an id), from the case
// once it has loaded; until then the id. People read names; the id goes in small type beside.
import { useMemo } from 'react';
import { useCase } from '../api/queries';
import { nameTable, type LooseCase } from '../forms/options';
import { viewPath } from '../forms/paths';
import { isEditableList } from '../forms/lists';

export function useNames(caseId: string): (id: string) => string {
  const c = useCase(caseId).data;
  return useMemo(() => {
    const names = nameTable(c as unknown as LooseCase | undefined);
    return (id: string) => names.get(id) || id;
  }, [c]);
}

/** Where an object id leads in the UI, from the list that holds it. */
export function useObjectPaths(caseId: string): (id: string) => string | null {
  const c = useCase(caseId).data;
  return useMemo(() => {
    const paths = new Map<string, string>();
    for (const [list, items] of Object.entries((c ?? {}) as unknown as LooseCase)) {
      if (!Array.isArray(items) || !(isEditableList(list) || list === 'evidence')) continue;
      for (const o of items as { id?: string }[]) if (o?.id) paths.set(o.id, viewPath(caseId, list, o.id));
    }
    return (id: string) => paths.get(id) ?? null;
  }, [c, caseId]);
}
