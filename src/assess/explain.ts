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

/** Entries of the counting links, with their origin group where sources share one. */
export function countingEntries(links: readonly Link[], at: number): EvidenceEntry[] {
  const counting = countingLinks(links, at);
  if (!counting.some((l) => l.group !== null)) return counting.map((l) => entryOf(l));
  // Per group: each source's total, and the source that carries the group (largest total, then smallest id).
  const totals = new Map<string, Map<string, number>>();
  for (const l of counting) {
    if (l.group === null) continue;
    let bySource = totals.get(l.group);
    if (!bySource) totals.set(l.group, (bySource = new Map<string, number>()));
    bySource.set(l.evidence.source, (bySource.get(l.evidence.source) ?? 0) + l.weight);
  }
  const carrier = new Map<string, string>();
  for (const [group, bySource] of totals) {
    let best: [string, number] | null = null;
    for (const entry of bySource) if (best === null || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
    if (best) carrier.set(group, best[0]);
  }
  return counting.map((l) => {
    const entry = entryOf(l);
    // A group shows only while items of two or more of its sources count: one source alone adds up as usual.
    if (l.group === null || (totals.get(l.group)?.size ?? 0) < 2) return entry;
    const others = counting.filter((o) => o.group === l.group && o !== l).map((o) => o.evidence.id);
    entry.group = { origin: l.evidence.origin, counted: carrier.get(l.group) === l.evidence.source, with: [...new Set(others)].sort(compareText) };
    return entry;
  });
}

/** Links from before a commitment was made, as "not counting" entries once they are known. */
export function beforeMadeEntries(links: readonly Link[], at: number): NotCountingEntry[] {
  const out: NotCountingEntry[] = [];
  for (const l of links) if (l.evidence.window.known <= at && l.evidence.window.start <= at) out.push({ id: l.evidence.id, stance: l.stance, reason: BEFORE_MADE });
  return out;
}

export const BEFORE_MADE = 'observed before the commitment was made';

export function prerequisiteNote(dependsOn: readonly string[] | undefined): string | null {
  return dependsOn && dependsOn.length > 0 ? `Prerequisites: ${dependsOn.join(', ')} (a due date passing while one is not kept means blocked, not missed).` : null;
}

export function notCountingEntries(links: readonly Link[], at: number, extra: readonly NotCountingEntry[] = []): NotCountingEntry[] {
  const out: NotCountingEntry[] = [...extra];
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
    if (e.group) text += e.group.counted ? ` (counted once with ${e.group.with.join(', ')}: one origin, ${e.group.origin})` : ` (not added: counted once with ${e.group.with.join(', ')}, one origin, ${e.group.origin})`;
  }
  return text + '.';
}

export function notCountingSentence(entries: readonly NotCountingEntry[]): string | null {
  if (entries.length === 0) return null;
  return `Known but not counting: ${entries.map((e) => `${e.id} (${e.stance}): ${e.reason}`).join('; ')}.`;
}
