// `deeds import un-sanctions|ofac-sdn|ftm FILE`: each file (or OFAC CSV set) becomes a new list
// version in one transaction. A file whose digest is already stored adds nothing; a hostile or
// broken file is refused before anything is written; older versions are always kept.
import { emptySummary, type ImportKind, type ImportOptions, type ImportSummary } from './kinds.js';
import { findVersionByDigest, insertVersion, newestVersionOf, versionDigests, versionEntries } from '../store/sanctions.js';
import type { Store } from '../store/open.js';
import { writeTransaction } from '../store/write.js';
import { digestOf } from '../util/digest.js';
import { SanctionsInputError, type SanctionsEntry } from '../sanctions/index.js';
import { rescreenAllCases, type CaseRescreen } from '../screening/index.js';
import { identify, readList, type ListKind } from './sanctions-files.js';

const LIST_OF: Record<ListKind, string> = { 'un-sanctions': 'un', 'ofac-sdn': 'ofac', ftm: 'opensanctions' };

export interface ListImportSummary extends ImportSummary {
  /** The cases re-screened because this import stored a new list version, with what changed. */
  rescreened?: CaseRescreen[];
}

export async function importListFile(store: Store, kind: ListKind, file: string, options: ImportOptions): Promise<ListImportSummary> {
  const list = LIST_OF[kind];
  const { files, sha256 } = await identify(kind, file);
  const summary = emptySummary(kind, files);
  const known = await findVersionByDigest(store.db, list, sha256);
  if (known) {
    summary.read = summary.unchanged = known.entries;
    return summary;
  }
  options.onProgress?.(0, 2);
  const read = await readList(kind, file);
  options.onProgress?.(1, 2);
  const result = read.result;
  const rejects = 'snapshot' in result ? result.snapshot.rejects : result.delta.rejects;
  summary.read = 'snapshot' in result ? result.snapshot.read : result.delta.read;
  summary.rejects = rejects.map((r) => ({ file: read.files[0] as string, ...r }));
  summary.rejected = rejects.length;

  let stored = false;
  await writeTransaction(store, async (trx) => {
    // Concurrent imports of the same file: the unique (list, sha256) constraint lets one win.
    if (await findVersionByDigest(trx, list, sha256)) return;
    stored = true;
    const previous = await newestVersionOf(trx, list);
    let entries: SanctionsEntry[];
    let meta: { version: string; published: string };
    if ('snapshot' in result) {
      entries = result.snapshot.entries;
      meta = result.snapshot;
    } else {
      // A delta applies to the newest stored version of its list (or to nothing, for the first).
      // One older than that version would undo later changes (resurrect deleted entries): refused.
      if (previous && result.delta.published < previous.published) {
        throw new SanctionsInputError(`this delta (${result.delta.version}, ${result.delta.published}) is older than the newest stored version ${previous.id} (${previous.published}) it would apply to`, file);
      }
      const byRef = new Map((previous ? await versionEntries(trx, previous.id) : []).map((e) => [e.ref, e]));
      for (const ref of result.delta.deletes) byRef.delete(ref);
      for (const e of result.delta.upserts) byRef.set(e.ref, e);
      entries = [...byRef.values()];
      meta = result.delta;
    }
    const before = previous ? await versionDigests(trx, previous.id) : new Map<string, string>();
    for (const e of entries) {
      const was = before.get(e.ref);
      if (was === undefined) summary.inserted++;
      else if (was !== digestOf(e)) summary.updated++;
      else summary.unchanged++;
    }
    await insertVersion(
      trx,
      store.dialect,
      { list, kind, version: meta.version, published: meta.published, file_name: read.fileName, sha256, base_version: 'delta' in result ? (previous?.id ?? null) : null },
      entries,
      options.actor,
    );
  });
  options.onProgress?.(2, 2);
  // A new list version: every case is screened again, and what changed becomes alerts.
  return stored ? { ...summary, rescreened: await rescreenAllCases(store, options.actor) } : summary;
}

export const sanctionsImportKinds: ImportKind[] = [
  { kind: 'un-sanctions', description: 'UN Security Council Consolidated List, XML', importFile: (store, file, options) => importListFile(store, 'un-sanctions', file, options) },
  { kind: 'ofac-sdn', description: 'OFAC SDN list, legacy CSV set (sdn.csv with alt.csv, add.csv, sdn_comments.csv beside it) or sdn.xml', importFile: (store, file, options) => importListFile(store, 'ofac-sdn', file, options) },
  { kind: 'ftm', description: 'OpenSanctions FollowTheMoney JSON lines, entities or delta files', importFile: (store, file, options) => importListFile(store, 'ftm', file, options) },
];
