// The briefing as a STIX 2.1 bundle (docs/reports.md has the mapping). Ids are UUIDv5 of the case
// id and the object's id, and timestamps come from the case's own dates and the as-of date, so
// two exports of the same case at the same date are byte-identical. Every object carries the
// case's TLP marking.
import { createHash } from 'node:crypto';
import type { CaseFile, Evidence } from '../case/schema.js';
import { conditionJudgementOf, dayOf, judgementOf, type Briefing } from './model.js';
import { tlpMarkingDefinition } from './tlp.js';
import { linkableUrl, words } from './text.js';
import { instantMs } from '../util/dates.js';

type StixObject = Record<string, unknown> & { type: string; id: string };

/** Namespace of every deeds STIX id (a fixed random UUID; changing it changes every id). */
export const DEEDS_STIX_NAMESPACE = '3b0c6f8e-5d2a-4e71-9a4c-8f1d2e6b7c90';

export function uuidv5(name: string, namespace = DEEDS_STIX_NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A case date as a STIX timestamp (UTC, millisecond precision); partial dates start their period. */
export function stixTime(date: string): string {
  return date.length > 10 ? new Date(instantMs(date)).toISOString() : `${dayOf(date)}T00:00:00.000Z`;
}

// STIX 2.1 Appendix A confidence scales: None/Low/Med/High, and the Admiralty credibility scale.
const CONFIDENCE = { high: 85, moderate: 50, low: 15 } as const;
const ADMIRALTY_CREDIBILITY: Record<number, number | undefined> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10 };

