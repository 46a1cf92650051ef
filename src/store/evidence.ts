// The evidence ledger's write operations. There is no delete and no rewrite: a change is a new
// version, a correction is a new item that supersedes the old, a retraction is a version that
// records when and why.
import { Evidence, type CaseFile } from '../case/schema.js';
import { checkReferences } from '../case/references.js';
import { formatPath } from '../case/errors.js';
import { liftExtensions, restoreExtensions } from '../case/extensions.js';
import { appendAudit } from '../audit/log.js';
import { digestOf } from '../util/digest.js';
import { getCase, latestEvidenceDigests, type WriteOptions } from './cases.js';
import type { Store } from './open.js';

export class EvidenceError extends Error {
  override name = 'EvidenceError';
  constructor(message: string, readonly problems: string[] = []) {
    super(problems.length ? `${message}:\n${problems.join('\n')}` : message);
  }
}

export interface EvidenceVersion {
  id: string;
  version: number;
  stored_at: string;
  stored_by: string;
  digest: string;
  item: Evidence;
}

export async function evidenceHistory(store: Store, caseId: string, id: string): Promise<EvidenceVersion[]> {
  const rows = await store.db.selectFrom('evidence_versions').selectAll().where('case_id', '=', caseId).where('id', '=', id).orderBy('version').execute();
  return rows.map((r) => ({ id: r.id, version: r.version, stored_at: r.stored_at, stored_by: r.stored_by, digest: r.digest, item: JSON.parse(r.data) as Evidence }));
}

/** Adds a new evidence item; its id must be new to the case. */
export async function addEvidence(store: Store, caseId: string, input: unknown, options: WriteOptions): Promise<Evidence> {
  const item = parseItem(input);
  const c = await requireCase(store, caseId);
  if (c.evidence.some((e) => e.id === item.id)) throw new EvidenceError(`evidence "${item.id}" already exists in case "${caseId}"; supersede it instead`);
  checkAgainstCase(c, item);
  await appendVersion(store, caseId, item, 'evidence.add', options);
  return item;
}

/** Records a correction: a new item (new id) that supersedes `oldId`, which is kept. */
export async function supersedeEvidence(store: Store, caseId: string, oldId: string, input: unknown, options: WriteOptions): Promise<Evidence> {
  const c = await requireCase(store, caseId);
  if (!c.evidence.some((e) => e.id === oldId)) throw new EvidenceError(`no evidence "${oldId}" in case "${caseId}"`);
  const item = parseItem({ ...(input as object), supersedes: oldId });
  if (c.evidence.some((e) => e.id === item.id)) throw new EvidenceError(`evidence "${item.id}" already exists; a correction needs a new id`);
  checkAgainstCase(c, item);
  await appendVersion(store, caseId, item, 'evidence.supersede', options);
  return item;
}

/** Retracts an item from `date` on, with a reason; the item and its history stay. */
export async function retractEvidence(store: Store, caseId: string, id: string, retraction: { date: string; reason: string }, options: WriteOptions): Promise<Evidence> {
  const c = await requireCase(store, caseId);
  const current = c.evidence.find((e) => e.id === id);
  if (!current) throw new EvidenceError(`no evidence "${id}" in case "${caseId}"`);
  if (current.retracted) throw new EvidenceError(`evidence "${id}" was already retracted on ${current.retracted.date}`);
  const item = parseItem({ ...current, retracted: retraction });
  await appendVersion(store, caseId, item, 'evidence.retract', options);
  return item;
}

function parseItem(input: unknown): Evidence {
  const copy: unknown = structuredClone(input);
  const extensions = liftExtensions(copy);
  const result = Evidence.safeParse(copy);
  if (!result.success) {
    throw new EvidenceError('the evidence item is not valid', result.error.issues.map((i) => `${formatPath(i.path) || '(item)'}: ${i.message}`));
  }
  restoreExtensions(result.data, extensions);
  return result.data;
}

function checkAgainstCase(c: CaseFile, item: Evidence): void {
  const others = c.evidence.filter((e) => e.id !== item.id);
  const at = others.length;
  const problems = checkReferences({ ...c, evidence: [...others, item] })
    .filter((p) => p.path[0] === 'evidence' && p.path[1] === at)
    .map((p) => `${formatPath(p.path.slice(2)) || '(item)'}: ${p.message}`);
  if (problems.length) throw new EvidenceError('the evidence item links to what the case does not have', problems);
}

async function requireCase(store: Store, caseId: string): Promise<CaseFile> {
  const c = await getCase(store, caseId);
  if (!c) throw new EvidenceError(`no case "${caseId}" in the database`);
  return c;
}

async function appendVersion(store: Store, caseId: string, item: Evidence, action: string, options: WriteOptions): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const latest = (await latestEvidenceDigests(trx, caseId)).get(item.id);
    const count = await trx.selectFrom('evidence_versions').select((eb) => eb.fn.max('ord').as('max')).where('case_id', '=', caseId).executeTakeFirst();
    const digest = digestOf(item);
    await trx.insertInto('evidence_versions').values({
      case_id: caseId,
      id: item.id,
      version: (latest?.version ?? 0) + 1,
      ord: latest?.ord ?? Number(count?.max ?? -1) + 1,
      data: JSON.stringify(item),
      digest,
      stored_at: new Date().toISOString(),
      stored_by: options.actor,
    }).execute();
    await appendAudit(trx, store.dialect, { actor: options.actor, action, caseId, objectIds: [item.id], change: { id: item.id, digest } });
  });
}
