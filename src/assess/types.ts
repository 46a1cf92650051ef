// The output shapes. `Assessment` is the JSON of `deeds assess --json` (docs/assessment.md, "JSON output"), with
// extra keys: the rule that decided each status in words, an explanation, the settings used.
// Masses (support, contradiction, weight) are rounded to two decimals here and only here.
import type { AssertedStatus, TargetStatus, Verdict } from './claims.js';
import type { ConditionRule, ConditionStatus } from './conditions.js';
import type { LeverageRule, Recommendation, ReleaseFlag } from './leverage.js';
import type { LinkStance } from './prepare.js';
import type { Settings, StrengthName } from './settings.js';
import type { CommitmentRule, CommitmentStatus, Confidence } from './status.js';

export interface EvidenceEntry {
  id: string;
  source: string;
  stance: LinkStance;
  strength: StrengthName;
  /** Reliability letter + credibility digit, e.g. `B2`. */
  grade: string;
  /** strength × reliability × credibility; 0 for context links. */
  weight: number;
  /** The object the link bears on, when a list spans several (a condition's parts). */
  target?: string;
  /**
   * Present when sources sharing one origin (`derived_from`) bear on the target with the same
   * stance: the group counts once. `counted`: whether this item's source carries the group's
   * weight; `with`: the other counting items of the group.
   */
  group?: { origin: string; counted: boolean; with: string[] };
}

/** An item bearing on the object that was known at the date but does not count, and why. */
export interface NotCountingEntry {
  id: string;
  stance: LinkStance;
  reason: string;
}

export interface CommitmentResult {
  id: string;
  status: CommitmentStatus;
  confidence: Confidence | null;
  support: number;
  contradiction: number;
  /** Counting evidence, largest weight first (ties by id); context links last with weight 0. */
  evidence: EvidenceEntry[];
  not_counting: NotCountingEntry[];
  kind: 'prohibition' | 'obligation';
  made: string;
  due: string | null;
  /** `blocked` only: the prerequisites not kept when it fell due. */
  blocked_by?: string[];
  rule_id: CommitmentRule;
  rule: string;
  confidence_reason: string | null;
  explanation: string;
}

export interface ConditionPartResult {
  id: string;
  kind: 'commitment' | 'own_evidence';
  status: CommitmentStatus;
  confidence: Confidence | null;
  support: number;
  contradiction: number;
  rule: string;
}

export interface ConditionResult {
  id: string;
  status: ConditionStatus;
  confidence: Confidence;
  parts: ConditionPartResult[];
  /** The condition's own counting evidence (its parts' evidence is under each commitment). */
  evidence: EvidenceEntry[];
  not_counting: NotCountingEntry[];
  rule_id: ConditionRule;
  rule: string;
  explanation: string;
}

export interface LeverageResult {
  id: string;
  recommendation: Recommendation;
  confidence: Confidence | null;
  gated_by: { id: string; status: ConditionStatus }[];
  unmet: string[];
  flags: ReleaseFlag[];
  review: string | null;
  rule_id: LeverageRule;
  rule: string;
  explanation: string;
}

export interface ClaimResult {
  id: string;
  status: 'made' | 'not_yet_made';
  by: string;
  made: string;
  target: string;
  asserted: AssertedStatus;
  verdict_when_made: Verdict | null;
  verdict_now: Verdict | null;
  target_status_when_made: TargetStatus | null;
  target_status_now: TargetStatus | null;
  contradicted_when_made: boolean;
  /** The evidence that decided the target's status on the day the claim was made. */
  known_when_made: EvidenceEntry[];
  explanation: string;
}

export interface AssessmentSummary {
  commitments: Record<CommitmentStatus, number>;
  conditions: Record<ConditionStatus, number>;
  leverage: Record<Recommendation, number>;
  claims_now: Record<Verdict | 'not_yet_made', number>;
  released_against_conditions: number;
  contradicted_when_made: number;
}

export interface Assessment {
  case: string;
  as_of: string;
  /** Present when a fixed knowledge date was asked for: what was known at this date about `as_of`. */
  known_at?: string;
  commitments: CommitmentResult[];
  conditions: ConditionResult[];
  leverage: LeverageResult[];
  claims: ClaimResult[];
  summary: AssessmentSummary;
  settings: Settings;
  /** Settings that the case's `assessment:` block changed, as `section.key`. */
  settings_from_case: string[];
}
