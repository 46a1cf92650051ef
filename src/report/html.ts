// The briefing as one self-contained HTML file: inline CSS and SVG, no script, no external
// resource (a Content-Security-Policy says so to the browser too). Print-friendly: page numbers
// and the TLP marking in the page margins, annexes on new pages. Every text from the case is
// escaped where it is written.
import { VERSION } from '../version.js';
import { balanceChart, indicatorChart } from './charts.js';
import { ESTIMATIVE_TABLE } from './estimative.js';
import { citedNumbers, type Briefing, type EvidenceRef, type Judgement, type Section } from './model.js';
import { capitalise, escapeHtml as esc, formatMass, linkableUrl, words } from './text.js';

const TLP_COLOURS: Record<string, string> = {
  'TLP:CLEAR': '#ffffff', 'TLP:GREEN': '#33ff00', 'TLP:AMBER': '#ffc000', 'TLP:AMBER+STRICT': '#ffc000', 'TLP:RED': '#ff2b2b',
};

export async function renderHtml(b: Briefing): Promise<string> {
  const charts = b.indicators.present ? await Promise.all(b.indicators.data.map((s, i) => indicatorChart(s, i))) : [];
  const balance = b.balance.length > 0 ? await balanceChart(b.balance) : '';
  const sourceAt = new Map(b.sources.map((s) => [s.number, s.id]));
  const cite = (ids: readonly string[]) => citedNumbers(b, ids)
    .map((n) => `<a class="cite" href="#src-${esc(sourceAt.get(n) ?? '')}">[${n}]</a>`).join('');
  const body = [
    `<header class="tlp-banner" style="--tlp:${TLP_COLOURS[b.marking] ?? '#fff'}"><strong>${esc(b.marking)}</strong> ${esc(b.handling)}</header>`,
    '<main>',
    `<h1>${esc(b.title)}</h1>`,
    `<p class="meta">Briefing as of <time datetime="${esc(b.asOf)}">${esc(b.asOf)}</time>${b.knownAt ? ` as known on <time datetime="${esc(b.knownAt)}">${esc(b.knownAt)}</time>` : ''} · case <code>${esc(b.caseId)}</code> · subject: ${esc(b.subject)}${b.period ? ` · period ${esc(b.period)}` : ''}</p>`,
    b.summary ? `<p class="summary">${esc(b.summary)}</p>` : '',
    keyJudgements(b, cite),
    changesSince(b),
    scorecard(b, balance, cite),
    claimsAudit(b, cite),
    indicators(b, charts),
    tripwires(b),
    sanctions(b),
    evidenceAnnex(b, cite),
    sourcesAnnex(b),
    '</main>',
    `<footer><p>Produced by deeds ${esc(VERSION)} from case <code>${esc(b.caseId)}</code> with what was recorded by ${esc(b.knownAt ?? b.asOf)}. Statuses follow the rules of docs/assessment.md; every judgement cites its evidence.</p></footer>`,
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`${b.marking} Briefing: ${b.title} (as of ${b.asOf})`)}</title>
<style>${css(b)}</style>
</head>
<body>
${body.filter(Boolean).join('\n')}
</body>
</html>
`;
}

function status(code: string): string {
  return `<span class="status s-${esc(code)}">${esc(words(code))}</span>`;
}

function confidence(c: string | null): string {
  return c ? `${esc(c)} confidence` : '—';
}

function table(caption: string, headers: string[], rows: string[][], className = ''): string {
  const head = headers.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`).join('\n');
  return `<table${className ? ` class="${className}"` : ''}><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function evidenceList(refs: readonly EvidenceRef[], cite: (ids: string[]) => string): string {
  if (refs.length === 0) return '—';
  return refs.map((e) => `<a href="#ev-${esc(e.id)}">${esc(e.id)}</a> (${esc(e.grade)}, ${e.stance === 'context' ? 'context' : `${e.stance === 'supports' ? '+' : '−'}${formatMass(e.weight)}`})${cite([e.source])}`).join('<br>');
}

function changesSince(b: Briefing): string {
  const c = b.changes;
  if (!c) return '';
  const rows = c.objects.map((o) => `<tr><th scope="row">${esc(o.text)} <code>${esc(o.id)}</code></th><td>${esc(o.kind)}</td><td>${esc(o.before)}</td><td>${esc(o.after)}</td></tr>`).join('\n');
  return `<section id="changes"><h2>What changed since ${esc(c.from)}</h2>
