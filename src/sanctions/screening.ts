// Screening against the newest stored version of every list: free names, a file of names, or
// every person of a case (with aliases, date of birth and nationality). A case's screening is
// stored, so the next one can say what changed for each person; analyst decisions are shown
// with the matches they concern.
import { getCase } from '../store/cases.js';
import type { Store } from '../store/open.js';
import {
  currentDecisions, decisionKey, lastScreening, newestVersions, refsInVersion, saveScreening, versionEntries,
  type DecisionRow, type StoredMatch, type VersionRow,
} from '../store/sanctions.js';
import { MATCH_DEFAULTS } from './defaults.js';
import { MatchIndex, type Match } from './match-index.js';
import { persistentIndex } from './index-persist.js';
import type { EntrySchema } from './types.js';
import { ERRORS, type ErrorCode } from '../errors/index.js';

export interface ScreenInput {
  /** What the result is labelled with: the name, or a person's main name. */
  query: string;
  /** Every name to try (default: the query); the best match per listed entry wins. */
  names?: string[];
  birth_date?: string;
  nationality?: string[];
  /** The case person screened, when screening a case. */
  person?: string;
}

export interface ResultMatch {
  list: string;
  ref: string;
  name: string;
  matched_name: string;
  score: number;
  explanation: string;
  strong: boolean;
  /** The name of the query that produced the match (a person's alias, say). */
  query_name: string;
  version?: string;
  decision?: { decision: string; reason: string; actor: string; decided_at: string };
}

export interface PersonChanges {
  since: string;
  versions_then: Record<string, string>;
  added: Array<{ list: string; ref: string; score: number }>;
  removed: Array<{ list: string; ref: string; score: number }>;
  rescored: Array<{ list: string; ref: string; before: number; after: number }>;
}

export interface ScreenResult {
  query: string;
  person?: string;
  matches: ResultMatch[];
  /** A case person's own `sanctions_refs`, and whether the newest lists hold them. */
  declared_refs?: Array<{ ref: string; list?: string; listed: boolean; name?: string }>;
  changes?: PersonChanges;
}

export interface ScreenOptions {
  threshold?: number;
  schemas?: EntrySchema[];
  limit?: number;
  /** Only these lists: list keys or FtM datasets (MatchIndex.search). */
  lists?: readonly string[];
}

export class NoListsError extends Error {
  override name = 'NoListsError';
  readonly code = 'no_lists' satisfies ErrorCode;
  constructor() {
    super(ERRORS.no_lists.message);
  }
}

export interface LoadedIndex {
  index: MatchIndex;
  versions: VersionRow[];
}

/** The newest version of each list, read from the store and indexed. */
export async function loadScreeningIndex(store: Store): Promise<LoadedIndex> {
  const versions = await newestVersions(store);
  if (versions.length === 0) throw new NoListsError();
  // Read back from the store when these versions were indexed before (index-persist.ts).
  const load = () => Promise.all(versions.map(async (v) => ({ list: v.list, version: v.id, entries: await versionEntries(store.db, v.id) })));
  return { index: (await persistentIndex(store, versions.map((v) => v.id), load)).index, versions };
}

function toResult(m: Match, queryName: string): ResultMatch {
  return {
    list: m.list,
    ref: m.ref,
    name: m.name,
    matched_name: m.matched_name,
    score: m.score,
    explanation: m.explanation,
    strong: m.strong,
    query_name: queryName,
    ...(m.version ? { version: m.version } : {}),
  };
}

export function screen(index: MatchIndex, inputs: ScreenInput[], options: ScreenOptions = {}): ScreenResult[] {
  const threshold = options.threshold ?? MATCH_DEFAULTS.candidate;
  return inputs.map((input) => {
    const best = new Map<string, ResultMatch>();
    for (const name of input.names ?? [input.query]) {
      const facts = { ...(input.birth_date ? { birth_date: input.birth_date } : {}), ...(input.nationality ? { nationality: input.nationality } : {}) };
      for (const m of index.search({ name, ...facts }, { threshold, ...(options.schemas ? { schemas: options.schemas } : {}), ...(options.lists ? { lists: options.lists } : {}), limit: options.limit ?? 20 })) {
        const key = `${m.list}\u0000${m.ref}`;
        const seen = best.get(key);
        if (!seen || seen.score < m.score) best.set(key, toResult(m, name));
      }
    }
    const matches = [...best.values()].sort((a, b) => b.score - a.score || a.list.localeCompare(b.list) || a.ref.localeCompare(b.ref)).slice(0, options.limit ?? 20);
    return { query: input.query, ...(input.person ? { person: input.person } : {}), matches };
  });
}

