// The briefing model: one plain object computed from a case, an as-of date and the optional
// sections that other modules supply (event indicators, tripwire alerts, sanctions findings).
// The HTML, Markdown, PDF and STIX writers all render this model, so they say the same thing.
// Replay is honest: nothing made or recorded after the as-of date appears.
import { assess, type Assessment, type Confidence, type EvidenceEntry } from '../assess/index.js';
import type { CaseFile } from '../case/schema.js';
import { changesSection, type ChangesSection } from './changes.js';
import { ESTIMATIVE } from './estimative.js';
import { capitalise, words } from './text.js';
import { TLP_HANDLING, type Marking } from './tlp.js';
import { textOf } from '../util/text.js';

/** An indicator series as src/events/case-indicators.ts produces it (only what is drawn). */
export interface IndicatorSeriesInput {
  id: string;
  measure: string;
  period: string;
  dataset?: string;
  periods: ReadonlyArray<{ label: string } | string>;
  values: readonly number[];
  note?: string | undefined;
  /** What the imported files cannot support (a sample, a missing column): printed with the series. */
  caveats?: readonly string[] | undefined;
}

/** Tripwire evaluation as `deeds alerts --json` gives it. */
export interface AlertsInput {
  /** Extra keys (officeholders, review dates…) are described when their shape is known. */
  alerts: ReadonlyArray<{ tripwire: string; kind: string; periods?: readonly string[]; first?: string | null; advice?: string | null; [detail: string]: unknown }>;
  skipped?: ReadonlyArray<{ tripwire: string; reason: string }>;
}

/** Confirmed sanctions matches of the case's persons (src/screening/confirmed.ts) and the lists used. */
export interface SanctionsInput {
  lists: ReadonlyArray<{ list: string; version?: string; published?: string | null }>;
  matches: ReadonlyArray<{ person: string; list: string; ref: string; name?: string | undefined; listed?: boolean; source?: string }>;
}

export type OptionalSection = 'indicators' | 'alerts' | 'sanctions';

export interface ReportInput {
  case: CaseFile;
  /** ISO date (or datetime) the briefing is written as of. */
  asOf: string;
  /** A fixed knowledge date: what was known then about `asOf` (default: what was known at `asOf`). */
  knownAt?: string | undefined;
  /** The last review: the briefing adds what changed between this date and `asOf`. */
  since?: string | undefined;
  /** Computed with assess(case, asOf) when not given. */
  assessment?: Assessment;
  /** null or absent: the section says there is no data, in one line. */
  indicators?: readonly IndicatorSeriesInput[] | null;
  alerts?: AlertsInput | null;
  sanctions?: SanctionsInput | null;
  /** Why a section is absent, when the caller knows better than the default sentence. */
  absent?: Partial<Record<OptionalSection, string>>;
}

export type Section<T> = { present: true; data: T } | { present: false; reason: string };

export interface Judgement {
  text: string;
  confidence: Confidence | null;
  /** Source ids the judgement rests on, cited as annex numbers. */
  sources: string[];
}

export interface EvidenceRef { id: string; grade: string; weight: number; stance: string; source: string }
export interface CommitmentRow {
  id: string; text: string; by: string; source: string; ref: string | null; made: string; due: string | null;
  status: string; confidence: Confidence | null; support: number; contradiction: number; rule: string; evidence: EvidenceRef[];
}
export interface ConditionRow { id: string; text: string; setBy: string[]; status: string; confidence: Confidence; rule: string }
export interface LeverageRow {
  id: string; text: string; heldBy: string; kind: string; recommendation: string; confidence: Confidence | null; gatedBy: string[];
  unmet: string[]; releases: Array<{ date: string; action: string; unmet: string[]; source: string | null }>; review: string | null;
}
export interface ClaimRow {
  id: string; by: string; made: string; text: string; source: string; target: string; asserted: string;
  verdictWhenMade: string; verdictNow: string; contradictedWhenMade: boolean; knownWhenMade: EvidenceRef[];
}
export interface EvidenceRow {
  id: string; source: string; grade: string; observed: string; recorded: string; summary: string;
  bearsOn: Array<{ target: string; stance: string; strength: string }>;
}
export interface SourceRow {
  number: number; id: string; kind: string; title: string; publisher: string | null; date: string;
  reference: string | null; url: string | null; reliability: string;
}
export interface ChartSeries { id: string; title: string; labels: string[]; values: number[]; note: string | null; summary: string; caveats: string[] }
export interface AlertRow { tripwire: string; kind: string; first: string | null; periods: string[]; advice: string | null; details: string[] }
export interface SanctionRow { person: string; personId: string; office: string | null; list: string; ref: string; listedName: string | null; basis: string; listed: boolean | null }

