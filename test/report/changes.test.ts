// The briefing for a period: "what changed since the last review", in HTML and Markdown.
import { describe, expect, it } from 'vitest';
import { buildBriefing, renderReport } from '../../src/report/index.js';
import { bundledCase } from './fixtures.js';

const visible = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('a briefing since the last review', () => {
  it('lists the objects whose status moved, in their own words, with the evidence and decisions of the period', async () => {
    const c = await bundledCase();
    const b = buildBriefing({ case: c, asOf: '2021-09-01', since: '2021-06-01' });
    expect(b.changes).toMatchObject({ from: '2021-06-01', to: '2021-09-01' });
    expect(b.changes?.objects.length).toBeGreaterThan(0);
    for (const o of b.changes?.objects ?? []) {
      expect(o.before).not.toBe(o.after);
      expect(o.text).not.toBe(o.id);
    }
    for (const format of ['html', 'md'] as const) {
      const body = String((await renderReport({ case: c, asOf: '2021-09-01', since: '2021-06-01' }, format)).body);
      const out = format === 'html' ? visible(body) : body;
      expect(out).toContain('What changed since 2021-06-01');
      expect(out).toContain(b.changes?.objects[0]?.id ?? 'missing');
    }
  });

  it('has no such section without a last review', async () => {
    expect(buildBriefing({ case: await bundledCase(), asOf: '2021-09-01' }).changes).toBeNull();
    const md = String((await renderReport({ case: await bundledCase(), asOf: '2021-09-01' }, 'md')).body);
    expect(md).not.toContain('What changed since');
  });
});
