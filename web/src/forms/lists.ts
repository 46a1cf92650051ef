// The lists of a case that are edited as objects (evidence has its own ledger), apart from the
// schema so that pages which only name or link objects do not load the case schema.
export const editableLists = [
  'actors', 'relationships', 'sources', 'commitments', 'conditions', 'leverage', 'positions',
  'claims', 'hypotheses', 'indicators', 'tripwires',
] as const;
export type EditableList = (typeof editableLists)[number];
export const isEditableList = (list: string): list is EditableList => (editableLists as readonly string[]).includes(list);