export interface Briefing {
  caseId: string; title: string; subject: string; marking: Marking; handling: string; asOf: string;
  /** What was known at this date about `asOf`; null when knowledge follows `asOf`. */
  knownAt: string | null;
  /** What changed since the last review, when one was named. */
  changes: ChangesSection | null;
  summary: string | null; period: string | null;
  overview: string;
  headlines: Judgement[];
  commitments: CommitmentRow[];
  conditions: ConditionRow[];
  leverage: LeverageRow[];
  /** condition id → ids of the instruments it gates (the scorecard's cells). */
  gates: Record<string, string[]>;
  balance: Array<{ id: string; support: number; contradiction: number }>;
  claims: ClaimRow[];
  indicators: Section<ChartSeries[]>;
  tripwires: { defined: Array<{ id: string; kind: string; advice: string | null }>; evaluation: Section<{ alerts: AlertRow[]; skipped: Array<{ tripwire: string; reason: string }> }> };
  sanctions: Section<{ lists: string[]; rows: SanctionRow[] }>;
  evidence: EvidenceRow[];
  sources: SourceRow[];
  /** source id → annex number. */
  citation: Record<string, number>;
}

const ABSENT: Record<OptionalSection, string> = {
  indicators: 'No event data imported: indicator charts need conflict events (deeds import ucdp-ged FILE or acled FILE).',
  alerts: 'No tripwire evaluation was supplied for this briefing (deeds alerts CASE_ID evaluates them).',
  sanctions: 'No sanctions list imported: the sanctions references declared in the case are unconfirmed (deeds import un-sanctions FILE).',
};

/** The annex numbers of the cited sources, ascending and without repeats. */
export function citedNumbers(b: Pick<Briefing, 'citation'>, sourceIds: readonly string[]): number[] {
  return [...new Set(sourceIds.map((id) => b.citation[id]).filter((n): n is number => n !== undefined))].sort((x, y) => x - y);
}

/** `2021` → `2021-01-01`: partial dates compare as the start of their period. */
export function dayOf(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10);
}

