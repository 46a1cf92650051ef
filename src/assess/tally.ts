// The running sums behind a status: support, contradiction, and which A/B-graded sources
// contribute to each. A tally can be built for one date or updated item by item as a
// timeline moves through time; both give the same numbers because masses are integers.
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
}

export function emptyTally(): Tally {
  return { support: 0, contradiction: 0, links: 0, supportSources: null, contradictionSources: null };
}

/** Adds (sign 1) or removes (sign −1) one link. */
export function applyLink(tally: Tally, link: Link, sign: 1 | -1): void {
  if (link.stance === 'context') return;
  tally.links += sign;
  const supports = link.stance === 'supports';
  if (supports) tally.support += sign * link.weight;
  else tally.contradiction += sign * link.weight;
  if (link.weight > 0 && link.evidence.gradedAB) {
    let sources = supports ? tally.supportSources : tally.contradictionSources;
    if (sources === null) {
      sources = new Map();
      if (supports) tally.supportSources = sources;
      else tally.contradictionSources = sources;
    }
    const next = (sources.get(link.evidence.source) ?? 0) + sign;
    if (next === 0) sources.delete(link.evidence.source);
    else sources.set(link.evidence.source, next);
  }
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