${c.objects.length === 0 ? `<p>No status or confidence changed between ${esc(c.from)} and ${esc(c.to)}.</p>` : `<table><caption>Statuses and confidence that moved between ${esc(c.from)} and ${esc(c.to)}</caption><thead><tr><th scope="col">Object</th><th scope="col">Kind</th><th scope="col">Then</th><th scope="col">Now</th></tr></thead><tbody>${rows}</tbody></table>`}
<p>${c.evidence.length === 0 ? 'No evidence was recorded in the period.' : `Evidence recorded in the period: ${c.evidence.map((e) => `${esc(e.summary)} <code>${esc(e.id)}</code>`).join('; ')}.`}</p>
${c.decisions.length === 0 ? '<p>No leverage decision was taken in the period.</p>' : `<ul>${c.decisions.map((d) => `<li>${esc(d.date)}: ${esc(d.text)} — ${esc(d.action)}; the recommendation then was ${esc(d.recommendation)}${d.againstConditions ? ' (<strong>released against conditions</strong>)' : ''}.</li>`).join('')}</ul>`}
</section>`;
}

function keyJudgements(b: Briefing, cite: (ids: string[]) => string): string {
  const item = (j: Judgement) => `<li>${esc(j.text)} ${cite(j.sources)}</li>`;
  const mapping = ESTIMATIVE_TABLE.map((m) => `<em>${esc(m.confidence)}</em>: “${esc(m.phrase)}”, “${esc(m.likelihood)}”`).join('; ');
  return `<section id="key-judgements"><h2>Key judgements</h2>
<p class="overview">${esc(b.overview)}</p>
${b.headlines.length ? `<ol class="judgements">${b.headlines.map(item).join('\n')}</ol>` : '<p>No commitment is yet judged kept or broken, and no claim was contradicted when made.</p>'}
<p class="method">Confidence rests on the weight of graded evidence that decided each status (docs/assessment.md §5) and is stated in estimative language — ${mapping}.</p>
</section>`;
}

function scorecard(b: Briefing, balance: string, cite: (ids: string[]) => string): string {
  const short = new Map(b.leverage.map((l, i) => [l.id, `L${i + 1}`]));
  const matrix = table('Conditions (rows) against the leverage they gate (columns, Ln as listed in the next table)',
    ['Condition', 'Status', ...b.leverage.map((l) => `<abbr title="${esc(l.id)}">${esc(short.get(l.id) ?? l.id)}</abbr>`)],
    b.conditions.map((k) => [
      `<code>${esc(k.id)}</code> ${esc(k.text)}<br><small>set by ${esc(k.setBy.join(', '))}</small>`,
      `${status(k.status)}<br><small>${confidence(k.confidence)}</small>`,
      ...b.leverage.map((l) => ((b.gates[k.id] ?? []).includes(l.id) ? '<span class="gate">gates</span>' : '<span class="none" aria-label="does not gate">·</span>')),
    ]), 'matrix');
  const lev = table('Leverage: recommendation at the as-of date, and releases made while gating conditions were unmet',
    ['Instrument', 'Held by', 'Recommendation', 'Unmet gates', 'Released against conditions', 'Next review'],
    b.leverage.map((l) => [
      `${esc(short.get(l.id) ?? '')} <code>${esc(l.id)}</code><br><small>${esc(l.text)}</small>`,
      esc(l.heldBy),
      `${status(l.recommendation)}<br><small>${confidence(l.confidence)}</small>`,
      l.unmet.map((u) => `<code>${esc(u)}</code>`).join(', ') || '—',
      l.releases.map((r) => `${esc(words(r.action))} ${esc(r.date)} (unmet: ${esc(r.unmet.join(', '))})${r.source ? cite([r.source]) : ''}`).join('<br>') || '—',
      esc(l.review ?? '—'),
    ]));
  const commitments = table('Commitments: status, confidence and the evidence that decided it (S support, C contradiction)',
    ['Commitment', 'Status', 'S / C', 'Deciding evidence'],
    b.commitments.map((m) => [
      `<code>${esc(m.id)}</code> ${esc(m.text)}<br><small>${esc(m.by)}, ${esc(m.made)}${m.ref ? `, ${esc(m.ref)}` : ''}${m.due ? `, due ${esc(m.due)}` : ''}</small>${cite([m.source])}`,
      `${status(m.status)}<br><small>${confidence(m.confidence)}</small>`,
      `${formatMass(m.support)} / ${formatMass(m.contradiction)}`,
      evidenceList(m.evidence, cite),
    ]));
  return `<section id="scorecard"><h2>Scorecard: conditions × leverage</h2>
${matrix}
${lev}
${commitments}
${balance ? `<figure>${balance}<figcaption>Evidence weight per commitment: supporting (S) against contradicting (C), as in the table above.</figcaption></figure>` : ''}
</section>`;
}

function claimsAudit(b: Briefing, cite: (ids: string[]) => string): string {
  if (b.claims.length === 0) return '<section id="claims"><h2>Claims audit</h2><p>No official claim had been made by this date.</p></section>';
  return `<section id="claims"><h2>Claims audit</h2>
