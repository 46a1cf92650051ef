// Creating and updating single case objects (not evidence, which has its own ledger). The whole
// case is validated with the change in place, so a new link is checked like in a case file.
// Each write reads the case inside its own write transaction, with the case locked, so edits of
// different objects never undo each other; If-Match makes an edit of one object conditional on
// the version the client read.
import { caseFromData } from '../case/from-data.js';
import type { CaseFile, ObjectList } from '../case/schema.js';
import { digestOf } from '../util/digest.js';
import { loadCaseIn, readCase, storageKey } from './cases.js';
import type { Store } from './open.js';
import { writeLockCase, writeTransaction, type WriteDb } from './write.js';
import type { ErrorCode } from '../errors/index.js';
import { textOf } from '../util/text.js';

export type EditableList = Exclude<ObjectList, 'evidence'>;

export class ObjectError extends Error {
  override name = 'ObjectError';
  readonly code: ErrorCode;
  constructor(message: string, readonly status: 404 | 409 | 400 | 412 = 400) {
    super(message);
    this.code = ({ 400: 'object_invalid', 404: 'object_not_found', 409: 'object_exists', 412: 'object_changed' } as const)[status];
  }
}

/** An object's entity tag: the digest of its content, quoted as HTTP wants it. */
export const objectEtag = (object: unknown): string => `"${digestOf(object)}"`;

/** The entity tag of a case's settings (the `case:` block and the `assessment:` settings). */
export const settingsEtag = (c: CaseFile): string => objectEtag({ case: c.case, assessment: c.assessment ?? null });

/** RFC 9110 If-Match: `*` or a list of tags; weak tags compare by their opaque part. */
export function ifMatchHolds(header: string | undefined, current: string | null): boolean {
  if (header === undefined) return true;
  if (current === null) return false;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(current);
}

export interface ObjectWrite {
  actor: string;
  /** Set when replacing the object with this id; absent when creating one. */
  replaceId?: string;
  /** The client's If-Match header: the write happens only if the object is still that version. */
  ifMatch?: string;
}

export async function saveObject(store: Store, caseId: string, list: EditableList, input: Record<string, unknown>, options: ObjectWrite): Promise<{ object: unknown; etag: string }> {
  return writeTransaction(store, async (trx) => {
    const c = await lockedCase(trx, store.dialect, caseId);
    const items = c[list] as Array<Record<string, unknown>>;
    const key = (o: Record<string, unknown>) => storageKey(list, o);
    const index = options.replaceId === undefined ? -1 : items.findIndex((o) => key(o) === options.replaceId);
    if (options.replaceId !== undefined) {
      if (index < 0) throw new ObjectError(`no ${list} object "${options.replaceId}" in case "${caseId}"`, 404);
      if (!ifMatchHolds(options.ifMatch, objectEtag(items[index]))) throw stale(`${list} object "${options.replaceId}"`);
      if (input['id'] !== undefined && input['id'] !== options.replaceId) throw new ObjectError(`the id cannot change (${options.replaceId} → ${textOf(input['id'])}); create a new object instead`);
      items[index] = { ...input, ...(items[index]?.['id'] !== undefined ? { id: options.replaceId } : {}) };
    } else {
      if (items.some((o) => key(o) === key(input))) throw new ObjectError(`"${key(input)}" already exists in ${list}; update it instead`, 409);
      items.push(input);
    }
    const updated: CaseFile = caseFromData(c, `${list}`);
    await loadCaseIn(trx, store.dialect, updated, { actor: options.actor, action: options.replaceId ? `${list}.update` : `${list}.create` });
    const saved = updated[list] as Array<Record<string, unknown>>;
    const object = saved[index >= 0 ? index : saved.length - 1];
    return { object, etag: objectEtag(object) };
  });
}

/** Replaces the `case:` block's editable fields and the `assessment:` settings. */
export async function saveSettings(store: Store, caseId: string, input: { case?: Record<string, unknown>; assessment?: unknown }, options: { actor: string; ifMatch?: string }): Promise<{ case: CaseFile; etag: string }> {
  return writeTransaction(store, async (trx) => {
    const c = await lockedCase(trx, store.dialect, caseId);
    if (!ifMatchHolds(options.ifMatch, settingsEtag(c))) throw stale(`the settings of case "${caseId}"`);
    const next = { ...c, case: { ...c.case, ...(input.case ?? {}), id: caseId }, ...(input.assessment !== undefined ? { assessment: input.assessment } : {}) };
    const updated = caseFromData(next, 'settings');
    await loadCaseIn(trx, store.dialect, updated, { actor: options.actor, action: 'case.settings' });
    return { case: updated, etag: settingsEtag(updated) };
  });
}

async function lockedCase(trx: WriteDb, dialect: Store['dialect'], caseId: string): Promise<CaseFile> {
  const c = (await writeLockCase(trx, dialect, caseId)) ? await readCase(trx, caseId) : undefined;
  if (!c) throw new ObjectError(`no case "${caseId}"`, 404);
  return c;
}

const stale = (what: string) => new ObjectError(`${what} changed since you read it (If-Match does not match its ETag); read it again and reapply your change`, 412);
