// The running sums behind a status: support, contradiction, and which A/B-graded origins
// contribute to each. A tally can be built for one date or updated item by item as a
// timeline moves through time; both give the same numbers because masses are integers.
//
// Sources that share an origin (origins.ts) count once: within such a group each source's
// items add up, and the group adds the largest of those source totals. Items of one source
// are separate findings of one publication and add up, as they always have.
import { countsAt } from './asof.js';
import { linksOf, type Link, type PreparedCase } from './prepare.js';

export interface Tally {
  support: number;
  contradiction: number;
  /** Counting supporting or contradicting links (context links weigh nothing and are not counted). */
  links: number;
  /**
   * A/B-graded sources contributing weight to support / contradiction → how many links each;
   * null until the first one (most tallies of a large case have none: no map to allocate).
   */
  supportSources: Map<string, number> | null;
  contradictionSources: Map<string, number> | null;
  /** Group key → source → that source's counting total and links; null until a grouped link counts. */
  groups: Map<string, Map<string, SourceTotal>> | null;
}

interface SourceTotal {
  weight: number;
  links: number;
}

export function emptyTally(): Tally {
  return { support: 0, contradiction: 0, links: 0, supportSources: null, contradictionSources: null, groups: null };
}

/** Adds (sign 1) or removes (sign −1) one link. */
export function applyLink(tally: Tally, link: Link, sign: 1 | -1): void {
  if (link.stance === 'context') return;
  tally.links += sign;
  const supports = link.stance === 'supports';
  const delta = link.group === null ? sign * link.weight : groupDelta(tally, link, sign);
  if (supports) tally.support += delta;
  else tally.contradiction += delta;
  if (link.weight > 0 && link.evidence.gradedAB) {
    let sources = supports ? tally.supportSources : tally.contradictionSources;
    if (sources === null) {
      sources = new Map();
      if (supports) tally.supportSources = sources;
      else tally.contradictionSources = sources;
    }
    // Confidence counts independent origins, not sources.
    const next = (sources.get(link.evidence.origin) ?? 0) + sign;
    if (next === 0) sources.delete(link.evidence.origin);
    else sources.set(link.evidence.origin, next);
  }
}

/** How much the group's contribution (its largest source total) changes when the link enters or leaves. */
function groupDelta(tally: Tally, link: Link, sign: 1 | -1): number {
  const key = link.group as string;
  tally.groups ??= new Map();
  let group = tally.groups.get(key);
  if (!group) tally.groups.set(key, (group = new Map<string, SourceTotal>()));
  const before = largest(group);
  const total = group.get(link.evidence.source) ?? { weight: 0, links: 0 };
  total.weight += sign * link.weight;
  total.links += sign;
  if (total.links === 0) group.delete(link.evidence.source);
  else group.set(link.evidence.source, total);
  return largest(group) - before;
}

function largest(group: ReadonlyMap<string, SourceTotal>): number {
  let max = 0;
  for (const t of group.values()) if (t.weight > max) max = t.weight;
  return max;
}

/** The tally of the links that count at `at`. */
export function tallyAt(links: readonly Link[], at: number): Tally {
  const tally = emptyTally();
  for (const link of links) if (countsAt(link.evidence.window, at)) applyLink(tally, link, 1);
  return tally;
}

/** Tallies of every target at one date, computed on first use. */
export function talliesAt(p: PreparedCase, at: number): (target: string) => Tally {
  const memo = new Map<string, Tally>();
  return (target) => {
    let tally = memo.get(target);
    if (!tally) {
      tally = tallyAt(linksOf(p, target), at);
      memo.set(target, tally);
    }
    return tally;
  };
}
