// Screening names against a built index, and what changed for a person between two screenings:
// pure functions of the index and the stored matches they are given. Loading the index from the
// store, screening a stored case and keeping the run are src/screening's job.
import { MATCH_DEFAULTS } from './defaults.js';
import type { Match, MatchIndex } from './match-index.js';
import type { EntrySchema } from './types.js';

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

/** What changesFor compares: a stored match's list, reference and score. */
export interface ScoredRef {
  list: string;
  ref: string;
  score: number;
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

export function changesFor(before: readonly ScoredRef[], after: readonly ScoredRef[], since: string, versionsThen: Record<string, string>): PersonChanges {
  const key = (m: ScoredRef) => `${m.list}\u0000${m.ref}`;
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
