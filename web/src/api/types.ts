// The JSON shapes the UI reads, mirrored from the server (src/assess/types.ts,
// src/server/dashboard.ts, src/assess/ach.ts, src/events/*, src/sanctions/screening.ts). The UI
// only relies on the HTTP API, so these are declared here rather than imported from src/.

export type Role = 'viewer' | 'analyst' | 'reviewer' | 'owner';
export const roleOrder: readonly Role[] = ['viewer', 'analyst', 'reviewer', 'owner'];
export const atLeast = (held: string | null | undefined, needed: Role): boolean =>
  held != null && roleOrder.indexOf(held as Role) >= roleOrder.indexOf(needed);

export interface User { id: string; username: string; is_admin: boolean }
export interface Me { user: User; is_admin: boolean; roles: Record<string, string>; csrf_token?: string }
export interface SessionResponse { user: User; csrf_token: string }

export interface CaseSummary { id: string; title: string; role: string; [key: string]: unknown }

export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
export type Stance = 'supports' | 'contradicts' | 'context';
export type Strength = 'strong' | 'moderate' | 'weak';
export type AchRating = 'CC' | 'C' | 'N' | 'I' | 'II' | 'NA';

export interface BearsOn { target: string; stance: Stance; strength: Strength }
export interface Evidence {
  id: string;
  source: string;
  observed: { from: string; to?: string | null };
  recorded?: string;
  credibility: Credibility;
  reliability?: Reliability | null;
  summary: string;
  bears_on: BearsOn[];
  supersedes?: string | null;
  retracted?: { date: string; reason: string } | null;
  location?: { country?: string; admin1?: string; admin2?: string };
}
export interface LedgerItem extends Evidence { recorded: string; grade: string }
export interface LedgerPage { items: LedgerItem[]; total: number; page: number; per_page: number }
export interface EvidenceVersion { id: string; version: number; stored_at: string; stored_by: string; digest: string; item: Evidence }

export interface Source { id: string; kind: string; title: string; publisher?: string; date: string; url?: string; reliability: Reliability }
export interface Actor { id: string; kind: string; name: string; aliases?: string[]; birth_date?: string; nationality?: string[]; sanctions_refs?: string[] }
export interface Commitment { id: string; by: string; source: string; made: string; kind: string; due?: string | null; text: string; category: string }
export interface Condition { id: string; set_by: string[]; text: string; requires: string[]; category: string; set?: string }
export interface Leverage { id: string; held_by: string; kind: string; text: string; gated_by: string[]; review?: string | null; decisions: { date: string; action: string; text?: string }[] }
export interface Claim { id: string; by: string; made: string; source: string; text: string; asserts: { target: string; status: string } }
export interface Hypothesis { id: string; question: string; options: { id: string; text: string }[]; ratings: { evidence: string; option: string; rating: AchRating }[] }
export interface Tripwire { id: string; kind: string; indicator?: string; leverage?: string; baseline?: { from: string; to?: string | null }; active?: { from: string; to?: string | null }; advice?: string }

export interface CaseFile {
  case: { id: string; title: string; subject: string; marking: string; period?: { start: string; end?: string | null }; summary?: string };
  actors: Actor[];
  sources: Source[];
  commitments: Commitment[];
  conditions: Condition[];
  leverage: Leverage[];
  positions: { party: string; condition: string; stance: string; note?: string }[];
  evidence: Evidence[];
  claims: Claim[];
  hypotheses: Hypothesis[];
  tripwires: Tripwire[];
  indicators: { id: string }[];
  role: string;
}

export interface EvidenceEntry { id: string; source: string; stance: Stance; strength: Strength; grade: string; weight: number; target?: string }
export interface NotCountingEntry { id: string; stance: Stance; reason: string }

export interface CommitmentResult {
  id: string; status: string; confidence: string | null; support: number; contradiction: number;
  evidence: EvidenceEntry[]; not_counting: NotCountingEntry[]; kind: string; made: string; due: string | null;
  rule: string; confidence_reason: string | null; explanation: string;
}
export interface ConditionResult {
  id: string; status: string; confidence: string;
  parts: { id: string; kind: 'commitment' | 'own_evidence'; status: string; confidence: string | null; support: number; contradiction: number; rule: string }[];
  evidence: EvidenceEntry[]; not_counting: NotCountingEntry[]; rule: string; explanation: string;
}
export interface LeverageResult {
  id: string; recommendation: string; confidence: string | null; gated_by: { id: string; status: string }[]; unmet: string[];
  flags: { date: string; action: string; unmet: string[] }[]; review: string | null; rule: string; explanation: string;
}
export interface ClaimResult {
  id: string; status: 'made' | 'not_yet_made'; by: string; made: string; target: string; asserted: string;
  verdict_when_made: string | null; verdict_now: string | null; target_status_when_made: string | null; target_status_now: string | null;
  contradicted_when_made: boolean; known_when_made: EvidenceEntry[]; explanation: string;
}
export interface Assessment {
  case: string; as_of: string;
  commitments: CommitmentResult[]; conditions: ConditionResult[]; leverage: LeverageResult[]; claims: ClaimResult[];
  settings: Settings;
}
export interface Settings {
  strength: Record<Strength, number>;
  reliability: Record<Reliability, number>;
  credibility: Record<string, number>;
  [key: string]: unknown;
}

