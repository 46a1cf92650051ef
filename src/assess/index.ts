// The assessment engine (docs/assessment.md): pure functions over a parsed CaseFile.
// No I/O, no clock: the caller passes the as-of date. See docs/assessment.md.
export { assess, assessPrepared } from './assess.js';
export { prepareCase, type PreparedCase } from './prepare.js';
export { timeline, timelineOf, timelines, type Timeline, type TimelineChange, type TimelineDecision, type TimelineOptions, type TimelinePoint, type TimelineStep } from './timeline.js';
export { ach, achPrepared, type AchOptionResult, type AchRating, type AchResult, type AchRow } from './ach.js';
export { diagnosticityOf } from './ach-score.js';
export { formatAch, formatAssessment, formatChanges, formatReview, formatTimeline } from './format.js';
export { DEFAULT_SETTINGS, resolveSettings, settingsFromCase, type Settings, type Thresholds } from './settings.js';
export {
  AssessError, InvalidDateError, InvalidRangeError, UnknownHypothesisSetError, UnknownObjectError, isAssessError, type AssessErrorCode,
} from './errors.js';
export type {
  Assessment, AssessmentSummary, ClaimResult, CommitmentResult, ConditionPartResult, ConditionResult, EvidenceEntry, LeverageResult, NotCountingEntry,
} from './types.js';
export type { CommitmentStatus, CommitmentRule, Confidence } from './status.js';
export type { ConditionStatus, ConditionRule } from './conditions.js';
export type { Recommendation, LeverageRule, ReleaseFlag } from './leverage.js';
export type { Verdict, TargetStatus } from './claims.js';
export type { ObjectKind } from './scope.js';
export { review, reviewPrepared, reviewKinds, type Review, type ReviewKind, type ReviewWarning } from './review.js';
export { withKnowledge, type PrepareOptions } from './prepare.js';
export { changes, changesPrepared, type Changes, type DecisionInRange, type ObjectChange } from './changes.js';
