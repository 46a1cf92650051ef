// The object kinds as people read them: singular and plural words, and the field an object's
// name comes from (used for its label everywhere, and for the slug of a new id).
import type { EditableList } from './lists';

export interface KindWords {
  one: string;
  many: string;
  /** The property people read as the object's name; its slug becomes a new object's id. */
  title: string;
  intro: string;
}

export const kinds: Record<EditableList, KindWords> = {
  actors: { one: 'actor', many: 'Actors', title: 'name', intro: 'States, governments, armed groups, organisations and persons of the case.' },
  relationships: { one: 'relationship', many: 'Relationships', title: 'role', intro: 'Who belongs to, leads, supports or opposes whom, and offices held, with their dates.' },
  sources: { one: 'source', many: 'Sources', title: 'title', intro: 'Where commitments, claims and evidence come from, with their reliability (A–F).' },
  commitments: { one: 'commitment', many: 'Commitments', title: 'text', intro: 'What the party pledged.' },
  conditions: { one: 'condition', many: 'Conditions', title: 'text', intro: 'What the engaging states require before they release leverage.' },
  leverage: { one: 'leverage instrument', many: 'Leverage', title: 'text', intro: 'What the engaging states hold, what gates it, and each decision taken.' },
  positions: { one: 'position', many: 'Positions', title: 'note', intro: 'Each engaging party’s stance on each condition.' },
  claims: { one: 'claim', many: 'Claims', title: 'text', intro: 'Officials’ public claims about commitments and conditions.' },
  hypotheses: { one: 'hypothesis set', many: 'Hypotheses', title: 'question', intro: 'Analysis of Competing Hypotheses: a question, its options and the ratings of evidence.' },
  indicators: { one: 'indicator', many: 'Indicators', title: 'measure', intro: 'Series computed from conflict event data.' },
  tripwires: { one: 'tripwire', many: 'Tripwires', title: 'advice', intro: 'Rules that raise an alert from indicators, review dates and sanctions matches.' },
};
