// The briefing (HTML and Markdown) of the bundled case: headline judgements in estimative
// language, scorecard, claims audit, optional sections and the annex of every cited source.
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/index.js';
import { buildBriefing, renderReport } from '../../src/report/index.js';
import { AS_OF, bundledCase } from './fixtures.js';

const text = async (format: 'html' | 'md', extra: Record<string, unknown> = {}, asOf = AS_OF) =>
  String((await renderReport({ case: await bundledCase(), asOf, ...extra }, format)).body);

/** The HTML as a reader sees it: tags dropped, entities decoded. */
const visible = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('briefing of the bundled case', () => {
  it('states the headline judgements with confidence in estimative language', async () => {
    const b = buildBriefing({ case: await bundledCase(), asOf: AS_OF });
    const hosting = b.headlines.find((h) => h.text.includes('will not host them'));
    expect(hosting?.text).toMatch(/^We judge with high confidence that Taliban almost certainly broke its commitment/);
    expect(b.headlines.some((h) => /moderate confidence that Taliban probably broke/.test(h.text))).toBe(true);
    expect(b.headlines.some((h) => /Mohammad Naeem's claim of 2021-08-22 .* was contradicted by the evidence available that day/.test(h.text))).toBe(true);
    expect(b.overview).toMatch(/of 14 commitments made, 7 are judged broken/);
    for (const format of ['html', 'md'] as const) {
      const out = format === 'html' ? visible(await text(format)) : await text(format);
      expect(out).toContain('Key judgements');
      expect(out).toContain('We judge with high confidence that Taliban almost certainly broke its commitment');
      expect(out).toMatch(/high.{0,4}: “we judge with high confidence”, “almost certainly”/);
      expect(out).toContain('Scorecard: conditions × leverage');
      expect(out).toContain('cond-break-with-aq');
    }
  });

  it('has the claims audit, with the claim contradicted at the time it was made', async () => {
    for (const format of ['html', 'md'] as const) {
      const out = format === 'html' ? visible(await text(format)) : await text(format);
      expect(out).toContain('Claims audit');
      expect(out).toContain('claim-naeem-no-aq-presence');
      expect(out).toContain('contradicted at the time it was made');
      expect(out).toContain('claim-pompeo-taliban-made-the-break');
    }
  });

  it('lists every cited source in the annex with title, publisher, date and reference or address', async () => {
    const c = await bundledCase();
    const a = assess(c, AS_OF);
    const cited = new Set([
      ...a.commitments.filter((m) => m.status !== 'not_yet_made').flatMap((m) => [c.commitments.find((x) => x.id === m.id)?.source, ...m.evidence.map((e) => e.source)]),
      ...a.claims.filter((k) => k.status === 'made').flatMap((k) => [c.claims.find((x) => x.id === k.id)?.source, ...k.known_when_made.map((e) => e.source)]),
      ...a.conditions.flatMap((k) => k.evidence.map((e) => e.source)),
    ]);
    expect(cited.size).toBeGreaterThan(20);
    const html = await text('html');
    const md = await text('md');
    const annexHtml = visible(html.slice(html.indexOf('id="sources"')));
    const annexMd = md.slice(md.indexOf('## Annex B: Sources'));
    for (const id of cited) {
      const s = c.sources.find((x) => x.id === id);
      expect(s, `source ${id}`).toBeDefined();
      if (!s) continue;
      expect(html).toContain(`id="src-${id}"`);
      expect(annexHtml).toContain(s.title);
      expect(annexHtml).toContain(s.date);
      if (s.publisher) expect(annexHtml).toContain(s.publisher);
      if (s.reference) expect(annexHtml).toContain(s.reference);
      if (s.url) expect(html).toContain(`href="${new URL(s.url).href.replace(/&/g, '&amp;')}"`);
      expect(annexMd).toContain(`(\`${id}\`)`);
    }
  });

  it('replays honestly: nothing made or recorded after the as-of date appears', async () => {
    const early = buildBriefing({ case: await bundledCase(), asOf: '2020-03-01' });
    expect(early.commitments.map((m) => m.id)).not.toContain('pledge-women-study');
    expect(early.claims.map((k) => k.id)).toEqual(['claim-pompeo-taliban-made-the-break']);
    expect(early.evidence.every((e) => e.recorded <= '2020-03-01')).toBe(true);
    const md = await text('md', {}, '2020-03-01');
    expect(md).not.toContain('ev-zawahiri-killed-in-kabul');
    expect(md).not.toContain('pledge-women-study');
  });

  it('says in one line when event, alert or sanctions data is absent, and shows it when given', async () => {
    const md = await text('md');
    expect(md).toContain('No event data imported');
    expect(md).toContain('No sanctions list imported');
    expect(md).toContain('No tripwire evaluation was supplied');
    const given = {
      indicators: [{ id: 'ind-violence', measure: 'events', period: 'month', dataset: 'ucdp-ged', periods: [{ label: '2020-08' }, { label: '2020-09' }, { label: '2020-10' }], values: [3, 11, 7] }],
      alerts: { alerts: [{ tripwire: 'tw-travel-exemption-review', kind: 'review_due', periods: [], first: '2022-06-20', advice: 'review it' }], skipped: [] },
      sanctions: { lists: [{ list: 'un', version: '2023-03-27' }], matches: [{ person: 'sirajuddin-haqqani', list: 'un', ref: 'TAi.144', name: 'Sirajuddin Jallaloudine Haqqani', listed: true, source: 'sanctions_refs' }] },
    };
    const html = await text('html', given);
    expect(html).toMatch(/<figure><svg role="img" aria-label="ind-violence: events per month \(ucdp-ged\)\./);
    expect(visible(html)).toContain('peak 11 in 2020-09');
    expect(visible(html)).toContain('tw-travel-exemption-review fires');
    expect(visible(html)).toContain('un TAi.144');
    expect(html).not.toContain('No event data imported');
    const withMd = await text('md', given);
    expect(withMd).toContain('total 21, peak 11 in 2020-09, latest 7 in 2020-10');
    expect(withMd).toContain('Sirajuddin');
  });

  it('is one self-contained, accessible HTML file', async () => {
    const html = await text('html');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/<svg role="img" aria-label="Evidence weight per commitment/);
    expect(html).toContain('<th scope="col">');
    expect(html).toContain('<span class="status s-broken">broken</span>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('counter(pages)');
    expect(await text('html')).toBe(html); // chart ids are renumbered per page, not per process
  });

  it('refuses an as-of date that is not a date', async () => {
    await expect(renderReport({ case: await bundledCase(), asOf: 'soon' }, 'md')).rejects.toThrow(/not an ISO date/);
  });
});
