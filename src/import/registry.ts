// Every kind `deeds import` and `deeds fetch` know, in the order `--help` lists them.
import type { ImportKind } from './kinds.js';
import { acledImport, ucdpGedImport } from './events.js';
import { sanctionsImportKinds } from './sanctions.js';

export const importKinds: ImportKind[] = [
  ucdpGedImport,
  acledImport,
  ...sanctionsImportKinds,
];
