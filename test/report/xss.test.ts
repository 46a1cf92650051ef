// Texts from a case are data, never markup: a case full of <script> and attribute-breaking
// strings comes out escaped in the HTML and inert in the Markdown.
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/index.js';
import { hostileCase } from './fixtures.js';

const render = async (format: 'html' | 'md') => String((await renderReport({ case: hostileCase(), asOf: '2023-01-01' }, format)).body);

describe('hostile case texts', () => {
  it('are escaped in the HTML', async () => {
    const html = await render('html');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i); // no event-handler attribute on any tag
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('Title &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    // The title element and the source address are escaped too.
    expect(html).toMatch(/<title>TLP:AMBER Briefing: Title &lt;script&gt;/);
    expect(html).toContain('href="https://example.org/a?x=%22%3E%3Cscript%3E"');
  });

  it('cannot become markup, links or raw HTML in the Markdown', async () => {
    const md = await render('md');
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/<img/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\| \\# \\[x\\](javascript:alert(1))');
    // Table rows keep their column count: a `|` in a summary is escaped.
    const evidenceRow = md.split('\n').find((l) => l.startsWith('| `ev-1`'));
    expect(evidenceRow?.split(/(?<!\\)\|/).length).toBe(8);
  });
});
