import { afterEach, describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse.js';
import { caseToYaml } from '../../src/case/export.js';
import { getCase, listCases, loadCase } from '../../src/store/cases.js';
import { evidenceHistory } from '../../src/store/evidence.js';
import type { Store } from '../../src/store/open.js';
import { freshStore, storeKinds } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';

const actor = 'test:alice';

describe.each(storeKinds)('cases on %s', (kind) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('stores every object and gives the same case back', async () => {
    store = await freshStore(kind);
    const c = miniCase();
    const summary = await loadCase(store, c, { actor });
    expect(summary).toMatchObject({ case: 'mini', created: true, inserted: 14, updated: 0, unchanged: 0 });
    expect(await getCase(store, 'mini')).toEqual(c);
    expect(await listCases(store)).toEqual([expect.objectContaining({ id: 'mini', title: 'A small case', marking: 'TLP:CLEAR' })]);
    expect(await getCase(store, 'nope')).toBeUndefined();
  });

  it('loading the same case again changes nothing', async () => {
    store = await freshStore(kind);
    await loadCase(store, miniCase(), { actor });
    const again = await loadCase(store, miniCase(), { actor });
    expect(again).toMatchObject({ created: false, inserted: 0, updated: 0, unchanged: 14, new_versions: 0 });
  });

  it('updates changed objects by id and adds new ones, keeping objects the file no longer lists', async () => {
    store = await freshStore(kind);
    await loadCase(store, miniCase(), { actor });
    const c = miniCase();
    c.commitments[0] = { ...c.commitments[0]!, text: 'reworded' };
    c.actors.push({ id: 'qatar', kind: 'state', name: 'Qatar' });
    c.positions = [];
    const summary = await loadCase(store, c, { actor });
    expect(summary).toMatchObject({ inserted: 1, updated: 1 });
    const stored = await getCase(store, 'mini');
    expect(stored?.commitments[0]?.text).toBe('reworded');
    expect(stored?.actors.map((a) => a.id)).toContain('qatar');
    expect(stored?.positions).toHaveLength(1); // nothing is deleted by a load
  });

  it('keeps every version of an evidence item whose text changed', async () => {
    store = await freshStore(kind);
    await loadCase(store, miniCase(), { actor: 'test:first' });
    const c = miniCase();
    c.evidence[0] = { ...c.evidence[0]!, summary: 'ties persist, and grew' };
    const summary = await loadCase(store, c, { actor: 'test:second' });
    expect(summary).toMatchObject({ updated: 1, new_versions: 1 });
    const history = await evidenceHistory(store, 'mini', 'ev-1');
    expect(history.map((v) => [v.version, v.item.summary, v.stored_by])).toEqual([
      [1, 'ties persist', 'test:first'],
      [2, 'ties persist, and grew', 'test:second'],
    ]);
    expect((await getCase(store, 'mini'))?.evidence[0]?.summary).toBe('ties persist, and grew');
    expect((await getCase(store, 'mini'))?.evidence.map((e) => e.id)).toEqual(['ev-1', 'ev-2']);
  });

  it('round-trips through YAML export into a fresh database', async () => {
    store = await freshStore(kind);
    const c = miniCase();
    await loadCase(store, c, { actor });
    const exported = await getCase(store, 'mini');
    const files = [...caseToYaml(exported!)].map(([file, text]) => ({ file, text }));
    const reparsed = parseCase(files);
    if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.problems));
    const second = await freshStore(kind);
    try {
      await loadCase(second, reparsed.value, { actor });
      expect(await getCase(second, 'mini')).toEqual(c);
    } finally {
      await second.close();
    }
  });
});