export function buildBriefing(input: ReportInput): Briefing {
  const c = input.case;
  const a = input.assessment ?? assess(c, input.asOf, { knownAt: input.knownAt });
  const asOfDay = dayOf(input.asOf);
  const names = new Map(c.actors.map((x) => [x.id, x.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const evidenceById = new Map(c.evidence.map((e) => [e.id, e]));
  const ref = (e: EvidenceEntry): EvidenceRef => ({ id: e.id, grade: e.grade, weight: e.weight, stance: e.stance, source: e.source });

  const commitmentsById = new Map(c.commitments.map((x) => [x.id, x]));
  const commitments: CommitmentRow[] = a.commitments.filter((r) => r.status !== 'not_yet_made').map((r) => {
    const m = commitmentsById.get(r.id);
    return {
      id: r.id, text: m?.text ?? r.id, by: nameOf(m?.by ?? ''), source: m?.source ?? '', ref: m?.ref ?? null, made: r.made, due: r.due,
      status: r.status, confidence: r.confidence, support: r.support, contradiction: r.contradiction, rule: r.rule, evidence: r.evidence.map(ref),
    };
  });
  const conditionsById = new Map(c.conditions.map((x) => [x.id, x]));
  const conditions: ConditionRow[] = a.conditions.map((r) => {
    const k = conditionsById.get(r.id);
    return { id: r.id, text: k?.text ?? r.id, setBy: (k?.set_by ?? []).map(nameOf), status: r.status, confidence: r.confidence, rule: r.rule };
  });
  const leverageById = new Map(c.leverage.map((x) => [x.id, x]));
  const leverage: LeverageRow[] = a.leverage.map((r) => {
    const l = leverageById.get(r.id);
    const decisionSource = (date: string) => l?.decisions.find((d) => d.date === date)?.source ?? null;
    return {
      id: r.id, text: l?.text ?? r.id, heldBy: nameOf(l?.held_by ?? ''), kind: l?.kind ?? '', recommendation: r.recommendation, confidence: r.confidence,
      gatedBy: r.gated_by.map((g) => g.id), unmet: r.unmet, review: r.review,
      releases: r.flags.map((f) => ({ date: f.date, action: f.action, unmet: [...f.unmet], source: decisionSource(f.date) })),
    };
  });
  const gates: Record<string, string[]> = {};
  for (const l of leverage) for (const g of l.gatedBy) (gates[g] ??= []).push(l.id);

  const claimsById = new Map(c.claims.map((x) => [x.id, x]));
  const claims: ClaimRow[] = a.claims.filter((r) => r.status === 'made').map((r) => {
    const k = claimsById.get(r.id);
    return {
      id: r.id, by: nameOf(r.by), made: r.made, text: k?.text ?? '', source: k?.source ?? '', target: r.target, asserted: r.asserted,
      verdictWhenMade: r.verdict_when_made ?? 'unsupported', verdictNow: r.verdict_now ?? 'unsupported',
      contradictedWhenMade: r.contradicted_when_made, knownWhenMade: r.known_when_made.map(ref),
    };
  });

  // The evidence annex: every item the assessment cited, so only what counted by the as-of date.
  const cited = new Map<string, EvidenceRef>();
  for (const r of [...commitments.flatMap((x) => x.evidence), ...a.conditions.flatMap((x) => x.evidence.map(ref)), ...claims.flatMap((x) => x.knownWhenMade)]) {
    if (!cited.has(r.id)) cited.set(r.id, r);
  }
  const sourceDate = new Map(c.sources.map((s) => [s.id, s.date]));
  const evidence: EvidenceRow[] = [...cited.values()].map((r) => {
    const e = evidenceById.get(r.id);
    const observed = e ? (e.observed.to ? `${e.observed.from} to ${e.observed.to}` : `from ${e.observed.from}`) : '';
    return {
      id: r.id, source: r.source, grade: r.grade, observed, recorded: e?.recorded ?? sourceDate.get(r.source) ?? '', summary: e?.summary ?? '',
      bearsOn: (e?.bears_on ?? []).map((b) => ({ target: b.target, stance: b.stance, strength: b.strength })),
    };
  }).sort((x, y) => (dayOf(x.recorded) < dayOf(y.recorded) ? -1 : dayOf(x.recorded) > dayOf(y.recorded) ? 1 : x.id < y.id ? -1 : 1));

  const sanctions = sanctionsSection(input, c, asOfDay, nameOf);
  const citedSources = new Set<string>([
    ...commitments.map((x) => x.source), ...claims.map((x) => x.source), ...evidence.map((x) => x.source),
    ...leverage.flatMap((l) => l.releases.map((r) => r.source ?? '')),
  ]);
  const sources: SourceRow[] = c.sources.filter((s) => citedSources.has(s.id))
    .sort((x, y) => (dayOf(x.date) < dayOf(y.date) ? -1 : dayOf(x.date) > dayOf(y.date) ? 1 : x.id < y.id ? -1 : 1))
    .map((s, i) => ({
      number: i + 1, id: s.id, kind: s.kind, title: s.title, publisher: s.publisher ?? null, date: s.date,
      reference: s.reference ?? null, url: s.url ?? null, reliability: s.reliability,
    }));

  return {
    caseId: c.case.id, title: c.case.title, subject: nameOf(c.case.subject), marking: c.case.marking, handling: TLP_HANDLING[c.case.marking],
    asOf: input.asOf, knownAt: input.knownAt ?? null, summary: c.case.summary ?? null,
    changes: input.since ? changesSection(c, input.since, input.asOf) : null,
    period: c.case.period ? `${c.case.period.start} to ${c.case.period.end ?? 'present'}` : null,
    overview: overviewOf(a, commitments, claims),
    headlines: headlinesOf(commitments, conditions, leverage, claims, evidenceById),
    commitments, conditions, leverage, gates, claims, evidence, sources,
    balance: commitments.map((x) => ({ id: x.id, support: x.support, contradiction: x.contradiction })),
    indicators: indicatorSection(input),
    tripwires: {
      defined: c.tripwires.map((t) => ({ id: t.id, kind: t.kind, advice: t.advice ?? null })),
      evaluation: input.alerts
        ? { present: true, data: { alerts: input.alerts.alerts.map((x) => ({ tripwire: x.tripwire, kind: x.kind, first: x.first ?? null, periods: [...(x.periods ?? [])], advice: x.advice ?? null, details: alertDetails(x) })), skipped: [...(input.alerts.skipped ?? [])] } }
        : { present: false, reason: input.absent?.alerts ?? ABSENT.alerts },
    },
    sanctions,
    citation: Object.fromEntries(sources.map((s) => [s.id, s.number])),
  };
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function overviewOf(a: Assessment, commitments: CommitmentRow[], claims: ClaimRow[]): string {
  const by = (status: string) => commitments.filter((x) => x.status === status).length;
  const s = a.summary;
  const releases = s.released_against_conditions;
  return `As of ${a.as_of}, of ${count(commitments.length, 'commitment')} made, ${by('broken')} ${by('broken') === 1 ? 'is' : 'are'} judged broken, ` +
    `${by('kept')} kept, ${by('partly_kept')} partly kept and ${by('unverified')} unverified. ` +
    `Of ${count(a.conditions.length, 'condition')} set for engagement, ${s.conditions.not_met} ${s.conditions.not_met === 1 ? 'is' : 'are'} not met and ${s.conditions.met} met. ` +
    `${s.leverage.withhold} of ${count(a.leverage.length, 'instrument')} of leverage should be withheld; ` +
    `${count(releases, 'decision')} released leverage while its conditions were unmet. ` +
    `${s.contradicted_when_made} of ${count(claims.length, 'official claim')} ${s.contradicted_when_made === 1 ? 'was' : 'were'} contradicted by the evidence available when made.`;
}

/** A commitment's status as a sentence in estimative language (docs/reports.md). */
export function judgementOf(m: Pick<CommitmentRow, 'status' | 'confidence' | 'by' | 'text'>): string {
  const verbs = actVerbs[m.status];
  if (!verbs) return `The evidence recorded so far neither supports nor contradicts ${m.by}'s commitment: “${m.text}”`;
  const est = ESTIMATIVE[m.confidence ?? 'low'];
  return `${est.lead} that ${m.by} ${est.pastAct(verbs[0], verbs[1])} its commitment: “${m.text}”`;
}

/** A condition's status as a sentence in estimative language. */
export function conditionJudgementOf(k: Pick<ConditionRow, 'status' | 'confidence' | 'text' | 'setBy'>): string {
  const est = ESTIMATIVE[k.confidence];
  if (k.status === 'unknown') return `The evidence does not yet show whether the condition “${k.text}” (set by ${k.setBy.join(', ')}) is met.`;
  return `${est.lead} that the condition “${k.text}” (set by ${k.setBy.join(', ')}) ${est.state(words(k.status))}.`;
}

const actVerbs: Record<string, [string, string]> = { broken: ['broke', 'broken'], kept: ['kept', 'kept'], partly_kept: ['only partly kept', 'only partly kept'] };
const confidenceRank: Record<Confidence, number> = { high: 2, moderate: 1, low: 0 };

function headlinesOf(commitments: CommitmentRow[], conditions: ConditionRow[], leverage: LeverageRow[], claims: ClaimRow[], evidence: Map<string, { source: string }>): Judgement[] {
  const rank = (x: { confidence: Confidence | null }) => confidenceRank[x.confidence ?? 'low'];
  const out: Judgement[] = [];
  const decided = commitments.filter((m) => actVerbs[m.status])
    .sort((x, y) => (x.status === 'broken' ? 0 : 1) - (y.status === 'broken' ? 0 : 1) || rank(y) - rank(x) || y.contradiction - x.contradiction);
  for (const m of decided) {
    out.push({
      text: judgementOf(m),
      confidence: m.confidence, sources: unique([m.source, ...m.evidence.filter((e) => e.stance !== 'context').map((e) => e.source)]),
    });
  }
  for (const k of [...conditions].filter((x) => x.status === 'not_met' || x.status === 'met').sort((x, y) => rank(y) - rank(x))) {
    out.push({ text: conditionJudgementOf(k), confidence: k.confidence, sources: [] });
  }
  for (const l of leverage) {
    for (const r of l.releases) {
      out.push({
        text: `${capitalise(words(r.action))} on ${r.date} while ${r.unmet.length === 1 ? 'the condition' : 'conditions'} ${r.unmet.join(', ')} ${r.unmet.length === 1 ? 'was' : 'were'} not met: ${l.id} (${l.heldBy}).`,
        confidence: null, sources: r.source ? [r.source] : [],
      });
    }
  }
  for (const k of claims.filter((x) => x.contradictedWhenMade)) {
    out.push({
      text: `${k.by}'s claim of ${k.made} that ${k.target} was ${words(k.asserted)} was contradicted by the evidence available that day (${k.knownWhenMade.map((e) => `${e.id}, ${e.grade}`).join('; ') || 'a due date had passed'}).`,
      confidence: null, sources: unique([k.source, ...k.knownWhenMade.map((e) => evidence.get(e.id)?.source ?? e.source)]),
    });
  }
  return out;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter(Boolean))];
}

/**
 * What an alert found, in words: the officeholders of a sanctioned_officeholder alert, the review
 * of a review_due one. Alerts come from src/events/tripwires.ts; shapes this does not know are
 * left out rather than guessed at.
 */
export function alertDetails(alert: Record<string, unknown>): string[] {
  const out: string[] = [];
  const holders = Array.isArray(alert['officeholders']) ? alert['officeholders'] as Array<Record<string, unknown>> : [];
  for (const h of holders) {
    const matches = Array.isArray(h['matches']) ? (h['matches'] as Array<Record<string, unknown>>).map((m) => `${textOf(m['list'])} ${textOf(m['ref'])}`.trim()) : [];
    out.push(`${textOf(h['name'] ?? h['person'] ?? '?')}${h['role'] ? ` (${textOf(h['role'])})` : ''}${matches.length ? `: ${matches.join(', ')}` : ''}`);
  }
  if (typeof alert['leverage'] === 'string' && typeof alert['review'] === 'string') {
    const days = typeof alert['days_until'] === 'number' ? ` (in ${alert['days_until']} days)` : '';
    const rec = typeof alert['recommendation'] === 'string' ? `; recommendation ${alert['recommendation']}` : '';
    out.push(`${alert['leverage']} is due for review on ${alert['review']}${days}${rec}`);
  }
  return out;
}

function indicatorSection(input: ReportInput): Section<ChartSeries[]> {
  if (!input.indicators) return { present: false, reason: input.absent?.indicators ?? ABSENT.indicators };
  return {
    present: true,
    data: input.indicators.map((s) => {
      const labels = s.periods.map((p) => (typeof p === 'string' ? p : p.label));
      const values = [...s.values];
      const total = values.reduce((x, y) => x + y, 0);
      const peak = values.reduce((best, v, i) => (v > (values[best] ?? -Infinity) ? i : best), 0);
      const summary = labels.length === 0
        ? (s.note ?? 'no data')
        : `${words(s.measure)} per ${s.period}, ${labels[0]} to ${labels[labels.length - 1]}: total ${total}, peak ${values[peak]} in ${labels[peak]}, latest ${values[values.length - 1]} in ${labels[labels.length - 1]}.`;
      return { id: s.id, title: `${s.id}: ${words(s.measure)} per ${s.period}${s.dataset ? ` (${s.dataset})` : ''}`, labels, values, note: s.note ?? null, summary, caveats: [...(s.caveats ?? [])] };
    }),
  };
}

function sanctionsSection(input: ReportInput, c: CaseFile, asOfDay: string, nameOf: (id: string) => string): Briefing['sanctions'] {
  if (!input.sanctions) return { present: false, reason: input.absent?.sanctions ?? ABSENT.sanctions };
  const offices = new Map<string, string>();
  for (const r of c.relationships) {
    const active = r.type === 'holds_office' && r.to === c.case.subject && (!r.since || dayOf(r.since) <= asOfDay) && (!r.until || dayOf(r.until) > asOfDay);
    if (active && !offices.has(r.from)) offices.set(r.from, r.role ?? 'office holder');
  }
  return {
    present: true,
    data: {
      lists: input.sanctions.lists.map((l) => [l.list, l.version, l.published ? `published ${l.published}` : ''].filter(Boolean).join(' ')),
      rows: input.sanctions.matches.map((m) => ({
        person: nameOf(m.person), personId: m.person, office: offices.get(m.person) ?? null, list: m.list, ref: m.ref,
        listedName: m.name ?? null, basis: m.source === 'decision' ? 'analyst decision' : m.source === 'sanctions_refs' ? 'case reference confirmed by the list' : (m.source ?? 'match'),
        listed: m.listed ?? null,
      })).sort((x, y) => Number(y.office !== null) - Number(x.office !== null) || (x.person < y.person ? -1 : 1)),
    },
  };
}
