// Briefings and exports over HTTP, and the TLP:RED rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('report route', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(async () => s?.close());

  it('gives the Markdown briefing and the CSV export as attachments', async () => {
    const md = await s.call('viewer', 'GET', '/api/cases/mini/report?format=md&as_of=2021-09-01');
    expect(md.statusCode, md.body).toBe(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.headers['content-disposition']).toBe('attachment; filename="mini-2021-09-01-briefing.md"');
    expect(md.body).toMatch(/ct-soil|no use of soil/);
    const csv = await s.call('viewer', 'GET', '/api/cases/mini/report?format=csv&as_of=2021-09-01');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('ev-1');
  });

  it('refuses an unknown format and a bad date with 400', async () => {
    expect((await s.call('viewer', 'GET', '/api/cases/mini/report?format=docx')).statusCode).toBe(400);
    expect((await s.call('viewer', 'GET', '/api/cases/mini/report?format=md&as_of=someday')).statusCode).toBe(400);
  });

  it('exports a TLP:RED case only for its owner', async () => {
    const red = await s.call('owner', 'PUT', '/api/cases/mini/settings', { case: { id: 'mini', title: 'A small case', subject: 'taliban', marking: 'TLP:RED', period: { start: '2020-02-29' } } });
    expect(red.statusCode, red.body).toBe(200);
    expect((await s.call('reviewer', 'GET', '/api/cases/mini/report?format=stix')).statusCode).toBe(403);
    expect((await s.call('reviewer', 'GET', '/api/cases/mini/export')).statusCode).toBe(403);
    const owner = await s.call('owner', 'GET', '/api/cases/mini/report?format=stix');
    expect(owner.statusCode).toBe(200);
    expect(owner.json<{ type: string }>().type).toBe('bundle');
  });
});
