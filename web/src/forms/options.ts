// Every object of a case under a name people read (an actor's name, a source's title, a
// commitment's words), for pickers, tables and headlines; the id goes in small type beside it.
import { shortLabel } from '../ui/labels';
import type { LinkTarget } from './links';

export interface Choice {
  id: string;
  label: string;
  /** The list it belongs to, said in words (“Commitments”), to group a picker's choices. */
  group: string;
}

type Obj = Record<string, unknown>;
/** The case as the API returns it, read loosely: only lists of objects with ids are used here. */
export type LooseCase = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const listOf = (c: LooseCase | undefined, list: string): Obj[] => (Array.isArray(c?.[list]) ? (c[list] as Obj[]) : []);

const groups: Record<string, string> = {
  actors: 'Actors', relationships: 'Relationships', sources: 'Sources', commitments: 'Commitments', conditions: 'Conditions',
  leverage: 'Leverage', evidence: 'Evidence', claims: 'Claims', indicators: 'Indicators', options: 'Options', hypotheses: 'Hypotheses',
  tripwires: 'Tripwires', positions: 'Positions',
};

// One table per loaded case: every link field and table cell reads it, on every keystroke.
const tables = new WeakMap<object, Map<string, string>>();

/** An id → name table for every object of the case that has an id. */
export function nameTable(c: LooseCase | undefined): Map<string, string> {
  const cached = c ? tables.get(c) : undefined;
  if (cached) return cached;
  const names = buildNames(c);
  if (c) tables.set(c, names);
  return names;
}

function buildNames(c: LooseCase | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of listOf(c, 'actors')) names.set(str(a['id']), str(a['name']));
  const actor = (id: unknown) => names.get(str(id)) ?? str(id);
  for (const s of listOf(c, 'sources')) names.set(str(s['id']), shortLabel(`${str(s['title'])}${s['date'] ? ` (${str(s['date'])})` : ''}`, 80));
  for (const list of ['commitments', 'conditions', 'leverage', 'claims']) for (const o of listOf(c, list)) names.set(str(o['id']), shortLabel(str(o['text']), 80));
  for (const e of listOf(c, 'evidence')) names.set(str(e['id']), shortLabel(str(e['summary']), 80));
  for (const r of listOf(c, 'relationships')) names.set(str(r['id']), `${actor(r['from'])} ${str(r['type']).replace(/_/g, ' ')} ${actor(r['to'])}${r['role'] ? ` (${str(r['role'])})` : ''}`);
  for (const h of listOf(c, 'hypotheses')) {
    names.set(str(h['id']), shortLabel(str(h['question']), 80));
    for (const o of Array.isArray(h['options']) ? (h['options'] as Obj[]) : []) names.set(str(o['id']), shortLabel(str(o['text']), 80));
  }
  for (const i of listOf(c, 'indicators')) names.set(str(i['id']), `${str(i['measure']).replace(/_/g, ' ')} per ${str(i['period'])} (${str(i['dataset'])})`);
  // Positions are known by party and condition when they have no id (as the API keys them).
  for (const p of listOf(c, 'positions')) {
    const key = p['id'] ? str(p['id']) : `position:${str(p['party'])}:${str(p['condition'])}`;
    names.set(key, `${actor(p['party'])} ${str(p['stance'])} “${shortLabel(names.get(str(p['condition'])) ?? str(p['condition']), 60)}”`);
  }
  for (const t of listOf(c, 'tripwires')) names.set(str(t['id']), t['advice'] ? shortLabel(str(t['advice']), 80) : str(t['kind']).replace(/_/g, ' '));
  return names;
}

/**
 * The choices for a link to `targets`. `own` is the object being edited: a hypothesis set's
 * ratings name its own options, and evidence may bear on any hypothesis option.
 */
export function choicesFor(c: LooseCase | undefined, targets: readonly LinkTarget[], own?: Obj): Choice[] {
  // Without options (which depend on the object edited) the choices depend on the case alone:
  // kept per case, since every picker of every row asks on every render.
  if (!c || targets.includes('options')) return buildChoices(c, targets, own);
  const perCase = choiceCache.get(c) ?? new Map<string, Choice[]>();
  choiceCache.set(c, perCase);
  const key = targets.join(' ');
  const hit = perCase.get(key);
  if (hit) return hit;
  const made = buildChoices(c, targets, own);
  perCase.set(key, made);
  return made;
}

const choiceCache = new WeakMap<object, Map<string, Choice[]>>();

function buildChoices(c: LooseCase | undefined, targets: readonly LinkTarget[], own?: Obj): Choice[] {
  const names = nameTable(c);
  const out: Choice[] = [];
  for (const t of targets) {
    if (t === 'options') {
      const sets = own && Array.isArray(own['options']) ? [own] : listOf(c, 'hypotheses');
      for (const h of sets) for (const o of (h['options'] as Obj[] | undefined) ?? []) {
        if (o['id']) out.push({ id: str(o['id']), label: shortLabel(str(o['text']) || str(o['id']), 80), group: 'Options' });
      }
      continue;
    }
    for (const o of listOf(c, t)) if (o['id']) out.push({ id: str(o['id']), label: names.get(str(o['id'])) || str(o['id']), group: groups[t] ?? t });
  }
  return out;
}

/** Does `choice` match every word typed (in its name or its id)? */
export function matches(choice: Choice, typed: string): boolean {
  const hay = `${choice.label} ${choice.id}`.toLowerCase();
  return typed.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}
