// Sanctions lists in the database: versions (one per imported snapshot), their entries, analyst
// decisions and screening runs. Every write appends an audit entry in its own transaction.
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from './audit/log.js';
import { digestOf } from '../util/digest.js';
import type { BirthDate, SanctionsEntry } from './sanctions-entries.js';
import type { Database, SanctionsDecisionsTable, SanctionsScreeningsTable, SanctionsVersionsTable } from './schema.js';
import type { Store } from './open.js';
import { writeTransaction } from './write.js';

export type VersionRow = Selectable<SanctionsVersionsTable>;
export type DecisionRow = Selectable<SanctionsDecisionsTable>;
export type ScreeningRow = Selectable<SanctionsScreeningsTable>;
type Db = Kysely<Database>;

const CHUNK = 200;

export async function findVersionByDigest(db: Db, list: string, sha256: string): Promise<VersionRow | undefined> {
  return db.selectFrom('sanctions_versions').selectAll().where('list', '=', list).where('sha256', '=', sha256).executeTakeFirst();
}

/** Every stored version, newest first within each list. */
export async function listVersions(store: Store): Promise<VersionRow[]> {
  return store.db.selectFrom('sanctions_versions').selectAll().orderBy('list').orderBy('published', 'desc').orderBy('imported_at', 'desc').execute();
}

/** The version screening uses for a list: the latest published, and of equals the last imported. */
export async function newestVersionOf(db: Db, list: string): Promise<VersionRow | undefined> {
  return db.selectFrom('sanctions_versions').selectAll().where('list', '=', list).orderBy('published', 'desc').orderBy('imported_at', 'desc').limit(1).executeTakeFirst();
}

export async function newestVersions(store: Store): Promise<VersionRow[]> {
  const seen = new Set<string>();
  return (await listVersions(store)).filter((v) => !seen.has(v.list) && seen.add(v.list));
}

