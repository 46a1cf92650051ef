// Every kind `deeds import` and `deeds fetch` know, in the order `--help` lists them.
import type { ImportKind } from './kinds.js';

export const importKinds: ImportKind[] = [];
