// The JSON shapes the UI reads, by the names the pages use. Every one is derived from the types
// generated from the server's OpenAPI document (schema.d.ts, `npm run gen:api`), so the UI and
// the API cannot drift apart: a change to a route's schemas changes these, and the type check
// shows every page it affects.
import type { components, paths } from './schema';

type Schemas = components['schemas'];

/** The JSON body a route answers with on success (its first 2xx). */
export type ResponseOf<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'delete'> =
  paths[P][M] extends { responses: infer R }
    ? R extends { 200: { content: { 'application/json': infer B } } } ? B
      : R extends { 201: { content: { 'application/json': infer B } } } ? B
        : R extends { 202: { content: { 'application/json': infer B } } } ? B
          : never
    : never;

export type Role = 'viewer' | 'analyst' | 'reviewer' | 'owner';
export const roleOrder: readonly Role[] = ['viewer', 'analyst', 'reviewer', 'owner'];
export const atLeast = (held: string | null | undefined, needed: Role): boolean =>
  held != null && roleOrder.indexOf(held as Role) >= roleOrder.indexOf(needed);

export type User = Schemas['User'];
export type Me = Schemas['Me'];
export type SessionResponse = Schemas['SessionResponse'];
export type ApiToken = Schemas['ApiToken'];
export type NewApiToken = Schemas['NewApiToken'];

export type CaseSummary = Schemas['CaseSummary'];
/** GET /api/cases/:case: every object of the case and your role on it. */
export type CaseFile = Schemas['CaseView'];
export type CaseHeader = Schemas['CaseHeader'];
export type CaseSettings = Schemas['CaseSettings'];
export type LoadSummary = Schemas['LoadSummary'];

export type Actor = Schemas['Actor'];
export type Relationship = Schemas['Relationship'];
export type Source = Schemas['Source'];
export type Commitment = Schemas['Commitment'];
export type Condition = Schemas['Condition'];
export type Leverage = Schemas['Leverage'];
export type Position = Schemas['Position'];
export type Claim = Schemas['Claim'];
export type Hypothesis = Schemas['Hypothesis'];
export type Indicator = Schemas['Indicator'];
export type Tripwire = Schemas['Tripwire'];
/** One object of any editable list. */
export type CaseObject = Schemas['CaseObject'];
export type ObjectPage = Schemas['ObjectPage'];

export type Evidence = Schemas['Evidence'];
export type BearsOn = Evidence['bears_on'][number];
export type Reliability = Source['reliability'];
export type Credibility = Evidence['credibility'];
export type Stance = BearsOn['stance'];
export type Strength = BearsOn['strength'];
export type AchRating = Hypothesis['ratings'][number]['rating'];
export type LedgerItem = Schemas['LedgerItem'];
export type LedgerPage = Schemas['LedgerPage'];
export type EvidenceVersion = Schemas['EvidenceVersion'];

export type Settings = Schemas['Settings'];
export type EvidenceEntry = Schemas['EvidenceEntry'];
export type NotCountingEntry = Schemas['NotCountingEntry'];
export type CommitmentResult = Schemas['CommitmentResult'];
export type ConditionResult = Schemas['ConditionResult'];
export type LeverageResult = Schemas['LeverageResult'];
export type ClaimResult = Schemas['ClaimResult'];
export type Assessment = Schemas['Assessment'];
export type ReviewWarning = Schemas['ReviewWarning'];
export type Review = Schemas['Review'];
export type Dashboard = Schemas['Dashboard'];
export type Changes = Schemas['Changes'];
export type TimelineChange = Schemas['TimelineChange'];
export type Timeline = Schemas['Timeline'];
export type AchResult = Schemas['AchResult'];

export type IndicatorSeries = Schemas['IndicatorSeries'];
export type IndicatorsResponse = Schemas['IndicatorsResponse'];
export type Alert = Schemas['Alert'];
export type AlertsResponse = Schemas['AlertsResponse'];

/**
 * A match as the screening pages show it: a fresh run has every key; a run stored before 0.1.3
 * lacks `strong` and `query_name`, and the pages build matches from those too.
 */
export type ScreenMatch = Omit<Schemas['ScreenMatch'], 'strong' | 'query_name'> & Partial<Pick<Schemas['ScreenMatch'], 'strong' | 'query_name'>>;
export type ScreenResult = Schemas['ScreenResult'];
export type ScreenResponse = Schemas['ScreenResponse'];
/** GET /api/cases/:case/screening: the last stored run (matches per person id) and the decisions in force. */
export type StoredScreening = Schemas['StoredScreening'];
/** POST /api/cases/:case/screening: a new run of every person of the case, stored. */
export type CaseScreeningRun = Schemas['CaseScreeningRun'];
export type ScreeningDecision = Schemas['ScreeningDecision'];

export type ImportJob = Schemas['ImportJob'];
export type AuditVerify = Schemas['AuditVerify'];

/** An error answer (application/problem+json). */
export type Problem = Schemas['Problem'];
/** A 412 answer to an object edit: the problem and the version stored now. */
export type ObjectConflict = Schemas['ObjectConflict'];
export type EvidenceConflict = Schemas['EvidenceConflict'];
export type SettingsConflict = Schemas['SettingsConflict'];
