// Response schemas of the engine's output (src/assess/types.ts and friends): the assessment, the
// review, the changes between two dates, a timeline and an ACH matrix. Written out key by key so
// the OpenAPI document and the web client's types say exactly what the engine returns; the
// `Faithful` checks at the end stop the type check when the engine and these drift apart.
import { z } from 'zod';
import type * as engine from '../../assess/index.js';
import type { Changes as EngineChanges } from '../../assess/index.js';
import type { Expect, Faithful } from './faithful.js';

const commitmentStatuses = ['broken', 'blocked', 'kept', 'partly_kept', 'at_risk', 'unverified', 'not_yet_made'] as const;
const conditionStatuses = ['met', 'not_met', 'partly_met', 'unknown', 'not_yet_set'] as const;
const recommendations = ['withhold', 'release', 'review'] as const;
const verdicts = ['supported', 'contradicted', 'disputed', 'unsupported'] as const;
const reviewKinds = ['single_source', 'derived_sources', 'low_grade_only', 'stale', 'pre_commitment_evidence', 'backdated_retraction', 'recorded_before_observed', 'claim_self_sourced'] as const;

/** An object whose keys are exactly `keys`, each a count. */
const countsOf = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K, z.ZodNumber>);
const numbersOf = countsOf;

export const CommitmentStatus = z.enum(commitmentStatuses);
export const ConditionStatus = z.enum(conditionStatuses);
export const Confidence = z.enum(['high', 'moderate', 'low']);
const ObjectKind = z.enum(['commitment', 'condition', 'leverage', 'claim']);
const LinkStance = z.enum(['supports', 'contradicts', 'context']);
const TargetStatus = z.enum([...commitmentStatuses, ...conditionStatuses]);

export const Settings = z.strictObject({
  strength: numbersOf(['strong', 'moderate', 'weak']),
  reliability: numbersOf(['A', 'B', 'C', 'D', 'E', 'F']),
  // A record, not an object: clients index it with the digit of an item, as a string.
  credibility: z.record(z.enum(['1', '2', '3', '4', '5', '6']), z.number()),
  thresholds: numbersOf(['broken', 'kept', 'kept_ratio', 'high_mass', 'high_sources', 'moderate_mass']),
  review: numbersOf(['stale_months', 'backdated_days']),
}).meta({ id: 'Settings', description: 'The assessment settings a result was computed with: the defaults with the case\'s `assessment:` block laid over them' });

export const EvidenceEntry = z.strictObject({
  id: z.string(),
  source: z.string(),
  stance: LinkStance,
  strength: z.enum(['strong', 'moderate', 'weak']),
  grade: z.string().describe('reliability letter and credibility digit, e.g. B2'),
  weight: z.number().describe('strength × reliability × credibility; 0 for context links'),
  target: z.string().optional().describe('the object the link bears on, when a list spans several'),
  group: z.strictObject({ origin: z.string(), counted: z.boolean(), with: z.array(z.string()) }).optional()
    .describe('sources of one origin bearing the same way count once: whether this one carries the weight, and the others'),
}).meta({ id: 'EvidenceEntry', description: 'An evidence item counted in a judgement' });

export const NotCountingEntry = z.strictObject({ id: z.string(), stance: LinkStance, reason: z.string() })
  .meta({ id: 'NotCountingEntry', description: 'An item known at the date that does not count, and why' });

export const CommitmentResult = z.strictObject({
  id: z.string(),
  status: CommitmentStatus,
  confidence: Confidence.nullable(),
  support: z.number(),
  contradiction: z.number(),
  evidence: z.array(EvidenceEntry),
  not_counting: z.array(NotCountingEntry),
  kind: z.enum(['prohibition', 'obligation']),
  made: z.string(),
  due: z.string().nullable(),
  blocked_by: z.array(z.string()).optional(),
  rule_id: z.enum(['not_yet_made', 'broken', 'blocked', 'missed', 'kept', 'partly_kept', 'at_risk', 'unverified']),
  rule: z.string(),
  confidence_reason: z.string().nullable(),
  explanation: z.string(),
}).meta({ id: 'CommitmentResult' });

export const ConditionPartResult = z.strictObject({
  id: z.string(),
  kind: z.enum(['commitment', 'own_evidence']),
  status: CommitmentStatus,
  confidence: Confidence.nullable(),
  support: z.number(),
  contradiction: z.number(),
  rule: z.string(),
}).meta({ id: 'ConditionPartResult' });

export const ConditionResult = z.strictObject({
  id: z.string(),
  status: ConditionStatus,
  confidence: Confidence,
  parts: z.array(ConditionPartResult),
  evidence: z.array(EvidenceEntry),
  not_counting: z.array(NotCountingEntry),
  rule_id: z.enum([...conditionStatuses, 'no_parts', 'at_risk']),
  rule: z.string(),
  explanation: z.string(),
}).meta({ id: 'ConditionResult' });

export const ReleaseFlag = z.strictObject({
  kind: z.literal('released_against_conditions'),
  date: z.string(),
  action: z.enum(['released', 'partly_released', 'renewed']),
  unmet: z.array(z.string()),
  conditions: z.array(z.strictObject({ id: z.string(), status: ConditionStatus })),
}).meta({ id: 'ReleaseFlag', description: 'A release decided while gating conditions were not met' });

export const LeverageResult = z.strictObject({
  id: z.string(),
  recommendation: z.enum(recommendations),
  confidence: Confidence.nullable(),
  gated_by: z.array(z.strictObject({ id: z.string(), status: ConditionStatus })),
  unmet: z.array(z.string()),
  flags: z.array(ReleaseFlag),
  review: z.string().nullable(),
  rule_id: z.enum([...recommendations, 'no_gates', 'not_yet_set']),
  rule: z.string(),
  explanation: z.string(),
}).meta({ id: 'LeverageResult' });

