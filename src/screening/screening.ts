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
import {
  changesFor, screen, type MatchIndex, type ScreenInput, type ScreenOptions, type ScreenResult,
} from '../sanctions/index.js';
import { persistentIndex } from './index-persist.js';
import { ERRORS, type ErrorCode } from '../errors/index.js';

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
