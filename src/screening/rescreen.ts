// Lists that change: importing a new list version re-screens every case in the store against the
// newest lists (one index for all cases), and each case's screening is stored, so that what
// changed for each person — matches new, gone, or with another score — can become alerts of the
// `new_sanctions_match` tripwire. Decisions are keyed by (person, list, reference), which stay
// stable across versions, so they stay attached to the matches they concern.
import { listCases } from '../store/cases.js';
import type { Store } from '../store/open.js';
import { currentDecisions, decisionKey, screeningsUpTo, type StoredMatch } from '../store/sanctions.js';
import { changesFor } from '../sanctions/index.js';
import { loadScreeningIndex, NoListsError, screenCase } from './screening.js';

export interface CaseRescreen {
  case: string;
  new: number;
  gone: number;
  changed: number;
}

/** Screens every case of the store against the newest lists and stores each screening. */
export async function rescreenAllCases(store: Store, actor: string): Promise<CaseRescreen[]> {
  const cases = await listCases(store);
  if (cases.length === 0) return [];
  let loaded;
  try {
    loaded = await loadScreeningIndex(store);
  } catch (e) {
    if (e instanceof NoListsError) return [];
    throw e;
  }
  const out: CaseRescreen[] = [];
  for (const c of cases) {
    const result = await screenCase(store, c.id, { actor, loaded });
    const sum = { case: c.id, new: 0, gone: 0, changed: 0 };
    for (const r of result.results) {
      sum.new += r.changes?.added.length ?? r.matches.length;
      sum.gone += r.changes?.removed.length ?? 0;
      sum.changed += r.changes?.rescored.length ?? 0;
    }
    out.push(sum);
  }
  return out;
}

/** One change of one case person's matches between two screenings (the `new_sanctions_match` tripwire's input). */
export interface SanctionsChange {
  person: string;
  list: string;
  ref: string;
  change: 'new' | 'gone' | 'changed';
  score: number;
  before?: number;
  matched_name?: string;
  /** When the change was seen (the screening that found it), and the list versions of that screening. */
  screened_at: string;
  versions: Record<string, string>;
  /** The analyst decision in force on this (person, list, reference), if any. */
  decision?: { decision: string; reason: string; actor: string; decided_at: string };
}

/**
 * What the case's newest screening up to `asOf` (a date) changed against the one before it. The
 * first screening of a case counts every match as new.
 */
export async function sanctionsChanges(store: Store, caseId: string, asOf: string): Promise<SanctionsChange[]> {
  const [last, previous] = await screeningsUpTo(store.db, caseId, `${asOf}T23:59:59.999Z`, 2);
  if (!last) return [];
  const now = JSON.parse(last.results) as Record<string, StoredMatch[]>;
  const then = previous ? (JSON.parse(previous.results) as Record<string, StoredMatch[]>) : {};
  const versions = JSON.parse(last.versions) as Record<string, string>;
  const decisions = await currentDecisions(store.db, caseId);
  const out: SanctionsChange[] = [];
  for (const person of [...new Set([...Object.keys(now), ...Object.keys(then)])].sort()) {
    const after = now[person] ?? [];
    const d = changesFor(then[person] ?? [], after, previous?.screened_at ?? '', versions);
    const named = new Map(after.map((m) => [`${m.list}\u0000${m.ref}`, m.matched_name]));
    const base = (list: string, ref: string) => {
      const decision = decisions.get(decisionKey(person, list, ref));
      const matched = named.get(`${list}\u0000${ref}`);
      return {
        person, list, ref, screened_at: last.screened_at, versions,
        ...(matched ? { matched_name: matched } : {}),
        ...(decision ? { decision: { decision: decision.decision, reason: decision.reason, actor: decision.actor, decided_at: decision.decided_at } } : {}),
      };
    };
    for (const m of d.added) out.push({ ...base(m.list, m.ref), change: 'new', score: m.score });
    for (const m of d.removed) out.push({ ...base(m.list, m.ref), change: 'gone', score: m.score });
    for (const m of d.rescored) out.push({ ...base(m.list, m.ref), change: 'changed', score: m.after, before: m.before });
  }
  return out;
}
