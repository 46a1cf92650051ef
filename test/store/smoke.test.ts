import { describe, expect, it } from 'vitest';
import { freshStore, storeKinds } from '../helpers/stores.js';
describe.each(storeKinds)('store on %s', (kind) => {
  it('opens and migrates', async () => {
    const store = await freshStore(kind);
    const tables = await store.db.selectFrom('audit_head').selectAll().execute();
    expect(tables).toHaveLength(1);
    await store.close();
  });
});
