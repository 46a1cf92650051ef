// Routes under /api/cases/:case read the case first; a missing one is a 404 like a forbidden one.
import type { CaseFile } from '../case/schema.js';
import { getCase } from '../store/cases.js';
import type { Store } from '../store/open.js';
import { notFound } from './problems.js';

export async function requireCase(store: Store, caseId: string): Promise<CaseFile> {
  const c = await getCase(store, caseId);
  if (!c) throw notFound(`case "${caseId}"`);
  return c;
}
