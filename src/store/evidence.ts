// The evidence ledger's write operations. There is no delete and no rewrite: a change is a new
// version, a correction is a new item that supersedes the old, a retraction is a version that
// records when and why. Each write reads the case inside its write transaction, with the case
// locked, so a concurrent write can neither slip in between nor be undone.
import { Evidence, type CaseFile } from '../case/schema.js';
import { checkReferences } from '../case/references.js';
import { formatPath } from '../case/errors.js';
import { liftExtensions, restoreExtensions } from '../case/extensions.js';
import { appendAudit } from './audit/log.js';
import { rowRecord } from './audit/rows.js';
import { digestOf } from '../util/digest.js';
import { latestEvidenceDigests, readCase, type WriteOptions } from './cases.js';
import type { Store } from './open.js';
import { MAX_DEPTH, nestingExceeds, nestingMessage } from './limits.js';
import { objectEtag, ifMatchHolds } from './objects.js';
import { writeLockCase, writeTransaction, type WriteDb } from './write.js';
import { ERRORS, type ErrorCode } from '../errors/index.js';

export class EvidenceError extends Error {
  override name = 'EvidenceError';
  readonly code: ErrorCode;
  constructor(message: string, readonly problems: string[] = [], readonly status: 400 | 404 | 409 | 412 = 400) {
    super(ERRORS.evidence_invalid.message(message, problems));
    this.code = ({ 400: 'evidence_invalid', 404: 'evidence_not_found', 409: 'evidence_conflict', 412: 'evidence_changed' } as const)[status];
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

export interface EvidenceWrite extends WriteOptions {
  /** The client's If-Match header: the item must still be that version (its ETag). */
  ifMatch?: string;
  /** Today's date for `recorded` defaults; default: the clock, in UTC. */
  today?: string;
}

export async function evidenceHistory(store: Store, caseId: string, id: string): Promise<EvidenceVersion[]> {
  const rows = await store.db.selectFrom('evidence_versions').selectAll().where('case_id', '=', caseId).where('id', '=', id).orderBy('version').execute();
  return rows.map((r) => ({ id: r.id, version: r.version, stored_at: r.stored_at, stored_by: r.stored_by, digest: r.digest, item: JSON.parse(r.data) as Evidence }));
}

/** An evidence item's entity tag, as for other objects: the digest of its newest version. */
export const evidenceEtag = objectEtag;

/** Adds a new evidence item; its id must be new to the case. */
export async function addEvidence(store: Store, caseId: string, input: unknown, options: EvidenceWrite): Promise<Evidence> {
  const item = parseItem(input);
  return writeTransaction(store, async (trx) => {
    const c = await lockedCase(trx, store.dialect, caseId);
    if (c.evidence.some((e) => e.id === item.id)) throw new EvidenceError(`evidence "${item.id}" already exists in case "${caseId}"; supersede it instead`, [], 409);
    checkAgainstCase(c, item);
    await appendVersion(trx, store.dialect, caseId, item, 'evidence.add', options);
    return item;
  });
}

/** Records a correction: a new item (new id) that supersedes `oldId`, which is kept. */
export async function supersedeEvidence(store: Store, caseId: string, oldId: string, input: unknown, options: EvidenceWrite): Promise<Evidence> {
  const parsed = parseItem({ ...(input as object), supersedes: oldId });
  const item = { ...parsed, recorded: parsed.recorded ?? today(options) };
  return writeTransaction(store, async (trx) => {
    const c = await lockedCase(trx, store.dialect, caseId);
    const old = c.evidence.find((e) => e.id === oldId);
    if (!old) throw new EvidenceError(`no evidence "${oldId}" in case "${caseId}"`, [], 404);
    if (!ifMatchHolds(options.ifMatch, evidenceEtag(old))) throw stale(oldId);
    if (c.evidence.some((e) => e.id === item.id)) throw new EvidenceError(`evidence "${item.id}" already exists; a correction needs a new id`, [], 409);
    checkAgainstCase(c, item);
    await appendVersion(trx, store.dialect, caseId, item, 'evidence.supersede', options);
    return item;
  });
}

export interface Retraction {
  date: string;
  reason: string;
  /** When the retraction was made; default: today. */
  recorded?: string;
}

/** Retracts an item from `date` on, with a reason; the item and its history stay. */
export async function retractEvidence(store: Store, caseId: string, id: string, retraction: Retraction, options: EvidenceWrite): Promise<Evidence> {
  return writeTransaction(store, async (trx) => {
    const c = await lockedCase(trx, store.dialect, caseId);
    const current = c.evidence.find((e) => e.id === id);
    if (!current) throw new EvidenceError(`no evidence "${id}" in case "${caseId}"`, [], 404);
    if (!ifMatchHolds(options.ifMatch, evidenceEtag(current))) throw stale(id);
    if (current.retracted) throw new EvidenceError(`evidence "${id}" was already retracted on ${current.retracted.date}`, [], 409);
    const item = parseItem({ ...current, retracted: { ...retraction, recorded: retraction.recorded ?? today(options) } });
    await appendVersion(trx, store.dialect, caseId, item, 'evidence.retract', options);
    return item;
  });
}

const today = (options: EvidenceWrite): string => options.today ?? new Date().toISOString().slice(0, 10);

const stale = (id: string) => new EvidenceError(`evidence "${id}" changed since you read it (If-Match does not match its ETag); read it again`, [], 412);

function parseItem(input: unknown): Evidence {
  // An item sits two levels down in a case (evidence, then its index): the case's limit applies.
  if (nestingExceeds(input, MAX_DEPTH - 2)) throw new EvidenceError('the evidence item is not valid', [`(item): ${nestingMessage}`]);
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

async function lockedCase(trx: WriteDb, dialect: Store['dialect'], caseId: string): Promise<CaseFile> {
  const c = (await writeLockCase(trx, dialect, caseId)) ? await readCase(trx, caseId) : undefined;
  if (!c) throw new EvidenceError(`no case "${caseId}" in the database`, [], 404);
  return c;
}

async function appendVersion(trx: WriteDb, dialect: Store['dialect'], caseId: string, item: Evidence, action: string, options: WriteOptions): Promise<void> {
  const latest = (await latestEvidenceDigests(trx, caseId)).get(item.id);
  const count = await trx.selectFrom('evidence_versions').select((eb) => eb.fn.max('ord').as('max')).where('case_id', '=', caseId).executeTakeFirst();
  const digest = digestOf(item);
  const row = {
    case_id: caseId,
    id: item.id,
    version: (latest?.version ?? 0) + 1,
    ord: latest?.ord ?? Number(count?.max ?? -1) + 1,
    data: JSON.stringify(item),
    digest,
    stored_at: new Date().toISOString(),
    stored_by: options.actor,
  };
  await trx.insertInto('evidence_versions').values(row).execute();
  await appendAudit(trx, dialect, { actor: options.actor, action, caseId, objectIds: [item.id], change: { id: item.id, digest }, rows: [rowRecord('evidence_versions', row)] });
}
