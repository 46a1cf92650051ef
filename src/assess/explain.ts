// Evidence lists and explanations in words. Everything here reads a judgement that has
// already been made; nothing here decides a status.
import { countsAt, notCountingReason } from './asof.js';
import { compareText, sortSmall, type Link } from './prepare.js';
import type { DecidingMass } from './status.js';
import type { EvidenceEntry, NotCountingEntry } from './types.js';
import { fromUnits } from './weights.js';

export function entryOf(link: Link, withTarget = false): EvidenceEntry {
  const e = link.evidence;
  return withTarget
    ? { id: e.id, source: e.source, stance: link.stance, strength: link.strength, grade: e.grade, weight: fromUnits(link.weight), target: link.target }
    : { id: e.id, source: e.source, stance: link.stance, strength: link.strength, grade: e.grade, weight: fromUnits(link.weight) };
}

/** Counting links in their fixed order: largest weight first, ties by id; context links (weight 0) last. */
export function countingLinks(links: readonly Link[], at: number): Link[] {
  return links.filter((l) => countsAt(l.evidence.window, at));
}

/** The counting links that make up the deciding mass (context links never do). */
export function decidingLinks(links: readonly Link[], at: number, mass: DecidingMass | null): Link[] {
  if (mass === null) return [];
  const stances = mass === 'support' ? ['supports'] : mass === 'contradiction' ? ['contradicts'] : ['supports', 'contradicts'];
  return countingLinks(links, at).filter((l) => stances.includes(l.stance));
}

export function notCountingEntries(links: readonly Link[], at: number): NotCountingEntry[] {
  const out: NotCountingEntry[] = [];
  for (const l of links) {
    const reason = notCountingReason(l.evidence.window, at);
    if (reason !== null) out.push({ id: l.evidence.id, stance: l.stance, reason });
  }
  return sortSmall(out, (a, b) => compareText(a.id, b.id) || compareText(a.stance, b.stance));
}

/** `Evidence counting on T, largest first: ev-1 B2 contradicts strong 2.4; …` — one line, cheap to build for thousands of objects. */
export function evidenceSentence(entries: readonly EvidenceEntry[], at: string, heading = `Evidence counting on ${at}, largest first`): string {
  if (entries.length === 0) return `No evidence counts on ${at}.`;
  let text = `${heading}: `;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as EvidenceEntry;
    if (i > 0) text += '; ';
    text += `${e.id}${e.target ? ` (on ${e.target})` : ''} ${e.grade} ${e.stance} ${e.strength} ${e.stance === 'context' ? '0 (context)' : e.weight}`;
  }
  return text + '.';
}

export function notCountingSentence(entries: readonly NotCountingEntry[]): string | null {
  if (entries.length === 0) return null;
  return `Known but not counting: ${entries.map((e) => `${e.id} (${e.stance}): ${e.reason}`).join('; ')}.`;
}
