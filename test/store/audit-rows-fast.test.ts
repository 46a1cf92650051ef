// A case load digests each object's row from the canonical text it already made for the object's
// digest (rowRecordOfData); the record must be byte for byte the one rowRecord makes from the
// stored JSON, which is what `deeds audit verify` recomputes from the table later.
import { afterEach, describe, expect, it } from 'vitest';
import { readCase } from '../../src/case/read.js';
import { objectLists, type CaseFile } from '../../src/case/schema.js';
import { rowRecord, rowRecordOfData } from '../../src/store/audit/rows.js';
import { verifyAudit } from '../../src/store/audit/verify.js';
import { loadCase, storageKey } from '../../src/store/cases.js';
import type { Store } from '../../src/store/open.js';
import { canonicalJson, sha256 } from '../../src/util/digest.js';
import { freshStore, storeKinds } from '../helpers/stores.js';

async function bundledCase(): Promise<CaseFile> {
  const read = await readCase('cases/afghanistan-doha');
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value;
}

const now = '2026-12-03T12:00:00.000Z';

function objectRow(list: string, object: object, ord: number) {
  const canonical = canonicalJson(object);
  return { row: { case_id: 'c', id: storageKey(list as never, object), list, ord, data: JSON.stringify(object), digest: sha256(canonical), updated_at: now }, canonical };
}

function evidenceRow(object: { id: string; [key: string]: unknown }, ord: number, storedBy: string) {
  const canonical = canonicalJson(object);
  return { row: { case_id: 'c', id: object.id, version: 1, ord, data: JSON.stringify(object), digest: sha256(canonical), stored_at: now, stored_by: storedBy }, canonical };
}

describe('audit row records from canonical text', () => {
  it('equal the records made from the stored JSON for every object of the bundled case', async () => {
    const c = await bundledCase();
    let compared = 0;
    for (const list of objectLists) {
      for (const [ord, object] of c[list].entries()) {
        if (list === 'evidence') {
          const { row, canonical } = evidenceRow(object as CaseFile['evidence'][number] & Record<string, unknown>, ord, 'cli:test');
          expect(rowRecordOfData('evidence_versions', row, canonical)).toEqual(rowRecord('evidence_versions', row));
        } else {
          const { row, canonical } = objectRow(list, object, ord);
          expect(rowRecordOfData('case_objects', row, canonical)).toEqual(rowRecord('case_objects', row));
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('equal them for objects with awkward keys and text, and an actor that looks like JSON', () => {
    const object = { id: 'ev-1', '10': 1, '2': [2, null], z: { b: 'ü\u2028"\\', a: -0, c: 1e21 }, Data: true, data: 'inner', 'é': '' };
    const { row, canonical } = evidenceRow(object, 7, '{"data":1},"digest":');
    expect(rowRecordOfData('evidence_versions', row, canonical)).toEqual(rowRecord('evidence_versions', row));
    const other = objectRow('claims', object, 3);
    expect(rowRecordOfData('case_objects', other.row, other.canonical)).toEqual(rowRecord('case_objects', other.row));
  });

  it('differ when the canonical text is not the row\'s', () => {
    const { row } = evidenceRow({ id: 'ev-1', summary: 'a' }, 0, 'cli:test');
    expect(rowRecordOfData('evidence_versions', row, canonicalJson({ id: 'ev-1', summary: 'b' }))[2]).not.toBe(rowRecord('evidence_versions', row)[2]);
  });
});

describe.each(storeKinds)('a load of the bundled case on %s', (kind) => {
  let store: Store | undefined;
  afterEach(async () => { await store?.close(); store = undefined; });

  it('verifies: the rows in the tables match the records its audit entry holds', async () => {
    store = await freshStore(kind);
    await loadCase(store, await bundledCase(), { actor: 'test:setup' });
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, entries: 1 });
  });
});