export class UnknownCaseError extends Error {
  override name = 'UnknownCaseError';
  readonly code = 'unknown_case' satisfies ErrorCode;
}

export interface CaseScreening {
  case: string;
  screened_at: string;
  versions: Record<string, string>;
  results: ScreenResult[];
}

/**
 * Screens every person of a case (persons against listed persons), annotates decisions and
 * declared references, reports changes since the case's previous screening, and stores this one.
 */
export async function screenCase(store: Store, caseId: string, options: ScreenOptions & { actor: string; loaded?: LoadedIndex }): Promise<CaseScreening> {
  const c = await getCase(store, caseId);
  if (!c) throw new UnknownCaseError(`no case "${caseId}" in the database`);
  const { index, versions } = options.loaded ?? (await loadScreeningIndex(store));
  const persons = c.actors.filter((a) => a.kind === 'person');
  const inputs: ScreenInput[] = persons.map((p) => ({
    query: p.name,
    person: p.id,
    names: [p.name, ...(p.aliases ?? [])],
    ...(p.birth_date ? { birth_date: String(p.birth_date) } : {}),
    ...(p.nationality ? { nationality: p.nationality } : {}),
  }));
  const results = screen(index, inputs, { ...options, schemas: ['person'] });
  const decisions = await currentDecisions(store.db, caseId);
  const previous = await lastScreening(store.db, caseId);
  const before = previous ? (JSON.parse(previous.results) as Record<string, StoredMatch[]>) : undefined;
  const versionMap = Object.fromEntries(versions.map((v) => [v.list, v.id]));
  const stored: Record<string, StoredMatch[]> = {};
  for (const [i, r] of results.entries()) {
    const person = persons[i];
    if (!person) continue;
    for (const m of r.matches) {
      const d = decisions.get(decisionKey(person.id, m.list, m.ref));
      if (d) m.decision = decisionView(d);
    }
    r.declared_refs = await declaredRefs(store, versions, person.sanctions_refs ?? []);
    stored[person.id] = r.matches.map((m) => ({ list: m.list, ref: m.ref, score: m.score, matched_name: m.matched_name, name: m.name, explanation: m.explanation, strong: m.strong, query_name: m.query_name }));
    if (previous && before) r.changes = changesFor(before[person.id] ?? [], stored[person.id] ?? [], previous.screened_at, JSON.parse(previous.versions) as Record<string, string>);
  }
  const row = await saveScreening(store, caseId, versionMap, stored, options.actor);
  return { case: caseId, screened_at: row.screened_at, versions: versionMap, results };
}

const decisionView = (d: DecisionRow) => ({ decision: d.decision, reason: d.reason, actor: d.actor, decided_at: d.decided_at });

async function declaredRefs(store: Store, versions: VersionRow[], refs: string[]): Promise<ScreenResult['declared_refs']> {
  const out: NonNullable<ScreenResult['declared_refs']> = [];
  for (const ref of refs) {
    let found: { list: string; name: string } | undefined;
    for (const v of versions) {
      const name = (await refsInVersion(store.db, v.id, [ref])).get(ref);
      if (name !== undefined) {
        found = { list: v.list, name };
        break;
      }
    }
    out.push(found ? { ref, list: found.list, listed: true, name: found.name } : { ref, listed: false });
  }
  return out;
}

export function changesFor(before: StoredMatch[], after: StoredMatch[], since: string, versionsThen: Record<string, string>): PersonChanges {
  const key = (m: StoredMatch) => `${m.list}\u0000${m.ref}`;
  const old = new Map(before.map((m) => [key(m), m]));
  const now = new Map(after.map((m) => [key(m), m]));
  return {
    since,
    versions_then: versionsThen,
    added: after.filter((m) => !old.has(key(m))).map(({ list, ref, score }) => ({ list, ref, score })),
    removed: before.filter((m) => !now.has(key(m))).map(({ list, ref, score }) => ({ list, ref, score })),
    rescored: after.flatMap((m) => {
      const was = old.get(key(m));
      return was && Math.abs(was.score - m.score) >= 0.005 ? [{ list: m.list, ref: m.ref, before: was.score, after: m.score }] : [];
    }),
  };
}
