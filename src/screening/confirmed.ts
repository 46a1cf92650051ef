// Confirmed sanctions matches of a case's persons, for the `sanctioned_officeholder` tripwire
// and anything else that must know who is listed: an analyst's `confirmed` decision in force,
// or a person's own `sanctions_refs` entry that the newest stored list holds (unless an analyst
// marked that pair a false positive). Only references still on the newest version of their list
// count, unless `includeDelisted` is set.
import { getCase } from '../store/cases.js';
import type { Store } from '../store/open.js';
import { currentDecisions, decisionKey, newestVersions, refsInVersion } from '../store/sanctions.js';

export interface ConfirmedMatch {
  /** The case actor (a person) id. */
  person: string;
  list: string;
  ref: string;
  /** The entry's main name in the newest version of its list, when it is still listed. */
  name?: string;
  /** Whether the newest version of the list still holds the reference. */
  listed: boolean;
  source: 'decision' | 'sanctions_refs';
  decided_by?: string;
  decided_at?: string;
  reason?: string;
}

export async function confirmedSanctionsMatches(store: Store, caseId: string, options: { includeDelisted?: boolean } = {}): Promise<ConfirmedMatch[]> {
  const c = await getCase(store, caseId);
  if (!c) return [];
  const versions = await newestVersions(store);
  const decisions = await currentDecisions(store.db, caseId);
  const out: ConfirmedMatch[] = [];
  const listedName = async (list: string, ref: string): Promise<string | undefined> => {
    const v = versions.find((x) => x.list === list);
    return v ? (await refsInVersion(store.db, v.id, [ref])).get(ref) : undefined;
  };
  for (const d of decisions.values()) {
    if (d.decision !== 'confirmed') continue;
    const name = await listedName(d.list, d.ref);
    out.push({ person: d.person_id, list: d.list, ref: d.ref, ...(name !== undefined ? { name } : {}), listed: name !== undefined, source: 'decision', decided_by: d.actor, decided_at: d.decided_at, reason: d.reason });
  }
  for (const person of c.actors.filter((a) => a.kind === 'person')) {
    for (const ref of person.sanctions_refs ?? []) {
      for (const v of versions) {
        const name = (await refsInVersion(store.db, v.id, [ref])).get(ref);
        if (name === undefined) continue;
        const key = decisionKey(person.id, v.list, ref);
        if (decisions.get(key)?.decision === 'false_positive' || out.some((m) => decisionKey(m.person, m.list, m.ref) === key)) continue;
        out.push({ person: person.id, list: v.list, ref, name, listed: true, source: 'sanctions_refs' });
      }
    }
  }
  return out.filter((m) => m.listed || options.includeDelisted);
}
