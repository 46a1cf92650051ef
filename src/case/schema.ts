// The case-file contract (docs/case-format.md) as zod schemas. One schema gives the
// TypeScript types, the validation and the JSON Schema that editors use.
import { z } from 'zod';

// Objects are strict: an unknown key is an error. Keys starting with `x-` are set aside before
// validation and put back afterwards (see extensions.ts), so they never reach these schemas.
const strictObject = z.strictObject;

export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longer ids would not fit in a URL path segment of the API; no real id comes near. */
export const MAX_ID_LENGTH = 100;
export const Id = z.string().max(MAX_ID_LENGTH, `ids have at most ${MAX_ID_LENGTH} characters`).regex(idPattern, 'ids use lowercase letters, digits and "-" (e.g. "ct-no-use-of-soil")');

/** `2020`, `2020-02`, `2020-02-29` or `2020-02-29T10:00:00Z`; YAML may give a bare year as a number. */
export const datePattern = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?)?)?$/;
const notADate = 'not a date: use ISO 8601, e.g. 2020-02-29, 2020-02 or 2020';
// Every way of failing (true, a mapping, a five-digit year) says the same: a date is expected.
const bareYear = z.number().int(notADate).min(1000, notADate).max(9999, notADate);
export const CaseDate = z
  .union([z.string().regex(datePattern, notADate), bareYear], { error: notADate })
  .transform((value) => String(value))
  .refine(isRealDate, { message: 'no such day in the calendar' });

function isRealDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  if (d === undefined || m === undefined || y === undefined) return true;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export const Marking = z.enum(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']);
export const Reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
// One literal of several values (not a union) so that a wrong value is reported with the allowed ones.
export const Credibility = z.literal([1, 2, 3, 4, 5, 6]);
export const Strength = z.enum(['strong', 'moderate', 'weak']);

export const CaseHeader = strictObject({
  id: Id,
  title: z.string().min(1),
  subject: Id,
  period: strictObject({ start: CaseDate, end: CaseDate.nullish() }).optional(),
  marking: Marking.default('TLP:CLEAR'),
  summary: z.string().optional(),
});

export const ActorKind = z.enum(['state', 'government', 'armed_group', 'organization', 'international_org', 'person']);
export const Actor = strictObject({
  id: Id,
  kind: ActorKind,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. AF').optional(),
  dataset_ids: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).optional(),
  birth_date: CaseDate.optional(),
  nationality: z.array(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. AF')).optional(),
  sanctions_refs: z.array(z.string().min(1)).optional(),
});

export const RelationshipType = z.enum(['member_of', 'leads', 'allied_with', 'supports', 'hosts', 'opposes', 'holds_office']);
export const Relationship = strictObject({
  id: Id,
  from: Id,
  to: Id,
  type: RelationshipType,
  role: z.string().optional(),
  since: CaseDate.nullish(),
  until: CaseDate.nullish(),
  source: Id.optional(),
});

export const SourceKind = z.enum(['agreement', 'statement', 'report', 'dataset', 'news', 'article', 'testimony', 'other']);
export const Source = strictObject({
  id: Id,
  kind: SourceKind,
  title: z.string().min(1),
  publisher: z.string().optional(),
  reference: z.string().optional(),
  date: CaseDate,
  // Only web addresses: a `javascript:` or `data:` link would run or show anything when clicked.
  url: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'only http and https addresses').optional(),
  reliability: Reliability.default('F'),
  /** Sources this one restates (an interview about a report, a copy of a UN document): one origin. */
  derived_from: z.array(Id).optional(),
});

export const Category = z.enum(['counterterrorism', 'violence', 'political_process', 'human_rights', 'women', 'prisoners', 'governance', 'other']);
export const Commitment = strictObject({
  id: Id,
  by: Id,
  source: Id,
  ref: z.string().optional(),
  made: CaseDate,
  category: Category,
  kind: z.enum(['prohibition', 'obligation']),
  due: CaseDate.nullish(),
  text: z.string().min(1),
  /** Commitments that must be kept first: a due date passing while one is not kept means blocked, not missed. */
  depends_on: z.array(Id).optional(),
});