export async function getVersion(db: Db, id: string): Promise<VersionRow | undefined> {
  return db.selectFrom('sanctions_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function versionEntries(db: Db, versionId: string): Promise<SanctionsEntry[]> {
  const rows = await db
    .selectFrom('sanctions_version_entries as v')
    .innerJoin('sanctions_entry_bodies as b', 'b.digest', 'v.digest')
    .select(['b.data'])
    .where('v.version_id', '=', versionId)
    .orderBy('v.ref')
    .execute();
  return rows.map((r) => JSON.parse(r.data) as SanctionsEntry);
}

/** ref → digest of a version's entries, to tell new, changed and unchanged entries apart. */
export async function versionDigests(db: Db, versionId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('sanctions_version_entries').select(['ref', 'digest']).where('version_id', '=', versionId).execute();
  return new Map(rows.map((r) => [r.ref, r.digest]));
}

/** Which of these refs a version holds, with the entry's main name. */
export async function refsInVersion(db: Db, versionId: string, refs: string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await db
    .selectFrom('sanctions_version_entries as v')
    .innerJoin('sanctions_entry_bodies as b', 'b.digest', 'v.digest')
    .select(['v.ref', 'b.data'])
    .where('v.version_id', '=', versionId)
    .where('v.ref', 'in', refs)
    .execute();
  return new Map(rows.map((r) => [r.ref, (JSON.parse(r.data) as SanctionsEntry).name]));
}

/** A version as the importer knows it; the store adds its id, entry count and provenance. */
export type NewVersion = Omit<VersionRow, 'id' | 'entries' | 'imported_at' | 'imported_by'>;

/**
 * Stores a version and its entries in the caller's transaction. The id is `list@date`
 * (`un@2024-09-26`), with `.2`, `.3` … when that day already has a version.
 */
export async function insertVersion(trx: Kysely<Database>, dialect: Store['dialect'], v: NewVersion, entries: SanctionsEntry[], actor: string): Promise<VersionRow> {
  const base = `${v.list}@${v.published.slice(0, 10)}`;
  const taken = new Set((await trx.selectFrom('sanctions_versions').select('id').where('id', 'like', `${base}%`).execute()).map((r) => r.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}.${n}`;
  const row: VersionRow = { id, ...v, entries: entries.length, imported_at: new Date().toISOString(), imported_by: actor };
  await trx.insertInto('sanctions_versions').values(row).execute();
  const bodies = entries.map((e) => ({ digest: digestOf(e), ref: e.ref, data: JSON.stringify(e) }));
  for (let i = 0; i < bodies.length; i += CHUNK) {
    await trx.insertInto('sanctions_entry_bodies').values(bodies.slice(i, i + CHUNK)).onConflict((oc) => oc.column('digest').doNothing()).execute();
  }
  const links = bodies.map((b) => ({ version_id: id, ref: b.ref, digest: b.digest }));
  for (let i = 0; i < links.length; i += CHUNK) await trx.insertInto('sanctions_version_entries').values(links.slice(i, i + CHUNK)).execute();
  await appendAudit(trx, dialect, { actor, action: 'sanctions.import', caseId: null, objectIds: [id], change: { ...row, entries_digest: digestOf(bodies.map((b) => b.digest)) } });
  return row;
}

export type Decision = 'confirmed' | 'false_positive';

export interface NewDecision {
  case_id: string;
  person_id: string;
  list: string;
  ref: string;
  decision: Decision;
  reason: string;
}

export async function addDecision(store: Store, d: NewDecision, actor: string): Promise<DecisionRow> {
  return writeTransaction(store, async (trx) => {
    // The audit head is locked first, which also serialises the choice of seq.
    const audit = await appendAudit(trx, store.dialect, { actor, action: 'sanctions.decide', caseId: d.case_id, objectIds: [d.person_id], change: d });
    const last = await trx.selectFrom('sanctions_decisions').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    const row: DecisionRow = { seq: Number(last?.seq ?? 0) + 1, ...d, actor, decided_at: audit.at };
    await trx.insertInto('sanctions_decisions').values(row).execute();
    return row;
  });
}

/** Every decision of a case, oldest first. */
export async function decisionHistory(db: Db, caseId: string): Promise<DecisionRow[]> {
  return db.selectFrom('sanctions_decisions').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

export const decisionKey = (person: string, list: string, ref: string): string => `${person}\u0000${list}\u0000${ref}`;

/** The decision in force per (person, list, ref): the newest one. */
export async function currentDecisions(db: Db, caseId: string): Promise<Map<string, DecisionRow>> {
  const current = new Map<string, DecisionRow>();
  for (const d of await decisionHistory(db, caseId)) current.set(decisionKey(d.person_id, d.list, d.ref), d);
  return current;
}

/** What a reviewer needs from the listed entry to decide on a match. */
export interface ListingDetails {
  /** The list's main name for the entry. */
  name: string;
  birth: BirthDate[];
  /** ISO 3166-1 alpha-2 codes. */
  nationality: string[];
  programs: string[];
  listed_on?: string;
  remarks?: string;
}

/**
 * One match of a stored run. Runs stored before 0.1.3 hold only list, ref, score and
 * matched_name; the rest is optional so they still read, and the listing is looked up from the
 * list version the run used (entries are kept by digest, so it is the same text as then).
 */
export interface StoredMatch {
  list: string;
  ref: string;
  score: number;
  matched_name: string;
  /** The listed entry's main name. */
  name?: string;
  /** How the matcher scored it, in words. */
  explanation?: string;
  strong?: boolean;
  /** The person's name (or alias) that produced the match. */
  query_name?: string;
  listing?: ListingDetails;
}

/** Listing details of these refs in one version. */
export async function listingsIn(db: Db, versionId: string, refs: string[]): Promise<Map<string, ListingDetails>> {
  const out = new Map<string, ListingDetails>();
  for (let i = 0; i < refs.length; i += CHUNK) {
    const rows = await db
      .selectFrom('sanctions_version_entries as v')
      .innerJoin('sanctions_entry_bodies as b', 'b.digest', 'v.digest')
      .select(['v.ref', 'b.data'])
      .where('v.version_id', '=', versionId)
      .where('v.ref', 'in', refs.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.ref, listingOf(JSON.parse(r.data) as SanctionsEntry));
  }
  return out;
}

function listingOf(e: SanctionsEntry): ListingDetails {
  return { name: e.name, birth: e.birth, nationality: e.nationality, programs: e.programs, ...(e.listed_on ? { listed_on: e.listed_on } : {}), ...(e.remarks ? { remarks: e.remarks } : {}) };
}

/**
 * Adds the listing details to every match that lacks them, from the version of its list the run
 * used (`versions`: list → version id). Matches whose entry is not found stay as they are.
 */
export async function withListings(db: Db, versions: Record<string, string>, results: Record<string, StoredMatch[]>): Promise<Record<string, StoredMatch[]>> {
  const wanted = new Map<string, Set<string>>();
  for (const matches of Object.values(results)) {
    for (const m of matches) {
      const version = versions[m.list];
      if (m.listing || version === undefined) continue;
      wanted.set(version, (wanted.get(version) ?? new Set()).add(m.ref));
    }
  }
  const found = new Map<string, Map<string, ListingDetails>>();
  for (const [version, refs] of wanted) found.set(version, await listingsIn(db, version, [...refs]));
  return Object.fromEntries(Object.entries(results).map(([person, matches]) => [person, matches.map((m) => {
    const version = versions[m.list];
    const listing = m.listing ?? (version === undefined ? undefined : found.get(version)?.get(m.ref));
    return listing ? { ...m, listing, name: m.name ?? listing.name } : m;
  })]));
}

/** Stores a case's screening run; each match keeps its listing details, so the run can be reviewed later. */
export async function saveScreening(store: Store, caseId: string, versions: Record<string, string>, results: Record<string, StoredMatch[]>, actor: string): Promise<ScreeningRow> {
  const full = await withListings(store.db, versions, results);
  return writeTransaction(store, async (trx) => {
    const audit = await appendAudit(trx, store.dialect, { actor, action: 'sanctions.screen', caseId, objectIds: Object.keys(full), change: { versions, results: full } });
    const row: ScreeningRow = { id: `${caseId}:${String(audit.seq).padStart(12, '0')}`, case_id: caseId, screened_at: audit.at, actor, versions: JSON.stringify(versions), results: JSON.stringify(full) };
    await trx.insertInto('sanctions_screenings').values(row).execute();
    return row;
  });
}

/** The case's screenings up to a moment (ISO timestamp), newest first. */
export async function screeningsUpTo(db: Db, caseId: string, until: string, limit: number): Promise<ScreeningRow[]> {
  return db.selectFrom('sanctions_screenings').selectAll().where('case_id', '=', caseId).where('screened_at', '<=', until).orderBy('screened_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function lastScreening(db: Db, caseId: string): Promise<ScreeningRow | undefined> {
  return db.selectFrom('sanctions_screenings').selectAll().where('case_id', '=', caseId).orderBy('screened_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}
