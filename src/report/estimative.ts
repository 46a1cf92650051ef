// Confidence in the estimative language of intelligence assessments (docs/reports.md). The
// engine's confidence (docs/assessment.md §5) says how much graded evidence decided a status; the
// briefing turns it into the words a reader of an assessment expects.
import type { Confidence } from '../assess/index.js';

export interface EstimativeWords {
  /** Opens a key judgement: "We judge with high confidence". */
  lead: string;
  /** Likelihood adverb for a past act: "almost certainly broke", "probably broke", "may have broken". */
  pastAct: (past: string, participle: string) => string;
  /** Likelihood for a present state: "is almost certainly not met", "may not be met". */
  state: (state: string) => string;
}

export const ESTIMATIVE: Record<Confidence, EstimativeWords> = {
  high: {
    lead: 'We judge with high confidence',
    pastAct: (past) => `almost certainly ${past}`,
    state: (state) => `is almost certainly ${state}`,
  },
  moderate: {
    lead: 'We judge with moderate confidence',
    pastAct: (past) => `probably ${past}`,
    state: (state) => `is probably ${state}`,
  },
  low: {
    lead: 'We judge with low confidence',
    pastAct: (_past, participle) => `may have ${participle}`,
    state: (state) => (state.startsWith('not ') ? `may not be ${state.slice(4)}` : `may be ${state}`),
  },
};

/** The table printed in the briefing's method note and in docs/reports.md. */
export const ESTIMATIVE_TABLE: ReadonlyArray<{ confidence: Confidence; phrase: string; likelihood: string }> = [
  { confidence: 'high', phrase: 'we judge with high confidence', likelihood: 'almost certainly' },
  { confidence: 'moderate', phrase: 'we judge with moderate confidence', likelihood: 'probably' },
  { confidence: 'low', phrase: 'we judge with low confidence', likelihood: 'may' },
];
