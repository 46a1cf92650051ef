// The registry names the import kinds without loading their importers; what it names must be what
// the importers are, or `deeds import --help` would describe one thing and import another.
import { describe, expect, it } from 'vitest';
import { fetchableKinds, importKinds } from '../../src/import/registry.js';
import { acledImport, ucdpGedImport } from '../../src/import/events.js';
import { fetchKinds } from '../../src/import/events-fetch.js';
import { sanctionsImportKinds } from '../../src/import/sanctions.js';

describe('import registry', () => {
  it('names every importer, in order, with the importer\'s own description', () => {
    const importers = [ucdpGedImport, acledImport, ...sanctionsImportKinds];
    expect(importKinds.map((k) => [k.kind, k.description])).toEqual(importers.map((k) => [k.kind, k.description]));
  });

  it('names as fetchable exactly the kinds the downloader knows', () => {
    expect(fetchableKinds).toEqual([...fetchKinds]);
  });
});
