// The briefing in Markdown (CommonMark with GitHub tables): the same sections and content as
// the HTML, with each chart given as its one-line summary. Case text is escaped so that it
// cannot become markup, links or raw HTML.
import { VERSION } from '../version.js';
import { ESTIMATIVE_TABLE } from './estimative.js';
import { citedNumbers, type Briefing, type EvidenceRef, type Section } from './model.js';
import { capitalise, escapeMarkdown as md, formatMass, linkableUrl, words } from './text.js';

function changesSince(b: Briefing): string[] {
  const c = b.changes;
  if (!c) return [];
  return [
    `## What changed since ${md(c.from)}`, '',
    ...(c.objects.length === 0 ? [`No status or confidence changed between ${md(c.from)} and ${md(c.to)}.`]
      : ['| Object | Kind | Then | Now |', '|---|---|---|---|', ...c.objects.map((o) => `| ${md(o.text)} (\`${o.id}\`) | ${o.kind} | ${md(o.before)} | ${md(o.after)} |`)]), '',
    c.evidence.length === 0 ? 'No evidence was recorded in the period.' : `Evidence recorded in the period: ${c.evidence.map((e) => `${md(e.summary)} (\`${e.id}\`)`).join('; ')}.`, '',
    ...(c.decisions.length === 0 ? ['No leverage decision was taken in the period.'] : c.decisions.map((d) => `- ${md(d.date)}: ${md(d.text)} — ${md(d.action)}; the recommendation then was ${d.recommendation}${d.againstConditions ? ' (**released against conditions**)' : ''}.`)), '',
  ];
}

export function renderMarkdown(b: Briefing): string {
  const cite = (ids: readonly string[]) => citedNumbers(b, ids).map((n) => `[${n}]`).join('');
  const out: string[] = [
    `> **${b.marking}** — ${md(b.handling)}`, '',
    `# ${md(b.title)}`, '',
    `Briefing as of **${md(b.asOf)}**${b.knownAt ? ` as known on **${md(b.knownAt)}**` : ''} · case \`${b.caseId}\` · subject: ${md(b.subject)}${b.period ? ` · period ${md(b.period)}` : ''}`, '',
    ...(b.summary ? [md(b.summary), ''] : []),
    '## Key judgements', '', md(b.overview), '',
    ...(b.headlines.length
      ? b.headlines.map((j, i) => `${i + 1}. ${md(j.text)} ${cite(j.sources)}`.trimEnd())
      : ['No commitment is yet judged kept or broken, and no claim was contradicted when made.']),
    '',
    `Confidence rests on the weight of graded evidence that decided each status (docs/assessment.md §5) and is stated in estimative language — ${ESTIMATIVE_TABLE.map((m) => `*${m.confidence}*: “${m.phrase}”, “${m.likelihood}”`).join('; ')}.`, '',
    ...changesSince(b),
    ...scorecard(b, cite),
    ...claimsAudit(b, cite),
    '## Indicators', '', ...indicators(b), '',
    '## Tripwires', '', ...tripwires(b), '',
    '## Sanctions findings', '', ...sanctions(b), '',
    '## Annex A: Evidence cited', '', ...evidenceAnnex(b, cite), '',
    '## Annex B: Sources', '', ...sourcesAnnex(b), '',
    '---', '',
    `Produced by deeds ${VERSION} from case \`${b.caseId}\` with what was recorded by ${md(b.knownAt ?? b.asOf)}. Statuses follow the rules of docs/assessment.md; every judgement cites its evidence.`,
  ];
  return out.join('\n') + '\n';
}

function table(headers: string[], rows: string[][]): string[] {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => c || '—').join(' | ')} |`)];
}

const status = (code: string) => `**${words(code).toUpperCase()}**`;
const conf = (c: string | null) => (c ? `${c} confidence` : '—');

function evidenceList(refs: readonly EvidenceRef[], cite: (ids: string[]) => string): string {
  return refs.map((e) => `\`${e.id}\` (${e.grade}, ${e.stance === 'context' ? 'context' : `${e.stance === 'supports' ? '+' : '−'}${formatMass(e.weight)}`})${cite([e.source])}`).join('; ');
}

function scorecard(b: Briefing, cite: (ids: string[]) => string): string[] {
  const short = new Map(b.leverage.map((l, i) => [l.id, `L${i + 1}`]));
  return [
    '## Scorecard: conditions × leverage', '',
    'Conditions (rows) against the leverage they gate (columns, Ln as listed in the next table):', '',
    ...table(['Condition', 'Status', ...b.leverage.map((l) => short.get(l.id) ?? l.id)],
      b.conditions.map((k) => [
        `\`${k.id}\` ${md(k.text)} (set by ${md(k.setBy.join(', '))})`, `${status(k.status)}, ${conf(k.confidence)}`,
        ...b.leverage.map((l) => ((b.gates[k.id] ?? []).includes(l.id) ? 'gates' : '·')),
      ])),
    '',
    ...table(['Instrument', 'Held by', 'Recommendation', 'Unmet gates', 'Released against conditions', 'Next review'],
      b.leverage.map((l) => [
        `${short.get(l.id)} \`${l.id}\`: ${md(l.text)}`, md(l.heldBy), `${status(l.recommendation)}, ${conf(l.confidence)}`,
        l.unmet.map((u) => `\`${u}\``).join(', '),
        l.releases.map((r) => `${words(r.action)} ${md(r.date)} (unmet: ${r.unmet.join(', ')})${r.source ? cite([r.source]) : ''}`).join('; '),
        md(l.review ?? ''),
      ])),
    '',
    ...table(['Commitment', 'Status', 'S / C', 'Deciding evidence'],
      b.commitments.map((m) => [
        `\`${m.id}\` ${md(m.text)} (${md(m.by)}, ${md(m.made)}${m.ref ? `, ${md(m.ref)}` : ''}${m.due ? `, due ${md(m.due)}` : ''})${cite([m.source])}`,
        `${status(m.status)}, ${conf(m.confidence)}`, `${formatMass(m.support)} / ${formatMass(m.contradiction)}`, evidenceList(m.evidence, cite),
      ])),
    '',
  ];
}