export interface Dashboard {
  case: { id: string; title: string; subject: string; marking: string; period: { start: string; end?: string | null } | null };
  as_of: string;
  headlines: {
    broken_commitments: { id: string; text: string; confidence: string | null; rule: string }[];
    unmet_conditions: { id: string; text: string; confidence: string; rule: string }[];
    released_against_conditions: { leverage: string; action: string; date: string; unmet: string[] }[];
    claims_contradicted_when_made: { id: string; by: string; made: string; text: string; explanation: string }[];
  };
  scorecard: {
    conditions: { id: string; text: string; status: string; confidence: string }[];
    leverage: { id: string; text: string; held_by: string; recommendation: string; gated_by: string[]; flagged: boolean }[];
  };
  coalition: { condition: string; positions: { party: string; stance: string }[]; divergent: boolean }[];
  /** The review's analytic-integrity warnings at the same date. */
  review: ReviewWarning[];
}

export interface ReviewWarning { kind: string; object: string; detail: string }

export interface Changes {
  case: string; from: string; to: string;
  objects: { id: string; kind: string; before: { status: string; confidence: string | null }; after: { status: string; confidence: string | null } }[];
  evidence_added: string[];
  decisions: { leverage: string; date: string; action: string; recommendation: string; against_conditions: boolean }[];
}

export interface TimelineChange {
  date: string; from: string; to: string; confidence: string | null; rule: string;
  entered: EvidenceEntry[]; left: EvidenceEntry[]; events: string[];
}
export interface Timeline {
  case: string; object: { id: string; kind: string }; from: string; to: string; step: 'week' | 'month';
  points: { date: string; status: string; confidence: string | null }[];
  changes: TimelineChange[];
}

export interface AchResult {
  case: string; set: { id: string; question: string }; as_of: string | null;
  options: { id: string; text: string; inconsistency: number; rank: number }[];
  least_contradicted: string[]; reading: string;
  matrix: { evidence: string; grade: string; g: number; ratings: Record<string, AchRating | null>; diagnosticity: number; changes_ranking: boolean; least_contradicted_without: string[] }[];
  sensitive_to: string[];
  excluded: { evidence: string; reason: string }[];
  settings: Settings;
}

export interface IndicatorSeries {
  id: string; dataset: string; measure: string; period: 'week' | 'month';
  from: string | null; to: string | null; coverage: { from: string; to: string } | null;
  periods: string[]; starts: string[]; values: number[]; total: number;
  breakdowns?: Partial<Record<'actor' | 'violence_type' | 'province', { key: string; label: string; values: number[] }[]>>;
  note?: string;
  /** What the imported files cannot support: a sample, a missing column (shown with the chart). */
  caveats?: string[];
}
export interface IndicatorsResponse { case: string; as_of: string; indicators: IndicatorSeries[] }
export interface Alert { tripwire: string; kind: string; periods: string[]; first: string | null; advice: string | null; [detail: string]: unknown }
export interface AlertsResponse { case: string; as_of: string; alerts: Alert[]; skipped?: { tripwire: string; reason: string }[] }

export interface ScreenMatch {
  list: string; ref: string; name: string; matched_name: string; score: number; explanation: string; strong?: boolean; query_name?: string;
  decision?: { decision: string; reason: string; actor: string; decided_at: string };
}
export interface ScreenResult { query: string; person?: string; matches: ScreenMatch[]; declared_refs?: { ref: string; list?: string; listed: boolean; name?: string }[] }
export interface ScreenResponse { results: ScreenResult[]; [key: string]: unknown }

/** GET /api/cases/:case/screening: the last stored run (matches per person id) and the decisions in force. */
export interface StoredScreening {
  case: string;
  last: { screened_at: string; screened_by: string; versions: Record<string, string>; matches: Record<string, { list: string; ref: string; score: number; matched_name: string }[]> } | null;
  decisions: { person_id: string; list: string; ref: string; decision: string; reason: string; actor: string; decided_at: string }[];
}
/** POST /api/cases/:case/screening: a new run of every person of the case, stored. */
export interface CaseScreeningRun { case: string; screened_at: string; versions: Record<string, string>; results: ScreenResult[] }