<p>Each claim is checked against the evidence recorded by the day it was made, and by the as-of date.</p>
${table('Official claims against the evidence', ['Claim', 'Asserted', 'When made', 'Now', 'Evidence known when made'],
    b.claims.map((k) => [
      `<code>${esc(k.id)}</code> ${esc(k.by)}, ${esc(k.made)}: ${esc(k.text)}${cite([k.source])}`,
      `<code>${esc(k.target)}</code> ${esc(words(k.asserted))}`,
      `${status(k.verdictWhenMade)}${k.contradictedWhenMade ? '<br><strong>contradicted at the time it was made</strong>' : ''}`,
      status(k.verdictNow),
      evidenceList(k.knownWhenMade, cite),
    ]))}
</section>`;
}

function absent(s: Section<unknown>): string {
  return s.present ? '' : `<p class="absent">${esc(s.reason)}</p>`;
}

function indicators(b: Briefing, charts: string[]): string {
  const s = b.indicators;
  if (!s.present) return `<section id="indicators"><h2>Indicators</h2>${absent(s)}</section>`;
  if (s.data.length === 0) return '<section id="indicators"><h2>Indicators</h2><p class="absent">The case defines no indicators.</p></section>';
  const figures = s.data.map((x, i) => `<figure>${x.labels.length ? charts[i] ?? '' : ''}<figcaption><strong>${esc(x.title)}</strong>. ${esc(x.summary)}${x.note ? ` Note: ${esc(x.note)}` : ''}${x.caveats.map((c) => ` <strong class="caveat">Caveat:</strong> ${esc(c)}.`).join('')}</figcaption></figure>`);
  return `<section id="indicators"><h2>Indicators</h2>\n${figures.join('\n')}\n</section>`;
}

function tripwires(b: Briefing): string {
  const t = b.tripwires;
  const defined = t.defined.length
    ? `<p>Tripwires set in the case: ${t.defined.map((d) => `<code>${esc(d.id)}</code> (${esc(words(d.kind))})`).join(', ')}.</p>` : '<p>The case sets no tripwires.</p>';
  if (!t.evaluation.present) return `<section id="tripwires"><h2>Tripwires</h2>${absent(t.evaluation)}${defined}</section>`;
  const { alerts, skipped } = t.evaluation.data;
  const fired = alerts.length === 0 ? `<p>No tripwire fires on ${esc(b.asOf)}.</p>` : table('Tripwires that fire', ['Tripwire', 'Kind', 'From', 'Periods', 'Found', 'Advice'],
    alerts.map((a) => [`<code>${esc(a.tripwire)}</code> <strong>fires</strong>`, esc(words(a.kind)), esc(a.first ?? '—'),
      esc(a.periods.length > 6 ? `${a.periods.slice(0, 6).join(', ')} … (${a.periods.length} periods)` : a.periods.join(', ') || '—'),
      a.details.map(esc).join('<br>') || '—', esc(a.advice ?? '—')]));
  const notEvaluated = skipped.length ? `<ul>${skipped.map((s) => `<li><code>${esc(s.tripwire)}</code> not evaluated: ${esc(s.reason)}</li>`).join('')}</ul>` : '';
  return `<section id="tripwires"><h2>Tripwires</h2>${fired}${notEvaluated}${defined}</section>`;
}

function sanctions(b: Briefing): string {
  const s = b.sanctions;
  if (!s.present) return `<section id="sanctions"><h2>Sanctions findings</h2>${absent(s)}</section>`;
  const { lists, rows } = s.data;
  const head = `<p>Lists screened: ${esc(lists.join('; ') || 'none')}.</p>`;
  if (rows.length === 0) return `<section id="sanctions"><h2>Sanctions findings</h2>${head}<p>No confirmed sanctions match among the case's persons.</p></section>`;
  return `<section id="sanctions"><h2>Sanctions findings</h2>${head}
${table('Confirmed sanctions matches of the case\'s persons', ['Person', 'Office held at the as-of date', 'List and reference', 'Name on the list', 'Basis'],
    rows.map((r) => [esc(r.person), esc(r.office ?? '—'), `${esc(r.list)} ${esc(r.ref)}${r.listed === false ? ' (no longer listed)' : ''}`, esc(r.listedName ?? '—'), esc(r.basis)]))}
</section>`;
}

