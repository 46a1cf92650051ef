// Creating and updating single case objects (not evidence, which has its own ledger). The whole
// case is validated with the change in place, so a new link is checked like in a case file.
import { caseFromData } from '../case/from-data.js';
import type { CaseFile, ObjectList } from '../case/schema.js';
import { getCase, loadCase, storageKey } from './cases.js';
import type { Store } from './open.js';

export type EditableList = Exclude<ObjectList, 'evidence'>;

export class ObjectError extends Error {
  override name = 'ObjectError';
  constructor(message: string, readonly status: 404 | 409 | 400 = 400) {
    super(message);
  }
}

export async function saveObject(store: Store, caseId: string, list: EditableList, input: Record<string, unknown>, options: { actor: string; replaceId?: string }): Promise<unknown> {
  const c = await getCase(store, caseId);
  if (!c) throw new ObjectError(`no case "${caseId}"`, 404);
  const items = c[list] as Array<Record<string, unknown>>;
  const key = (o: Record<string, unknown>) => storageKey(list, o as { id?: string });
  const index = options.replaceId === undefined ? -1 : items.findIndex((o) => key(o) === options.replaceId);
  if (options.replaceId !== undefined) {
    if (index < 0) throw new ObjectError(`no ${list} object "${options.replaceId}" in case "${caseId}"`, 404);
    if (input['id'] !== undefined && input['id'] !== options.replaceId) throw new ObjectError(`the id cannot change (${options.replaceId} → ${String(input['id'])}); create a new object instead`);
    items[index] = { ...input, ...(items[index]?.['id'] !== undefined ? { id: options.replaceId } : {}) };
  } else {
    if (items.some((o) => key(o) === key(input))) throw new ObjectError(`"${key(input)}" already exists in ${list}; update it instead`, 409);
    items.push(input);
  }
  const updated: CaseFile = caseFromData(c, `${list}`);
  await loadCase(store, updated, { actor: options.actor, action: options.replaceId ? `${list}.update` : `${list}.create` });
  const saved = updated[list] as Array<Record<string, unknown>>;
  return saved[index >= 0 ? index : saved.length - 1];
}

/** Replaces the `case:` block's editable fields and the `assessment:` settings. */
export async function saveSettings(store: Store, caseId: string, input: { case?: Record<string, unknown>; assessment?: unknown }, actor: string): Promise<CaseFile> {
  const c = await getCase(store, caseId);
  if (!c) throw new ObjectError(`no case "${caseId}"`, 404);
  const next = { ...c, case: { ...c.case, ...(input.case ?? {}), id: caseId }, ...(input.assessment !== undefined ? { assessment: input.assessment } : {}) };
  const updated = caseFromData(next, 'settings');
  await loadCase(store, updated, { actor, action: 'case.settings' });
  return updated;
}