export const Condition = strictObject({
  id: Id,
  set_by: z.array(Id).min(1),
  category: Category,
  text: z.string().min(1),
  requires: z.array(Id).default([]),
  /** When the condition was set; before it, it is `not_yet_set` and gates nothing. Default: the case period start. */
  set: CaseDate.optional(),
});

export const DecisionAction = z.enum(['released', 'partly_released', 'withheld', 'renewed', 'revoked']);
export const Decision = strictObject({
  date: CaseDate,
  action: DecisionAction,
  text: z.string().optional(),
  source: Id.optional(),
});

export const LeverageKind = z.enum(['recognition', 'sanctions_relief', 'asset_release', 'aid', 'travel_exemption', 'talks', 'prisoner_release', 'other']);
export const Leverage = strictObject({
  id: Id,
  held_by: Id,
  kind: LeverageKind,
  text: z.string().min(1),
  amount: strictObject({ value: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. USD') }).optional(),
  gated_by: z.array(Id).default([]),
  review: CaseDate.nullish(),
  decisions: z.array(Decision).default([]),
});

export const Stance = z.enum(['requires', 'supports', 'neutral', 'opposes']);
export const Position = strictObject({
  id: Id.optional(),
  party: Id,
  condition: Id,
  stance: Stance,
  source: Id.optional(),
  note: z.string().optional(),
});

export const BearsOn = strictObject({
  target: Id,
  stance: z.enum(['supports', 'contradicts', 'context']),
  strength: Strength.default('moderate'),
});

export const Evidence = strictObject({
  id: Id,
  source: Id,
  observed: strictObject({ from: CaseDate, to: CaseDate.nullish() }),
  recorded: CaseDate.optional(),
  location: strictObject({ country: z.string().optional(), admin1: z.string().optional(), admin2: z.string().optional() }).optional(),
  credibility: Credibility.default(6),
  reliability: Reliability.nullish(),
  summary: z.string().min(1),
  bears_on: z.array(BearsOn).default([]),
  supersedes: Id.nullish(),
  /** `date`: from when it no longer counts; `recorded`: when the retraction was made (default `date`). */
  retracted: strictObject({ date: CaseDate, reason: z.string().min(1), recorded: CaseDate.optional() }).nullish(),
});

export const Claim = strictObject({
  id: Id,
  by: Id,
  made: CaseDate,
  source: Id,
  text: z.string().min(1),
  asserts: strictObject({ target: Id, status: z.enum(['kept', 'broken', 'met', 'not_met']) }),
});

export const AchRating = z.enum(['CC', 'C', 'N', 'I', 'II', 'NA']);
export const Hypothesis = strictObject({
  id: Id,
  question: z.string().min(1),
  options: z.array(strictObject({ id: Id, text: z.string().min(1) })).min(2),
  ratings: z.array(strictObject({ evidence: Id, option: Id, rating: AchRating })).default([]),
});

export const Indicator = strictObject({
  id: Id,
  dataset: z.enum(['ucdp-ged', 'acled']),
  filter: strictObject({
    country: z.string().optional(),
    actors_any: z.array(z.string().min(1)).optional(),
    violence_types: z.array(z.number().int().min(1).max(3)).optional(),
    event_types: z.array(z.string().min(1)).optional(),
    admin1: z.array(z.string().min(1)).optional(),
  }).default({}),
  measure: z.enum(['events', 'fatalities', 'civilian_fatalities']),
  period: z.enum(['week', 'month']),
});

const DateRange = strictObject({ from: CaseDate, to: CaseDate.nullish() });
export const Tripwire = strictObject({
  id: Id,
  kind: z.enum(['rise_over_baseline', 'zscore', 'review_due', 'sanctioned_officeholder', 'new_sanctions_match']),
  indicator: Id.optional(),
  leverage: Id.optional(),
  baseline: DateRange.optional(),
  active: DateRange.optional(),
  factor: z.number().positive().optional(),
  min_value: z.number().nonnegative().optional(),
  k: z.number().positive().optional(),
  window: z.number().int().min(2).optional(),
  within_days: z.number().int().nonnegative().optional(),
  advice: z.string().optional(),
}).superRefine((tw, ctx) => {
  const need = (key: keyof typeof tw) => {
    if (tw[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `a ${tw.kind} tripwire needs "${key}"` });
  };
  if (tw.kind === 'rise_over_baseline') { need('indicator'); need('baseline'); need('factor'); }
  if (tw.kind === 'zscore') need('indicator');
  if (tw.kind === 'review_due') { need('leverage'); need('within_days'); }
});

/** Optional per-case overrides of the assessment defaults (docs/assessment.md). */
export const AssessmentSettings = strictObject({
  strength: strictObject({ strong: z.number().nonnegative(), moderate: z.number().nonnegative(), weak: z.number().nonnegative() }).partial().optional(),
  reliability: strictObject({ A: z.number(), B: z.number(), C: z.number(), D: z.number(), E: z.number(), F: z.number() }).partial().optional(),
  credibility: strictObject({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number(), 6: z.number() }).partial().optional(),
  thresholds: strictObject({
    broken: z.number().nonnegative(),
    kept: z.number().nonnegative(),
    kept_ratio: z.number().nonnegative(),
    high_mass: z.number().nonnegative(),
    high_sources: z.number().int().nonnegative(),
    moderate_mass: z.number().nonnegative(),
  }).partial().optional(),
  review: strictObject({
    stale_months: z.number().int().positive(),
    backdated_days: z.number().int().nonnegative(),
  }).partial().optional(),
});

export const CaseFile = strictObject({
  case: CaseHeader,
  assessment: AssessmentSettings.optional(),
  actors: z.array(Actor).default([]),
  relationships: z.array(Relationship).default([]),
  sources: z.array(Source).default([]),
  commitments: z.array(Commitment).default([]),
  conditions: z.array(Condition).default([]),
  leverage: z.array(Leverage).default([]),
  positions: z.array(Position).default([]),
  evidence: z.array(Evidence).default([]),
  claims: z.array(Claim).default([]),
  hypotheses: z.array(Hypothesis).default([]),
  indicators: z.array(Indicator).default([]),
  tripwires: z.array(Tripwire).default([]),
});

export type CaseFile = z.output<typeof CaseFile>;
export type CaseHeader = z.output<typeof CaseHeader>;
export type Actor = z.output<typeof Actor>;
export type Relationship = z.output<typeof Relationship>;
export type Source = z.output<typeof Source>;
export type Commitment = z.output<typeof Commitment>;
export type Condition = z.output<typeof Condition>;
export type Leverage = z.output<typeof Leverage>;
export type Decision = z.output<typeof Decision>;
export type Position = z.output<typeof Position>;
export type Evidence = z.output<typeof Evidence>;
export type BearsOn = z.output<typeof BearsOn>;
export type Claim = z.output<typeof Claim>;
export type Hypothesis = z.output<typeof Hypothesis>;
export type Indicator = z.output<typeof Indicator>;
export type Tripwire = z.output<typeof Tripwire>;
export type AssessmentSettings = z.output<typeof AssessmentSettings>;

/** The lists of a case, in file order; each object kind is stored and exported under this key. */
export const objectLists = [
  'actors', 'relationships', 'sources', 'commitments', 'conditions', 'leverage', 'positions',
  'evidence', 'claims', 'hypotheses', 'indicators', 'tripwires',
] as const;
export type ObjectList = (typeof objectLists)[number];
export const topLevelKeys: readonly string[] = ['case', 'assessment', ...objectLists];