export function stixBundle(c: CaseFile, b: Briefing): Record<string, unknown> {
  const caseId = c.case.id;
  const asOf = stixTime(b.asOf);
  const idOf = (type: string, key: string) => `${type}--${uuidv5(`${caseId}/${key}`)}`;
  const notLater = (t: string) => (t < asOf ? t : asOf);
  const marking = tlpMarkingDefinition(c.case.marking);
  const authorName = typeof (c.case as Record<string, unknown>)['x-author'] === 'string' ? String((c.case as Record<string, unknown>)['x-author']) : 'deeds';
  const author: StixObject = {
    type: 'identity', spec_version: '2.1', id: idOf('identity', 'author'), created: stixTime(c.case.period?.start ?? b.asOf),
    modified: stixTime(c.case.period?.start ?? b.asOf), name: authorName, identity_class: authorName === 'deeds' ? 'system' : 'organization',
    description: authorName === 'deeds' ? 'deeds, the evidence ledger and assessment engine that produced this export' : `Author of case ${caseId}`,
    object_marking_refs: [marking.id],
  };
  author['created'] = notLater(String(author['created']));
  author['modified'] = author['created'];
  const objects: StixObject[] = [author];
  const add = (o: StixObject, created: string, modified = created): string => {
    if (objects.some((x) => x.id === o.id)) return o.id; // one location serves many sightings
    const made = notLater(created);
    const { type, id, ...rest } = o;
    objects.push({ type, spec_version: '2.1', id, created_by_ref: author.id, created: made, modified: modified < made ? made : modified, ...rest, object_marking_refs: [marking.id] });
    return o.id;
  };
  const start = stixTime(c.case.period?.start ?? b.asOf);
  const sourcesById = new Map(c.sources.map((s) => [s.id, s]));
  const externalRef = (sourceId: string, where?: string | null) => {
    const s = sourcesById.get(sourceId);
    if (!s) return [];
    return [{
      source_name: s.publisher ?? s.title, description: `${s.title} (${s.date})${where ? `, ${where}` : ''}`,
      ...(linkableUrl(s.url) ? { url: linkableUrl(s.url) } : {}), ...(s.reference ? { external_id: s.reference } : {}),
    }];
  };

  // Parties: armed groups are threat actors (the subject first among them); everyone else an identity.
  const actorRef = new Map<string, string>();
  for (const a of c.actors) {
    const threat = a.kind === 'armed_group';
    const id = idOf(threat ? 'threat-actor' : 'identity', `actor/${a.id}`);
    actorRef.set(a.id, id);
    add(threat
      ? { type: 'threat-actor', id, name: a.name, ...(a.aliases?.length ? { aliases: a.aliases } : {}), ...(a.id === c.case.subject ? { description: `The party whose commitments case ${caseId} assesses.` } : {}), x_deeds_id: a.id }
      : { type: 'identity', id, name: a.name, identity_class: a.kind === 'person' ? 'individual' : 'organization', ...(a.kind === 'state' || a.kind === 'government' ? { sectors: ['government'] } : {}), x_deeds_id: a.id },
    start);
  }
  const asOfDay = dayOf(b.asOf);
  const relRef = new Map<string, string>();
  for (const r of c.relationships) {
    const from = actorRef.get(r.from);
    const to = actorRef.get(r.to);
    if (!from || !to || (r.since && dayOf(r.since) > asOfDay)) continue;
    const ended = r.until && dayOf(r.until) <= asOfDay ? r.until : null;
    const startTime = r.since ? stixTime(r.since) : null;
    relRef.set(r.id, add({
      type: 'relationship', id: idOf('relationship', `relationship/${r.id}`), relationship_type: r.type.replace(/_/g, '-'), source_ref: from, target_ref: to,
      ...(r.role ? { description: r.role } : {}), ...(startTime ? { start_time: startTime } : {}),
      ...(ended && (!startTime || stixTime(ended) > startTime) ? { stop_time: stixTime(ended) } : {}), x_deeds_id: r.id,
    }, r.since ? stixTime(r.since) : start));
  }

  // Notes are made for every assessed object first, so that evidence can point at them.
  const noteRef = new Map<string, string>();
  for (const m of b.commitments) noteRef.set(m.id, idOf('note', `commitment/${m.id}`));
  for (const k of b.conditions) noteRef.set(k.id, idOf('note', `condition/${k.id}`));
  for (const k of b.claims) noteRef.set(k.id, idOf('note', `claim/${k.id}`));
  const targetRef = (target: string) => noteRef.get(target) ?? relRef.get(target);
  const subjectRef = actorRef.get(c.case.subject);

  const evidenceById = new Map(c.evidence.map((e) => [e.id, e]));
  const commitmentBy = new Map(c.commitments.map((m) => [m.id, m.by]));
  const evidenceRef = new Map<string, string>();
  for (const row of b.evidence) {
    const e = evidenceById.get(row.id) as Evidence;
    const refs = unique(row.bearsOn.map((x) => targetRef(x.target)));
    const confidence = ADMIRALTY_CREDIBILITY[e.credibility];
    evidenceRef.set(row.id, add({
      type: 'note', id: idOf('note', `evidence/${row.id}`), abstract: `Evidence ${row.id} (grade ${row.grade})`, content: row.summary,
      object_refs: refs.length ? refs : [subjectRef ?? author.id], ...(confidence !== undefined ? { confidence } : {}),
      external_references: externalRef(row.source), x_deeds_id: row.id, x_deeds_grade: row.grade,
      x_deeds_observed: { from: e.observed.from, ...(e.observed.to ? { to: e.observed.to } : {}) }, x_deeds_bears_on: row.bearsOn,
    }, stixTime(e.recorded ?? sourcesById.get(e.source)?.date ?? b.asOf)));
    // Conduct reported against a commitment of an armed group is a sighting of that actor.
    const sighted = unique(row.bearsOn.filter((x) => x.stance === 'contradicts').map((x) => actorRef.get(commitmentBy.get(x.target) ?? '')))
      .filter((ref) => ref.startsWith('threat-actor--'));
    for (const actor of sighted) {
      const location = e.location?.country && /^[A-Z]{2}$/.test(e.location.country)
        ? add({ type: 'location', id: idOf('location', `location/${e.location.country}/${e.location.admin1 ?? ''}`), country: e.location.country, ...(e.location.admin1 ? { administrative_area: e.location.admin1 } : {}) }, start)
        : null;
      const first = stixTime(e.observed.from);
      const last = e.observed.to ? stixTime(e.observed.to) : null;
      add({
        type: 'sighting', id: idOf('sighting', `sighting/${row.id}/${actor}`), sighting_of_ref: actor, first_seen: first,
        ...(last && last >= first ? { last_seen: last } : {}), count: 1, description: row.summary,
        ...(location ? { where_sighted_refs: [location] } : {}), x_deeds_evidence: row.id,
      }, stixTime(e.recorded ?? sourcesById.get(e.source)?.date ?? b.asOf));
    }
  }
  const evidenceRefs = (ids: readonly { id: string }[]) => unique(ids.map((x) => evidenceRef.get(x.id)));

  const commitmentById = new Map(c.commitments.map((m) => [m.id, m]));
  for (const m of b.commitments) {
    const source = commitmentById.get(m.id);
    add({
      type: 'note', id: noteRef.get(m.id) as string, abstract: `Commitment ${m.id}: ${words(m.status)}${m.confidence ? ` (${m.confidence} confidence)` : ''}`,
      content: `${m.by} committed on ${m.made}: ${m.text}\n\nJudgement as of ${b.asOf}: ${judgementOf(m)}\nRule: ${m.rule}`,
      authors: [authorName], object_refs: unique([actorRef.get(source?.by ?? ''), ...evidenceRefs(m.evidence)]),
      ...(m.confidence ? { confidence: CONFIDENCE[m.confidence] } : {}), external_references: externalRef(m.source, m.ref),
      x_deeds_id: m.id, x_deeds_status: m.status, x_deeds_support: m.support, x_deeds_contradiction: m.contradiction,
    }, stixTime(m.made), asOf);
  }
  const conditionById = new Map(c.conditions.map((k) => [k.id, k]));
  for (const k of b.conditions) {
    const source = conditionById.get(k.id);
    add({
      type: 'note', id: noteRef.get(k.id) as string, abstract: `Condition ${k.id}: ${words(k.status)} (${k.confidence} confidence)`,
      content: `Condition set by ${k.setBy.join(', ')}: ${k.text}\n\nJudgement as of ${b.asOf}: ${conditionJudgementOf(k)}\nRule: ${k.rule}`,
      authors: [authorName], object_refs: unique([...(source?.set_by ?? []).map((p) => actorRef.get(p)), subjectRef, ...(source?.requires ?? []).map((r) => noteRef.get(r))]),
      confidence: CONFIDENCE[k.confidence], x_deeds_id: k.id, x_deeds_status: k.status,
    }, start, asOf);
  }
  const leverageById = new Map(c.leverage.map((l) => [l.id, l]));
  for (const l of b.leverage) {
    const source = leverageById.get(l.id);
    const releases = l.releases.map((r) => `${words(r.action)} on ${r.date} while ${r.unmet.join(', ')} unmet`);
    add({
      type: 'note', id: idOf('note', `leverage/${l.id}`), abstract: `Leverage ${l.id}: ${l.recommendation}`,
      content: `${l.heldBy} holds: ${l.text}\n\nRecommendation as of ${b.asOf}: ${l.recommendation}${l.unmet.length ? ` (unmet gates: ${l.unmet.join(', ')})` : ''}.${releases.length ? `\nReleased against conditions: ${releases.join('; ')}.` : ''}`,
      authors: [authorName], object_refs: unique([actorRef.get(source?.held_by ?? ''), ...l.gatedBy.map((g) => noteRef.get(g))]),
      ...(l.confidence ? { confidence: CONFIDENCE[l.confidence] } : {}), x_deeds_id: l.id, x_deeds_recommendation: l.recommendation,
    }, start, asOf);
  }
  for (const k of b.claims) {
    const claim = c.claims.find((x) => x.id === k.id);
    const note = add({
      type: 'note', id: noteRef.get(k.id) as string, abstract: `Claim by ${k.by} on ${k.made}: ${k.target} ${words(k.asserted)}`, content: k.text,
      authors: [k.by], object_refs: unique([actorRef.get(claim?.by ?? ''), targetRef(k.target)]), external_references: externalRef(k.source), x_deeds_id: k.id,
    }, stixTime(k.made));
    add({
      type: 'opinion', id: idOf('opinion', `claim/${k.id}`), opinion: opinionOf(k.verdictNow, k.contradictedWhenMade), object_refs: [note], authors: [authorName],
      explanation: `Verdict when made (${k.made}): ${k.verdictWhenMade}${k.contradictedWhenMade ? ', contradicted at the time it was made' : ''}; verdict as of ${b.asOf}: ${k.verdictNow}.`,
      x_deeds_verdict_when_made: k.verdictWhenMade, x_deeds_verdict_now: k.verdictNow,
    }, stixTime(k.made), asOf);
  }

  if (b.tripwires.evaluation.present) {
    for (const a of b.tripwires.evaluation.data.alerts) {
      add({
        type: 'note', id: idOf('note', `alert/${a.tripwire}`), abstract: `Tripwire ${a.tripwire} (${words(a.kind)}) fires${a.first ? ` from ${a.first}` : ''}`,
        content: [...a.details, ...(a.periods.length ? [`Periods: ${a.periods.join(', ')}`] : []), ...(a.advice ? [`Advice: ${a.advice}`] : [])].join('\n') || a.tripwire,
        authors: [authorName], object_refs: [subjectRef ?? author.id], x_deeds_tripwire: a.tripwire,
      }, asOf);
    }
  }

  // Confirmed sanctions matches: a note on the person naming the list entry, with the office the
  // person holds for the subject, since a listed office-holder is what analysts act on.
  if (b.sanctions.present) {
    const lists = b.sanctions.data.lists.join('; ');
    for (const m of b.sanctions.data.rows) {
      add({
        type: 'note', id: idOf('note', `sanctions/${m.personId}/${m.list}/${m.ref}`),
        abstract: `Sanctions: ${m.person} is ${m.list} entry ${m.ref}${m.listedName ? ` (${m.listedName})` : ''}`,
        content: [
          `${m.person}${m.office ? ` (${m.office})` : ''} is confirmed as entry ${m.ref} of the ${m.list} list; basis: ${m.basis}.`,
          ...(m.listed === false ? ['The entry is not on the newest version of the list.'] : []),
          `Lists checked: ${lists}.`,
        ].join('\n'),
        authors: [authorName], object_refs: [actorRef.get(m.personId) ?? subjectRef ?? author.id],
        external_references: [{ source_name: m.list, external_id: m.ref }],
        x_deeds_list: m.list, x_deeds_entry: m.ref, x_deeds_basis: m.basis,
      }, asOf);
    }
  }

  const reportId = idOf('report', `report/${b.asOf}`);
  add({
    type: 'report', id: reportId, name: `Briefing: ${b.title} (as of ${b.asOf})`,
    description: [b.overview, ...b.headlines.map((j) => `- ${j.text}`)].join('\n'), report_types: ['threat-report'], published: asOf,
    object_refs: objects.map((o) => o.id), x_deeds_case: caseId, x_deeds_as_of: b.asOf,
  }, asOf);
  return { type: 'bundle', id: `bundle--${uuidv5(`${caseId}/bundle/${b.asOf}`)}`, objects: [marking, ...objects] };
}

/** The STIX opinion vocabulary for a claim verdict: how far the evidence agrees with the claim. */
function opinionOf(verdict: string, contradictedWhenMade: boolean): string {
  if (verdict === 'supported') return 'agree';
  if (verdict === 'contradicted') return contradictedWhenMade ? 'strongly-disagree' : 'disagree';
  return 'neutral';
}

function unique(xs: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(xs.filter((x): x is string => typeof x === 'string' && x.length > 0))];
}
