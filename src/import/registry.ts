// Every kind `deeds import` and `deeds fetch` know, in the order `--help` lists them. Each kind is
// named here with its description and whether `deeds fetch` downloads it; its importer (events.ts,
// sanctions.ts and what they pull in: readers, store writes, the screening code) is imported only
// when a file of that kind is imported, so that listing the kinds costs nothing.
// test/cli/import-registry.test.ts checks that these entries match the importers' own.
import type { ImportKind } from './kinds.js';

interface Entry {
  kind: string;
  description: string;
  /** `deeds fetch` downloads the official current file of this kind. */
  fetchable: boolean;
  importer: () => Promise<ImportKind>;
}

const events = () => import('./events.js');
const sanctions = async (kind: string) => (await import('./sanctions.js')).sanctionsImportKinds.find((k) => k.kind === kind) as ImportKind;

const entries: Entry[] = [
  { kind: 'ucdp-ged', description: 'UCDP GED events: CSV, API JSON page or NDJSON', fetchable: true, importer: async () => (await events()).ucdpGedImport },
  { kind: 'acled', description: 'ACLED events: CSV export, JSON or NDJSON', fetchable: true, importer: async () => (await events()).acledImport },
  { kind: 'un-sanctions', description: 'UN Security Council Consolidated List, XML', fetchable: true, importer: () => sanctions('un-sanctions') },
  { kind: 'ofac-sdn', description: 'OFAC SDN list, legacy CSV set (sdn.csv with alt.csv, add.csv, sdn_comments.csv beside it) or sdn.xml', fetchable: true, importer: () => sanctions('ofac-sdn') },
  { kind: 'ftm', description: 'OpenSanctions FollowTheMoney JSON lines, entities or delta files', fetchable: false, importer: () => sanctions('ftm') },
];

export const importKinds: ImportKind[] = entries.map(({ kind, description, importer }) => ({
  kind,
  description,
  importFile: async (store, file, options) => (await importer()).importFile(store, file, options),
}));

/** The kinds `deeds fetch` downloads, in `--help` order. */
export const fetchableKinds: string[] = entries.filter((e) => e.fetchable).map((e) => e.kind);
