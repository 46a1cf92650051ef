import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { getCase, listCases, loadCase } from '../../src/store/cases.js';
import { verifyAudit } from '../../src/audit/log.js';
import { freshDbSpec, storeKinds } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';
import { generateCase } from '../helpers/generate.js';

const child = fileURLToPath(new URL('./load-child.ts', import.meta.url));

/** Runs the child until it reports being halfway through its load, then SIGKILLs it. */
function killHalfway(spec: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, spec], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('HALFWAY')) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (out.includes('FINISHED') || !out.includes('HALFWAY')) reject(new Error(`the child did not stop halfway (code ${code}): ${out} ${err}`));
      else resolve(signal);
    });
  });
}

describe.each(storeKinds)('a load killed halfway on %s', (kind) => {
  it('leaves the database as it was, and the next load succeeds', async () => {
    const spec = await freshDbSpec(kind);
    const before = await openStore(spec);
    await loadCase(before, miniCase(), { actor: 'test:setup' });
    await before.close();

    expect(await killHalfway(spec)).toBe('SIGKILL');

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
