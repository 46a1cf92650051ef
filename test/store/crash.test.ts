import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { getCase, listCases, loadCase } from '../../src/store/cases.js';
import { verifyAudit } from '../../src/store/audit/log.js';
import { freshDbSpec, storeKinds } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';
import { generateCase } from '../helpers/generate.js';
import { killHalfway } from '../helpers/kill-halfway.js';

const child = fileURLToPath(new URL('./load-child.ts', import.meta.url));


describe.each(storeKinds)('a load killed halfway on %s', (kind) => {
  it('leaves the database as it was, and the next load succeeds', async () => {
    const spec = await freshDbSpec(kind);
    const before = await openStore(spec);
    await loadCase(before, miniCase(), { actor: 'test:setup' });
    await before.close();

    expect(await killHalfway(child, [spec])).toBe('SIGKILL');

    const after = await openStore(spec);
    try {
      expect((await listCases(after)).map((c) => c.id)).toEqual(['mini']);
      expect(await getCase(after, 'big')).toBeUndefined();
      expect(await getCase(after, 'mini')).toEqual(miniCase());
      expect(await verifyAudit(after.db)).toMatchObject({ ok: true, entries: 1 });
      const big = generateCase({ id: 'big', evidence: 4000, commitments: 400 });
      const summary = await loadCase(after, big, { actor: 'test:retry' });
      expect(summary.created).toBe(true);
      expect((await getCase(after, 'big'))?.evidence).toHaveLength(4000);
      expect(await verifyAudit(after.db)).toMatchObject({ ok: true, entries: 2 });
    } finally {
      await after.close();
    }
  });
});
