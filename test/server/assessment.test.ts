// The engine over HTTP: same JSON as the CLI, replay by as_of, and answers that follow writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

interface CommitmentJson {
  id: string;
  status: string;
  support: number;
  contradiction: number;
  evidence: { id: string }[];
}

describe.each(storeKinds)('assessment routes on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  const soil = async (asOf: string) => {
    const res = await s.call('viewer', 'GET', `/api/cases/mini/assessment?as_of=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ as_of: string; commitments: CommitmentJson[] }>().commitments.find((c) => c.id === 'ct-soil') as CommitmentJson;
  };

  it('replays what was known at the as-of date', async () => {
    expect((await soil('2021-01-01')).status).toBe('unverified');
    expect(await soil('2021-07-01')).toMatchObject({ status: 'broken', support: 0 });
  });

  it('answers with the new status once a write changed the evidence', async () => {
    const before = await soil('2021-07-01');
    const item = { id: 'ev-support', source: 'doha', observed: { from: '2021-02-01' }, credibility: 1, summary: 'kept its word', bears_on: [{ target: 'ct-soil', stance: 'supports', strength: 'strong' }] };
    expect((await s.call('analyst', 'POST', '/api/cases/mini/evidence', item)).statusCode).toBe(201);
    const after = await soil('2021-07-01');
    expect(after.support).toBeGreaterThan(before.support);
    expect(after.evidence.map((e) => e.id)).toContain('ev-support');
  });

  it('gives the dashboard with headlines, scorecard and coalition', async () => {
    const res = await s.call('viewer', 'GET', '/api/cases/mini/dashboard?as_of=2021-07-01');
    const d = res.json<{ headlines: Record<string, unknown[]>; scorecard: { conditions: { id: string }[]; leverage: { id: string; gated_by: string[] }[] }; coalition: { condition: string; positions: unknown[] }[] }>();
    expect(Object.keys(d.headlines)).toEqual(['broken_commitments', 'unmet_conditions', 'released_against_conditions', 'claims_contradicted_when_made']);
    expect(d.scorecard.leverage).toEqual([expect.objectContaining({ id: 'lev-assets', gated_by: ['cond-ct'] })]);
    expect(d.coalition).toEqual([{ condition: 'cond-ct', positions: [{ party: 'united-states', stance: 'requires' }], divergent: false }]);
  });

  it('gives a timeline and an ACH result, and 404 for what the case lacks', async () => {
    const t = await s.call('viewer', 'GET', '/api/cases/mini/timeline/ct-soil?from=2021-01-01&to=2021-12-31&step=month');
    expect(t.statusCode).toBe(200);
    const dates = t.json<{ points: { date: string }[] }>().points.map((p) => p.date);
    expect(dates.slice(0, 2)).toEqual(['2021-01-01', '2021-02-01']);
    expect(dates.at(-1)).toBe('2021-12-31');
    expect((await s.call('viewer', 'GET', '/api/cases/mini/ach/h')).json<{ least_contradicted: string[] }>().least_contradicted).toEqual(['h-no']);
    expect((await s.call('viewer', 'GET', '/api/cases/mini/timeline/nothing')).statusCode).toBe(404);
    expect((await s.call('viewer', 'GET', '/api/cases/mini/ach/nothing')).statusCode).toBe(404);
  });

  it('refuses a bad date with a 400 that names the field', async () => {
    const res = await s.call('viewer', 'GET', '/api/cases/mini/assessment?as_of=2021-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('as_of');
    const step = await s.call('viewer', 'GET', '/api/cases/mini/timeline/ct-soil?step=year');
    expect(step.statusCode).toBe(400);
  });

  it('answers a repeated GET with 304 when the ETag still matches', async () => {
    const first = await s.call('viewer', 'GET', '/api/cases/mini/assessment?as_of=2021-07-01');
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await s.call('viewer', 'GET', '/api/cases/mini/assessment?as_of=2021-07-01', undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
  });
});

describe('object lists', () => {
  it('filter by words, sort by id, and paginate', async () => {
    const s = await startTestServer('sqlite');
    try {
      const all = (await s.call('viewer', 'GET', '/api/cases/mini/objects/actors')).json<{ items: { id: string }[]; total: number }>();
      expect(all.total).toBe(3);
      const page = (await s.call('viewer', 'GET', '/api/cases/mini/objects/actors?sort=id&order=desc&per_page=2&page=1')).json<{ items: { id: string }[]; total: number }>();
      expect(page.items.map((a) => a.id)).toEqual(['united-states', 'taliban']);
      const found = (await s.call('viewer', 'GET', '/api/cases/mini/objects/actors?q=emirate')).json<{ items: { id: string }[] }>();
      expect(found.items.map((a) => a.id)).toEqual(['taliban']);
      expect((await s.call('viewer', 'GET', '/api/cases/mini/objects/actors?per_page=5000')).statusCode).toBe(400);
    } finally {
      await s.close();
    }
  });
});

describe.each(storeKinds)('review and known_at on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());
  const today = new Date().toISOString().slice(0, 10);
  const soilAt = async (query: string) => {
    const res = await s.call('viewer', 'GET', `/api/cases/mini/assessment?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ known_at?: string; commitments: { id: string; status: string; not_counting: { id: string; reason: string }[] }[] }>();
  };

  it('a retraction made today "from 2021" leaves 2021 as it was known, and known_at=today shows it', async () => {
    const retract = await s.call('reviewer', 'POST', '/api/cases/mini/evidence/ev-1/retract', { date: '2021-01-01', reason: 'misattributed' });
    expect(retract.statusCode, retract.body).toBeLessThan(300);
    expect((await soilAt('as_of=2021-07-01')).commitments.find((c) => c.id === 'ct-soil')?.status).toBe('broken');
    const now = await soilAt(`as_of=2021-07-01&known_at=${today}`);
    expect(now.known_at).toBe(today);
    const soil = now.commitments.find((c) => c.id === 'ct-soil');
    expect(soil?.status).toBe('unverified');
    expect(soil?.not_counting).toContainEqual(expect.objectContaining({ id: 'ev-1', reason: 'retracted on 2021-01-01: misattributed' }));
  });

  it('the review names the backdated retraction, and the dashboard carries the same warnings', async () => {
    const res = await s.call('viewer', 'GET', `/api/cases/mini/review?as_of=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ case: string; as_of: string; warnings: { kind: string; object: string; detail: string }[] }>();
    expect(r).toMatchObject({ case: 'mini', as_of: today });
    expect(r.warnings).toContainEqual(expect.objectContaining({ kind: 'backdated_retraction', object: 'ev-1' }));
    const d = await s.call('viewer', 'GET', `/api/cases/mini/dashboard?as_of=${today}`);
    expect(d.json<{ review: unknown[] }>().review).toEqual(r.warnings);
  });

  it('a bad known_at is a 400 that names the field', async () => {
    const res = await s.call('viewer', 'GET', '/api/cases/mini/assessment?as_of=2021-07-01&known_at=yesterday');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('known_at');
  });
});

describe.each(storeKinds)('changes between two dates on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('lists what moved, as `deeds changes --json`', async () => {
    const res = await s.call('viewer', 'GET', '/api/cases/mini/changes?from=2021-01-01&to=2021-07-01');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ case: string; from: string; to: string; objects: { id: string; before: { status: string }; after: { status: string } }[]; evidence_added: string[]; decisions: unknown[] }>();
    expect(r).toMatchObject({ case: 'mini', from: '2021-01-01', to: '2021-07-01', evidence_added: ['ev-1'], decisions: [] });
    expect(r.objects).toContainEqual(expect.objectContaining({ id: 'ct-soil', before: expect.objectContaining({ status: 'unverified' }), after: expect.objectContaining({ status: 'broken' }) }));
  });

  it('needs `from`, and names the field of a bad date or a backwards range', async () => {
    expect((await s.call('viewer', 'GET', '/api/cases/mini/changes')).statusCode).toBe(400);
    const bad = await s.call('viewer', 'GET', '/api/cases/mini/changes?from=2021-01-01&to=later');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors?: { field: string }[] }>().errors?.[0]?.field).toBe('to');
    expect((await s.call('viewer', 'GET', '/api/cases/mini/changes?from=2022-01-01&to=2021-01-01')).statusCode).toBe(400);
  });
});

describe.each(storeKinds)('a briefing since the last review on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('adds what changed since the date, and names `since` when it is not a date', async () => {
    const res = await s.call('viewer', 'GET', '/api/cases/mini/report?format=md&as_of=2021-07-01&since=2021-01-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('## What changed since 2021-01-01');
    expect(res.body).toContain('`ct-soil`');
    const bad = await s.call('viewer', 'GET', '/api/cases/mini/report?format=md&as_of=2021-07-01&since=lately');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors?: { field: string }[] }>().errors?.[0]?.field).toBe('since');
  });
});
