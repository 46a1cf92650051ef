import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getCase, loadCase } from '../../src/store/cases.js';
import { addEvidence, evidenceHistory, retractEvidence, supersedeEvidence, EvidenceError } from '../../src/store/evidence.js';
import * as evidenceModule from '../../src/store/evidence.js';
import type { Store } from '../../src/store/open.js';
import { freshStore, storeKinds } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';

const who = { actor: 'test:reviewer' };
const newItem = { id: 'ev-3', source: 'report', observed: { from: '2021-05-01' }, recorded: '2021-06-02', credibility: 3, summary: 'new finding', bears_on: [{ target: 'ct-soil', stance: 'contradicts' }] };

describe.each(storeKinds)('evidence ledger on %s', (kind) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('offers no operation that deletes or rewrites an item', () => {
    const names = Object.keys(evidenceModule);
    expect(names.filter((n) => /delete|remove|update|rewrite|edit/i.test(n))).toEqual([]);
  });

  it('refuses UPDATE and DELETE on stored versions at the database level', async () => {
    store = await freshStore(kind);
    await loadCase(store, miniCase(), who);
    await expect(sql`UPDATE evidence_versions SET data = '{}'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM evidence_versions`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    expect((await getCase(store, 'mini'))?.evidence).toHaveLength(2);
  });

  it('adds an item and refuses one whose id exists or whose links are unknown', async () => {
    store = await freshStore(kind);
    await loadCase(store, miniCase(), who);
    await addEvidence(store, 'mini', newItem, who);
    expect((await getCase(store, 'mini'))?.evidence.map((e) => e.id)).toEqual(['ev-1', 'ev-2', 'ev-3']);
    await expect(addEvidence(store, 'mini', newItem, who)).rejects.toThrow(/already exists/);
    const dangling = { ...newItem, id: 'ev-4', bears_on: [{ target: 'no-such-commitment', stance: 'supports' }] };
    await expect(addEvidence(store, 'mini', dangling, who)).rejects.toThrow(/bears_on\[0\]\.target: unknown id "no-such-commitment"/);
    await expect(addEvidence(store, 'mini', { ...newItem, id: 'ev-5', credibility: 9 }, who)).rejects.toBeInstanceOf(EvidenceError);
    await expect(addEvidence(store, 'nope', { ...newItem, id: 'ev-6' }, who)).rejects.toThrow(/no case "nope"/);
  });

  it('records a correction as a new item that supersedes the old, which stays', async () => {
    store = await freshStore(kind);
    await loadCase(store, miniCase(), who);
    await supersedeEvidence(store, 'mini', 'ev-1', { ...newItem, id: 'ev-1b', summary: 'corrected', recorded: undefined }, { ...who, today: '2022-03-04' });
    await supersedeEvidence(store, 'mini', 'ev-2', { ...newItem, id: 'ev-2b', summary: 'corrected' }, who);
    const c = await getCase(store, 'mini');
    expect(c?.evidence.find((e) => e.id === 'ev-1b')).toMatchObject({ supersedes: 'ev-1', recorded: '2022-03-04' });
    expect(c?.evidence.find((e) => e.id === 'ev-2b')?.recorded).toBe(newItem.recorded);
    expect(c?.evidence.find((e) => e.id === 'ev-1')?.summary).toBe('ties persist');
    await expect(supersedeEvidence(store, 'mini', 'ev-missing', { ...newItem, id: 'ev-x' }, who)).rejects.toThrow(/no evidence "ev-missing"/);
  });

  it('retracts with date and reason as a new version, keeping the history', async () => {
    store = await freshStore(kind);
    await loadCase(store, miniCase(), who);
    await retractEvidence(store, 'mini', 'ev-1', { date: '2022-01-01', reason: 'source withdrew the report' }, { ...who, today: '2022-03-04' });
    const history = await evidenceHistory(store, 'mini', 'ev-1');
    expect(history).toHaveLength(2);
    expect(history[0]?.item.retracted).toBeUndefined();
    // `recorded`: the day the retraction was made, from the clock unless the caller gives one.
    expect(history[1]?.item.retracted).toEqual({ date: '2022-01-01', reason: 'source withdrew the report', recorded: '2022-03-04' });
    expect(history[1]?.stored_by).toBe('test:reviewer');
    await expect(retractEvidence(store, 'mini', 'ev-1', { date: '2022-02-01', reason: 'again' }, who)).rejects.toThrow(/already retracted/);
    await retractEvidence(store, 'mini', 'ev-2', { date: '2022-01-01', reason: 'r', recorded: '2022-01-02' }, who);
    expect((await getCase(store, 'mini'))?.evidence.find((e) => e.id === 'ev-2')?.retracted?.recorded).toBe('2022-01-02');
    // Reloading the original file adds a version again rather than losing the retraction.
    await loadCase(store, miniCase(), who);
    expect((await evidenceHistory(store, 'mini', 'ev-1')).map((v) => v.version)).toEqual([1, 2, 3]);
  });
});
