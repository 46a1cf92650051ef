// Analysis of Competing Hypotheses (ALGORITHMS.md §8). The reading is by elimination: the
// option the evidence argues least against, weighted by how good each item is; diagnosticity
// says which items tell the options apart; the leave-one-out check says whether the reading
// hangs on a single item.
import type { CaseFile, Hypothesis } from '../case/schema.js';
import { scoreAch, type AchScores } from './ach-score.js';
import { countsAt, notCountingReason } from './asof.js';
import { dateKey } from './dates.js';
import { UnknownHypothesisSetError } from './errors.js';
import { compareText, prepareCase, type EvidenceInfo, type PreparedCase } from './prepare.js';
import { settingsFromCase, type Settings } from './settings.js';
import { fromUnits, toUnits } from './weights.js';

export type AchRating = Hypothesis['ratings'][number]['rating'];
/** The last instant a JavaScript date can hold: "as of now and forever", when no date is given. */
const END_OF_TIME = 8.64e15;

export interface AchOptionResult {
  id: string;
  text: string;
  /** Σ (1 for I, 2 for II) × reliability × credibility, over the rated evidence. */
  inconsistency: number;
  /** 1 = least contradicted; tied options share a rank. */
  rank: number;
}

export interface AchRow {
  evidence: string;
  grade: string;
  /** reliability × credibility */
  g: number;
  /** Option id → rating; null where the cell is empty. */
  ratings: Record<string, AchRating | null>;
  /** Population standard deviation of the numeric ratings across options (NA and empty cells left out). */
  diagnosticity: number;
  /** Leave-one-out: does removing this item change the ranking of the options? */
  changes_ranking: boolean;
  least_contradicted_without: string[];
}

export interface AchResult {
  case: string;
  set: { id: string; question: string };
  /** null: every item recorded, with retractions and corrections applied. */
  as_of: string | null;
  options: AchOptionResult[];
  least_contradicted: string[];
  /** The ACH reading in words. */
  reading: string;
  /** Most diagnostic first, ties by id. */
  matrix: AchRow[];
  /** Items whose removal alone changes the ranking. */
  sensitive_to: string[];
  excluded: { evidence: string; reason: string }[];
  settings: Settings;
  settings_from_case: string[];
}

export function ach(c: CaseFile, hypothesisSetId: string, options: { asOf?: string | undefined } = {}): AchResult {
  return achPrepared(prepareCase(c), hypothesisSetId, options);
}

export function achPrepared(p: PreparedCase, setId: string, options: { asOf?: string | undefined } = {}): AchResult {
  const set = p.hypotheses.get(setId);
  if (!set) throw new UnknownHypothesisSetError(setId, p.c.case.id, [...p.hypotheses.keys()]);
  const at = options.asOf === undefined ? END_OF_TIME : dateKey(options.asOf, 'as-of date');
  const optionIds = set.options.map((o) => o.id);

  const infoOf = new Map(p.evidence.map((e) => [e.id, e]));
  const byEvidence = new Map<string, Map<string, AchRating>>();
  const excluded = new Map<string, string>();
  for (const r of set.ratings) {
    const info = infoOf.get(r.evidence);
    if (info && info.window.known > at) continue; // unknown at that date: as if it did not exist
    const why = !info ? 'no evidence item has this id' : countsAt(info.window, at) ? null : notCountingReason(info.window, at);
    if (why !== null) {
      excluded.set(r.evidence, why);
      continue;
    }
    const row = byEvidence.get(r.evidence) ?? new Map<string, AchRating>();
    row.set(r.option, r.rating);
    byEvidence.set(r.evidence, row);
  }

  const items = [...byEvidence.entries()].sort(([a], [b]) => compareText(a, b)).map(([id, cells]) => {
    const info = infoOf.get(id) as EvidenceInfo;
    return { id, info, g: toUnits(info.factor), ratings: optionIds.map((o) => cells.get(o) ?? null) };
  });
  const { totals, ranks, items: scored } = scoreAch(optionIds.length, items);
  const best = optionIds.filter((_, i) => ranks[i] === 1);

  const matrix: AchRow[] = items.map((item, k) => {
    const s = scored[k] as AchScores['items'][number];
    return {
      evidence: item.id, grade: item.info.grade, g: fromUnits(item.g),
      ratings: Object.fromEntries(optionIds.map((o, i) => [o, item.ratings[i] ?? null])),
      diagnosticity: round(s.diagnosticity),
      changes_ranking: s.changesRanking,
      least_contradicted_without: s.firstWithout.map((i) => optionIds[i] as string),
    };
  }).sort((a, b) => b.diagnosticity - a.diagnosticity || compareText(a.evidence, b.evidence));

  const optionResults = set.options.map((o, i) => ({ id: o.id, text: o.text, inconsistency: fromUnits(totals[i] ?? 0), rank: ranks[i] ?? 1 }));
  const sensitiveTo = matrix.filter((r) => r.changes_ranking).map((r) => r.evidence).sort(compareText);
  return {
    case: p.c.case.id, set: { id: set.id, question: set.question }, as_of: options.asOf ?? null,
    options: optionResults, least_contradicted: best, reading: readingOf(optionResults, items.length, sensitiveTo), matrix, sensitive_to: sensitiveTo,
    excluded: [...excluded.entries()].map(([evidence, reason]) => ({ evidence, reason })).sort((a, b) => compareText(a.evidence, b.evidence)),
    settings: p.settings, settings_from_case: settingsFromCase(p.settings),
  };
}

function readingOf(options: readonly AchOptionResult[], rated: number, sensitiveTo: readonly string[]): string {
  if (rated === 0) return 'No counting evidence is rated against these options: ACH cannot tell them apart.';
  const sorted = [...options].sort((a, b) => a.rank - b.rank || compareText(a.id, b.id));
  const best = sorted.filter((o) => o.rank === 1);
  const next = sorted.find((o) => o.rank > 1);
  const named = (o: AchOptionResult) => `${o.id} ("${o.text}")`;
  const sensitivity = sensitiveTo.length === 0
    ? 'No single item changes the ranking when left out.'
    : `The ranking changes if ${sensitiveTo.length === 1 ? 'this item is' : 'any one of these items is'} left out: ${sensitiveTo.join(', ')}.`;
  if (best.length > 1) {
    return `${best.map((o) => o.id).join(' and ')} are tied as the least contradicted options (inconsistency ${best[0]?.inconsistency ?? 0} each): ` +
      `the rated evidence does not separate them. ${sensitivity}`;
  }
  const top = best[0] as AchOptionResult;
  return `${named(top)} is the least contradicted option, with inconsistency ${top.inconsistency}` +
    (next ? ` against ${next.inconsistency} for ${next.id}` : '') +
    '. ACH reads by elimination: the rated evidence argues least against this option, so it is the one to favour, tentatively. ' + sensitivity;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
