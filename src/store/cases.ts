// Cases in the database: load a validated case file (insert or update by id, in one
// transaction, audited), read a case back, list cases.
import type { Kysely } from 'kysely';
import { objectLists, type CaseFile, type ObjectList } from '../case/schema.js';
import { CaseInvalidError } from '../case/errors.js';
import { appendAudit } from './audit/log.js';
import { rowRecord, rowRecordOfData, type RowRecord } from './audit/rows.js';
import { canonicalJson, digestOf, sha256 } from '../util/digest.js';
import type { Database } from './schema.js';
import type { Store } from './open.js';
import { nestingExceeds, nestingMessage } from './limits.js';
import { StoreConflictError, writeLockCase, writeTransaction, type WriteDb } from './write.js';

export interface LoadSummary {
  case: string;
  created: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Evidence items whose text changed: a new version was added and the old one kept. */
  new_versions: number;
  audit_seq: number;
}

export interface WriteOptions {
  /** Who is writing, for the audit log (`cli:alice`, `user:bob`, …). */
  actor: string;
  /** What the audit log calls this write; `case.load` unless said otherwise. */
  action?: string;
  onProgress?: (done: number, total: number) => void;
  /** Refuse (409) when the case exists already: for callers allowed to create a case but not to change one. */
  createOnly?: boolean;
}

type NonEvidenceList = Exclude<ObjectList, 'evidence'>;
const nonEvidenceLists = objectLists.filter((l): l is NonEvidenceList => l !== 'evidence');

/** Positions may have no id; they are stored under a key no real id can take (ids have no ':'). */
export function storageKey(list: ObjectList, object: { id?: string | undefined; party?: string; condition?: string }): string {
  if (object.id) return object.id;
  if (list === 'positions') return `position:${object.party}:${object.condition}`;
  throw new Error(`an object in ${list} has no id`);
}

const INSERT_CHUNK = 200;

export async function loadCase(store: Store, c: CaseFile, options: WriteOptions): Promise<LoadSummary> {
  return writeTransaction(store, (trx) => loadCaseIn(trx, store.dialect, c, options));
}

/** A load inside the caller's write transaction (src/store/write.ts). */
export async function loadCaseIn(trx: WriteDb, dialect: Store['dialect'], c: CaseFile, options: WriteOptions): Promise<LoadSummary> {
  if (nestingExceeds(c)) throw new CaseInvalidError([{ file: '(data)', line: 1, column: 1, path: '', message: nestingMessage }]);
  const now = new Date().toISOString();
  const caseId = c.case.id;
  const total = objectLists.reduce((n, list) => n + c[list].length, 0);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };

  const header = JSON.stringify(caseHeader(c));
  const caseRow = { id: caseId, title: c.case.title, subject: c.case.subject, marking: c.case.marking, header, created_at: now, updated_at: now };
  // Insert-if-absent, then lock: two loads of one new case cannot both create it.
  const inserted = await trx.insertInto('cases').values(caseRow).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  if (!created && options.createOnly) throw new StoreConflictError(`a case with the id "${caseId}" exists already: choose another id`);
  await writeLockCase(trx, dialect, caseId);
  if (!created) {
    await trx.updateTable('cases').set({ title: c.case.title, subject: c.case.subject, marking: c.case.marking, header, updated_at: now }).where('id', '=', caseId).execute();
  }

  const summary: LoadSummary = { case: caseId, created, inserted: 0, updated: 0, unchanged: 0, new_versions: 0, audit_seq: 0 };
  const changed: Array<{ list: string; id: string; digest: string }> = [];
  const rows: RowRecord[] = [rowRecord('cases', caseRow)];

  const known = new Map((await trx.selectFrom('case_objects').select(['id', 'list', 'digest', 'ord']).where('case_id', '=', caseId).execute()).map((r) => [r.id, r]));
  for (const list of nonEvidenceLists) {
    const inserts = [];
    for (const [ord, object] of c[list].entries()) {
      const id = storageKey(list, object);
      // The canonical text serves the object's digest and its audit record alike.
      const canonical = canonicalJson(object);
      const digest = sha256(canonical);
      const before = known.get(id);
      if (!before) {
        const row = { case_id: caseId, id, list, ord, data: JSON.stringify(object), digest, updated_at: now };
        inserts.push(row);
        rows.push(rowRecordOfData('case_objects', row, canonical));
        summary.inserted++;
        changed.push({ list, id, digest });
      } else if (before.digest !== digest || before.list !== list) {
        const row = { case_id: caseId, id, list, ord, data: JSON.stringify(object), digest, updated_at: now };
        await trx.updateTable('case_objects').set({ list, ord, data: row.data, digest, updated_at: now }).where('case_id', '=', caseId).where('id', '=', id).execute();
        rows.push(rowRecordOfData('case_objects', row, canonical));
        summary.updated++;
        changed.push({ list, id, digest });
      } else {
        if (before.ord !== ord) await trx.updateTable('case_objects').set({ ord }).where('case_id', '=', caseId).where('id', '=', id).execute();
        summary.unchanged++;
      }
    }
    await insertChunks(trx, 'case_objects', inserts, progress);
    progress(c[list].length - inserts.length);
  }

  const latest = await latestEvidenceDigests(trx, caseId);
  // Inserted a chunk at a time as they are made: a large case's rows (its whole text as JSON)
  // are never all in memory at once.
  let versions = [];
  let stored = 0;
  for (const [ord, item] of c.evidence.entries()) {
    const canonical = canonicalJson(item);
    const digest = sha256(canonical);
    const before = latest.get(item.id);
    if (before?.digest === digest) {
      summary.unchanged++;
      continue;
    }
    const version = (before?.version ?? 0) + 1;
    const row = { case_id: caseId, id: item.id, version, ord: before?.ord ?? ord, data: JSON.stringify(item), digest, stored_at: now, stored_by: options.actor };
    versions.push(row);
    stored++;
    rows.push(rowRecordOfData('evidence_versions', row, canonical));
    if (before) { summary.updated++; summary.new_versions++; } else summary.inserted++;
    changed.push({ list: 'evidence', id: item.id, digest });
    if (versions.length === INSERT_CHUNK) {
      await insertChunks(trx, 'evidence_versions', versions, progress);
      versions = [];
    }
  }
  await insertChunks(trx, 'evidence_versions', versions, progress);
  progress(c.evidence.length - stored);

  const entry = await appendAudit(trx, dialect, {
    actor: options.actor,
    action: options.action ?? 'case.load',
    caseId,
    objectIds: changed.map((ch) => ch.id),
    change: { header: digestOf(caseHeader(c)), changed },
    rows,
  });
  summary.audit_seq = entry.seq;
  return summary;
}