function claimsAudit(b: Briefing, cite: (ids: string[]) => string): string[] {
  if (b.claims.length === 0) return ['## Claims audit', '', 'No official claim had been made by this date.', ''];
  return [
    '## Claims audit', '', 'Each claim is checked against the evidence recorded by the day it was made, and by the as-of date.', '',
    ...table(['Claim', 'Asserted', 'When made', 'Now', 'Evidence known when made'],
      b.claims.map((k) => [
        `\`${k.id}\` ${md(k.by)}, ${md(k.made)}: ${md(k.text)}${cite([k.source])}`, `\`${k.target}\` ${words(k.asserted)}`,
        `${status(k.verdictWhenMade)}${k.contradictedWhenMade ? ' — contradicted at the time it was made' : ''}`, status(k.verdictNow),
        evidenceList(k.knownWhenMade, cite),
      ])),
    '',
  ];
}

function absent(s: Section<unknown>): string[] {
  return s.present ? [] : [`*${md(s.reason)}*`];
}

function indicators(b: Briefing): string[] {
  const s = b.indicators;
  if (!s.present) return absent(s);
  if (s.data.length === 0) return ['*The case defines no indicators.*'];
  return s.data.map((x) => `- **${md(x.title)}**: ${md(x.summary)}${x.note ? ` Note: ${md(x.note)}` : ''}${x.caveats.map((c) => ` **Caveat:** ${md(c)}.`).join('')}`);
}

function tripwires(b: Briefing): string[] {
  const t = b.tripwires;
  const defined = t.defined.length ? `Tripwires set in the case: ${t.defined.map((d) => `\`${d.id}\` (${words(d.kind)})`).join(', ')}.` : 'The case sets no tripwires.';
  if (!t.evaluation.present) return [...absent(t.evaluation), '', defined];
  const { alerts, skipped } = t.evaluation.data;
  const fired = alerts.length === 0 ? [`No tripwire fires on ${md(b.asOf)}.`] : table(['Tripwire', 'Kind', 'From', 'Periods', 'Found', 'Advice'],
    alerts.map((a) => [`\`${md(a.tripwire)}\` **fires**`, md(words(a.kind)), md(a.first ?? ''),
      md(a.periods.length > 6 ? `${a.periods.slice(0, 6).join(', ')} … (${a.periods.length} periods)` : a.periods.join(', ')),
      a.details.map(md).join('; '), md(a.advice ?? '')]));
  return [...fired, '', ...skipped.map((s) => `- \`${md(s.tripwire)}\` not evaluated: ${md(s.reason)}`), ...(skipped.length ? [''] : []), defined];
}

function sanctions(b: Briefing): string[] {
  const s = b.sanctions;
  if (!s.present) return absent(s);
  const head = `Lists screened: ${md(s.data.lists.join('; ') || 'none')}.`;
  if (s.data.rows.length === 0) return [head, '', 'No confirmed sanctions match among the case\'s persons.'];
  return [head, '', ...table(['Person', 'Office held at the as-of date', 'List and reference', 'Name on the list', 'Basis'],
    s.data.rows.map((r) => [md(r.person), md(r.office ?? ''), `${md(r.list)} ${md(r.ref)}${r.listed === false ? ' (no longer listed)' : ''}`, md(r.listedName ?? ''), md(r.basis)]))];
}

function evidenceAnnex(b: Briefing, cite: (ids: string[]) => string): string[] {
  if (b.evidence.length === 0) return ['No evidence counted by this date.'];
  return ['Grades: source reliability A–F and information credibility 1–6 (Admiralty system).', '',
    ...table(['Item', 'Grade', 'Observed', 'Recorded', 'Summary', 'Bears on'],
      b.evidence.map((e) => [`\`${e.id}\`${cite([e.source])}`, e.grade, md(e.observed), md(e.recorded), md(e.summary),
        e.bearsOn.map((x) => `\`${x.target}\` ${x.stance}${x.stance === 'context' ? '' : ` (${x.strength})`}`).join('; ')]))];
}

function sourcesAnnex(b: Briefing): string[] {
  if (b.sources.length === 0) return ['No source is cited.'];
  return b.sources.map((s) => {
    const url = linkableUrl(s.url ?? undefined);
    const parts = [`*${md(s.title)}*`, s.publisher ? md(s.publisher) : '', md(s.date), s.reference ? md(s.reference) : '',
      url ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : s.url ? md(s.url) : '', `${capitalise(s.kind)}, reliability ${s.reliability}`];
    return `${s.number}. ${parts.filter(Boolean).join('. ')}. (\`${s.id}\`)`;
  });
}
