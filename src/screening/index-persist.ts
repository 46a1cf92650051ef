// The persistent screening index: built once per set of list versions, kept in the database
// (src/store/screening-index.ts), and read back by every later `deeds screen` and by the server
// instead of normalising every listed name again. When a list gets a new version, the new index
// starts from the newest stored one and normalises only the entries whose content changed
// (src/sanctions/index-data.ts); the postings are rebuilt from the tokens.
import { createHash } from 'node:crypto';
import type { Store } from '../store/open.js';
import { latestScreeningIndex, readScreeningIndex, saveScreeningIndex } from '../store/screening-index.js';
import {
  buildIndexData, deserializeIndex, INDEX_FORMAT, IndexFormatError, MatchIndex, normalizeName, serializeIndex, TUNING,
  type IndexData, type IndexedList,
} from '../sanctions/index.js';

/**
 * Names that go through every normalisation rule (scripts, particles, titles, epithets, notes,
 * other orthographies). Their normal forms are part of an index's fingerprint, so that an index
 * built by a matcher that normalises differently is never reused: it is rebuilt.
 */
const PROBES = [
  'Abdul Ghani Baradar', 'عبدالغنی برادر', 'Ислам Сеит-Умарович Атабиев', 'Shams ur-Rahman', 'Ayman az-Zawahiri', 'Sirajuddin Haqqani',
  'Mullah Mohammed Omar', 'Maulawi Abdul Kabir', 'Hafez al-Assad', 'Muhammad Naeem Sheikh', 'Omar the Chechen', 'Abderrahmane le Marocain',
  'Abdel Ilah Sabri (false identity)', 'Tschatajew', 'Rosyid Ridho', 'Djamel Lounici', 'Elkaddafi', 'Mohd Ali', 'Sa\'id Sa\'id', 'Abu Luqman al-Maghribi',
  'Abou Mossaab Abdelouadoud',
];

/** What the index depends on besides the lists: its format, the tuning that sets token weights, and how names normalise. */
export function matcherFingerprint(): string {
  const h = createHash('sha256').update(`format ${INDEX_FORMAT}\n${JSON.stringify(TUNING)}\n`);
  for (const p of PROBES) {
    const n = normalizeName(p);
    h.update(`${n.tokens.map((t) => `${t.text}/${t.soft ? 's' : ''}${t.nisba ? 'n' : ''}`).join(' ')}|${n.dropped.join(' ')}\n`);
  }
  return h.digest('hex').slice(0, 32);
}

/** The key of the index of these list versions under this matcher. */
export function indexDigest(versions: readonly string[], fingerprint = matcherFingerprint()): string {
  return createHash('sha256').update(`${fingerprint}\n${[...versions].sort().join('\n')}`).digest('hex');
}

export interface PersistentIndex {
  index: MatchIndex;
  /** `stored`: read back; `built`: made from nothing; `updated`: made from the previous stored index, normalising only changed entries. */
  source: 'stored' | 'built' | 'updated';
  digest: string;
  /** Entries normalised by this call (0 when read back). */
  analysed: number;
  /** Why the index just built could not be stored (the screening goes on with it). */
  saveError?: string;
}

async function readIndex(store: Store, digest: string): Promise<IndexData | undefined> {
  const bytes = await readScreeningIndex(store, digest);
  if (!bytes) return undefined;
  try {
    return deserializeIndex(bytes);
  } catch (e) {
    // An index of another format is rebuilt, never trusted.
    if (e instanceof IndexFormatError) return undefined;
    throw e;
  }
}

/**
 * The index of these list versions: read from the store when it was built before, else built
 * (incrementally from the newest stored index made by the same matcher) and stored.
 * `load` reads the versions' entries; it is called only when the index must be built.
 */
export async function persistentIndex(store: Store, versions: readonly string[], load: () => Promise<IndexedList[]>): Promise<PersistentIndex> {
  const fingerprint = matcherFingerprint();
  const digest = indexDigest(versions, fingerprint);
  const stored = await readIndex(store, digest);
  if (stored) return { index: new MatchIndex(stored), source: 'stored', digest, analysed: 0 };
  const latest = await latestScreeningIndex(store);
  const previous = latest ? await readIndex(store, latest.digest) : undefined;
  const base = previous && previous.fingerprint === fingerprint ? previous : undefined;
  const { data, stats } = buildIndexData(await load(), base);
  data.fingerprint = fingerprint;
  let saveError: string | undefined;
  try {
    await saveScreeningIndex(store, { digest, versions: [...versions], format: INDEX_FORMAT, entries: stats.entries, names: data.nameEntry.length, built_at: new Date().toISOString() }, serializeIndex(data));
  } catch (e) {
    // The index is derived data: a database that refuses it (read-only, or another process
    // stored the same index a moment earlier) costs the next process a rebuild, not this screening.
    saveError = e instanceof Error ? e.message : String(e);
  }
  return { index: new MatchIndex(data), source: base ? 'updated' : 'built', digest, analysed: stats.analysed, ...(saveError ? { saveError } : {}) };
}