export const ClaimResult = z.strictObject({
  id: z.string(),
  status: z.enum(['made', 'not_yet_made']),
  by: z.string(),
  made: z.string(),
  target: z.string(),
  asserted: z.enum(['kept', 'broken', 'met', 'not_met']),
  verdict_when_made: z.enum(verdicts).nullable(),
  verdict_now: z.enum(verdicts).nullable(),
  target_status_when_made: TargetStatus.nullable(),
  target_status_now: TargetStatus.nullable(),
  contradicted_when_made: z.boolean(),
  known_when_made: z.array(EvidenceEntry),
  explanation: z.string(),
}).meta({ id: 'ClaimResult' });

export const AssessmentSummary = z.strictObject({
  commitments: countsOf(commitmentStatuses),
  conditions: countsOf(conditionStatuses),
  leverage: countsOf(recommendations),
  claims_now: countsOf([...verdicts, 'not_yet_made']),
  released_against_conditions: z.number(),
  contradicted_when_made: z.number(),
}).meta({ id: 'AssessmentSummary' });

export const Assessment = z.strictObject({
  case: z.string(),
  as_of: z.string(),
  known_at: z.string().optional().describe('present when a fixed knowledge date was asked for'),
  commitments: z.array(CommitmentResult),
  conditions: z.array(ConditionResult),
  leverage: z.array(LeverageResult),
  claims: z.array(ClaimResult),
  summary: AssessmentSummary,
  settings: Settings,
  settings_from_case: z.array(z.string()).describe('settings the case\'s `assessment:` block changed, as section.key'),
}).meta({ id: 'Assessment', description: 'Every status at a date, as `deeds assess --json`' });

export const ReviewWarning = z.strictObject({ kind: z.enum(reviewKinds), object: z.string(), detail: z.string() })
  .meta({ id: 'ReviewWarning', description: 'An analytic-integrity warning' });

export const Review = z.strictObject({
  case: z.string(),
  as_of: z.string(),
  known_at: z.string().optional(),
  warnings: z.array(ReviewWarning),
}).meta({ id: 'Review', description: 'Analytic-integrity warnings at a date, as `deeds review --json`' });

const StatusAt = z.strictObject({ status: z.string(), confidence: z.string().nullable() });
export const Changes = z.strictObject({
  case: z.string(),
  from: z.string(),
  to: z.string(),
  objects: z.array(z.strictObject({ id: z.string(), kind: ObjectKind, before: StatusAt, after: StatusAt })).describe('only objects whose status or confidence differs'),
  evidence_added: z.array(z.string()),
  decisions: z.array(z.strictObject({ leverage: z.string(), date: z.string(), action: z.string(), recommendation: z.string(), against_conditions: z.boolean() })),
}).meta({ id: 'Changes', description: 'What changed between two dates, as `deeds changes --json`' });

export const TimelineChange = z.strictObject({
  date: z.string(),
  from: z.string(),
  to: z.string(),
  confidence: Confidence.nullable(),
  rule: z.string(),
  entered: z.array(EvidenceEntry),
  left: z.array(EvidenceEntry),
  events: z.array(z.string()),
}).meta({ id: 'TimelineChange' });

export const Timeline = z.strictObject({
  case: z.string(),
  object: z.strictObject({ id: z.string(), kind: ObjectKind }),
  from: z.string(),
  to: z.string(),
  step: z.enum(['week', 'month']),
  known_at: z.string().optional(),
  points: z.array(z.strictObject({ date: z.string(), status: z.string(), confidence: Confidence.nullable(), support: z.number().optional(), contradiction: z.number().optional() })),
  changes: z.array(TimelineChange),
  decisions: z.array(z.strictObject({ date: z.string(), action: z.string(), recommendation: z.string(), against_conditions: z.boolean() })).optional().describe('leverage only'),
  settings: Settings,
  settings_from_case: z.array(z.string()),
}).meta({ id: 'Timeline', description: 'One object\'s status over time, as `deeds timeline --json`' });

const AchRating = z.enum(['CC', 'C', 'N', 'I', 'II', 'NA']);
export const AchResult = z.strictObject({
  case: z.string(),
  set: z.strictObject({ id: z.string(), question: z.string() }),
  as_of: z.string().nullable(),
  options: z.array(z.strictObject({ id: z.string(), text: z.string(), inconsistency: z.number(), rank: z.number() })),
  least_contradicted: z.array(z.string()),
  reading: z.string(),
  matrix: z.array(z.strictObject({
    evidence: z.string(),
    grade: z.string(),
    g: z.number(),
    ratings: z.record(z.string(), AchRating.nullable()).describe('option id → rating; null where the cell is empty'),
    diagnosticity: z.number(),
    changes_ranking: z.boolean(),
    least_contradicted_without: z.array(z.string()),
  })),
  sensitive_to: z.array(z.string()),
  excluded: z.array(z.strictObject({ evidence: z.string(), reason: z.string() })),
  settings: Settings,
  settings_from_case: z.array(z.string()),
}).meta({ id: 'AchResult', description: 'The ACH matrix, scores, diagnosticity and sensitivity, as `deeds ach --json`' });

export type _Checked = [
  Expect<Faithful<typeof Assessment, engine.Assessment>>,
  Expect<Faithful<typeof Review, engine.Review>>,
  Expect<Faithful<typeof Changes, EngineChanges>>,
  Expect<Faithful<typeof Timeline, engine.Timeline>>,
  Expect<Faithful<typeof AchResult, engine.AchResult>>,
];