async function insertChunks<T extends 'case_objects' | 'evidence_versions'>(
  trx: WriteDb,
  table: T,
  rows: Array<Database[T]>,
  progress: (n: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    // Kysely cannot narrow a generic table name to its row type; the caller's rows match `table`.
    await trx.insertInto(table).values(chunk as never).execute();
    progress(chunk.length);
  }
}

export async function latestEvidenceDigests(trx: Kysely<Database>, caseId: string) {
  const rows = await trx.selectFrom('evidence_versions').select(['id', 'version', 'digest', 'ord']).where('case_id', '=', caseId).orderBy('version').execute();
  // Rows come oldest first, so an item keeps the position its first version had.
  const latest = new Map<string, { version: number; digest: string; ord: number }>();
  for (const r of rows) {
    const seen = latest.get(r.id);
    if (!seen || r.version > seen.version) latest.set(r.id, { version: r.version, digest: r.digest, ord: seen?.ord ?? r.ord });
  }
  return latest;
}

/** The `case:` block plus the settings and extension keys that sit beside it at the top level. */
function caseHeader(c: CaseFile): Record<string, unknown> {
  const header: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c)) {
    if (!(objectLists as readonly string[]).includes(key) && value !== undefined) header[key] = value;
  }
  return header;
}

export interface CaseListing {
  id: string;
  title: string;
  subject: string;
  marking: string;
  updated_at: string;
}

export async function listCases(store: Store): Promise<CaseListing[]> {
  return store.db.selectFrom('cases').select(['id', 'title', 'subject', 'marking', 'updated_at']).orderBy('id').execute();
}

/** The case as it stands now: every object, and the newest version of every evidence item. */
export async function getCase(store: Store, caseId: string): Promise<CaseFile | undefined> {
  return readCase(store.db, caseId);
}

/** getCase on a given handle: inside a write transaction, the case as that transaction sees it. */
export async function readCase(db: Kysely<Database>, caseId: string): Promise<CaseFile | undefined> {
  const row = await db.selectFrom('cases').select('header').where('id', '=', caseId).executeTakeFirst();
  if (!row) return undefined;
  const c = JSON.parse(row.header) as Record<string, unknown>;
  for (const list of objectLists) c[list] = [];
  const objects = await db.selectFrom('case_objects').select(['list', 'data']).where('case_id', '=', caseId).orderBy('ord').orderBy('id').execute();
  for (const o of objects) (c[o.list] as unknown[]).push(JSON.parse(o.data));
  const versions = await db.selectFrom('evidence_versions').select(['id', 'version', 'ord', 'data']).where('case_id', '=', caseId).orderBy('version').execute();
  const newest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    const seen = newest.get(v.id);
    if (!seen || v.version > seen.version) newest.set(v.id, { ...v, ord: seen?.ord ?? v.ord });
  }
  c['evidence'] = [...newest.values()].sort((a, b) => a.ord - b.ord || a.id.localeCompare(b.id)).map((v) => JSON.parse(v.data) as unknown);
  return c as CaseFile;
}