function evidenceAnnex(b: Briefing, cite: (ids: string[]) => string): string {
  if (b.evidence.length === 0) return '<section id="evidence" class="annex"><h2>Annex A: Evidence cited</h2><p>No evidence counted by this date.</p></section>';
  return `<section id="evidence" class="annex"><h2>Annex A: Evidence cited</h2>
<p>Grades: source reliability A–F and information credibility 1–6 (Admiralty system).</p>
${table('Evidence items that counted at the as-of date', ['Item', 'Grade', 'Observed', 'Recorded', 'Summary', 'Bears on'],
    b.evidence.map((e) => [
      `<span id="ev-${esc(e.id)}"><code>${esc(e.id)}</code></span>${cite([e.source])}`, esc(e.grade), esc(e.observed), esc(e.recorded), esc(e.summary),
      e.bearsOn.map((x) => `<code>${esc(x.target)}</code> ${esc(x.stance)}${x.stance === 'context' ? '' : ` (${esc(x.strength)})`}`).join('<br>'),
    ]), 'evidence')}
</section>`;
}

function sourcesAnnex(b: Briefing): string {
  const item = (s: Briefing['sources'][number]) => {
    const url = linkableUrl(s.url ?? undefined);
    const parts = [
      `<cite>${esc(s.title)}</cite>`, s.publisher ? esc(s.publisher) : '', esc(s.date), s.reference ? esc(s.reference) : '',
      url ? `<a href="${esc(url)}">${esc(url)}</a>` : s.url ? esc(s.url) : '',
      `${esc(capitalise(s.kind))}, reliability ${esc(s.reliability)}`,
    ];
    return `<li id="src-${esc(s.id)}" value="${s.number}">${parts.filter(Boolean).join('. ')}. <small>(<code>${esc(s.id)}</code>)</small></li>`;
  };
  return `<section id="sources" class="annex"><h2>Annex B: Sources</h2>
${b.sources.length ? `<ol class="sources">\n${b.sources.map(item).join('\n')}\n</ol>` : '<p>No source is cited.</p>'}
</section>`;
}

function css(b: Briefing): string {
  const marking = JSON.stringify(b.marking); // a CSS string literal: the marking is one of five fixed values
  return `
:root { color-scheme: light; }
body { font: 10pt/1.4 Georgia, 'Times New Roman', serif; color: #111; margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; }
h1, h2, h3, caption, .tlp-banner, th, .meta, small { font-family: Helvetica, Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 1rem 0 .25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #222; margin-top: 1.6rem; break-after: avoid; }
.meta { color: #333; margin-top: 0; }
.tlp-banner { background: #000; color: var(--tlp); padding: .35rem .6rem; font-size: .9rem; }
.tlp-banner strong { margin-right: .5rem; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: 8.5pt; }
caption { text-align: left; font-weight: bold; padding-bottom: .25rem; }
th, td { border: 1px solid #999; padding: .25rem .35rem; vertical-align: top; text-align: left; }
thead th { background: #eee; }
tbody th { font-weight: normal; font-family: Georgia, serif; }
thead { display: table-header-group; }
tr, figure, li { break-inside: avoid; }
.matrix { table-layout: fixed; }
.matrix thead th:first-child { width: 40%; }
.matrix thead th:nth-child(2) { width: 11%; }
.matrix td { text-align: center; padding: .25rem .1rem; }
.matrix thead th { font-size: 7.5pt; padding: .2rem .1rem; }
code { font-size: .85em; }
.gate { font-weight: bold; }
.none { color: #888; }
.status { display: inline-block; padding: 0 .3rem; border: 1px solid currentColor; border-radius: 3px; font: bold 8pt Helvetica, Arial, sans-serif; text-transform: uppercase; white-space: nowrap; }
.s-broken, .s-not_met, .s-contradicted, .s-withhold { color: #b71c1c; }
.s-kept, .s-met, .s-supported, .s-release { color: #1b5e20; }
.s-partly_kept, .s-partly_met, .s-disputed, .s-review { color: #8a5a00; }
.s-unverified, .s-unknown, .s-unsupported { color: #444; }
.conf { font: 8.5pt Helvetica, Arial, sans-serif; color: #333; }
.judgements li { margin-bottom: .4rem; }
.cite { font-size: 8pt; text-decoration: none; vertical-align: super; margin-left: 1px; }
.absent { font-style: italic; }
.method { font-size: 9pt; color: #333; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; }
.sources li { margin-bottom: .3rem; overflow-wrap: anywhere; }
footer { border-top: 1px solid #999; margin-top: 2rem; font-size: 8.5pt; color: #333; }
@media print {
  body { max-width: none; padding: 0; }
  .annex { break-before: page; }
  a { color: inherit; }
  .tlp-banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page {
  size: A4; margin: 16mm 14mm 18mm;
  @top-right { content: ${marking}; font: bold 9pt Helvetica, Arial, sans-serif; }
  @bottom-left { content: ${JSON.stringify(`${b.caseId} · as of ${b.asOf}`.replace(/[^\w .:·+-]/g, ''))}; font: 8pt Helvetica, Arial, sans-serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Helvetica, Arial, sans-serif; }
}
`;
}
