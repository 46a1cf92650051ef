// The dashboard stays small at any case size: each list gives at most `limit` items and says how
// many there are in all; its answer is served from memory with an ETag, 304 to a reader who has
// it, and never stale after a write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capped, DASHBOARD_LIMIT, type Dashboard } from '../../src/server/dashboard.js';
import { loadCase } from '../../src/store/cases.js';
import { grantRole } from '../../src/accounts/index.js';
import { generateCase } from '../helpers/generate.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

const AS_OF = '2022-06-01';

describe('capped', () => {
  it('keeps the list whole up to the limit, else its first items, the marked ones before others, in the list\'s order', () => {
    const list = [1, 2, 3, 4, 5, 6].map((n) => ({ n, marked: n % 3 === 0 }));
    expect(capped(list, 6, (x) => x.marked)).toEqual(list);
    expect(capped(list, 2).map((x) => x.n)).toEqual([1, 2]);
    expect(capped(list, 3, (x) => x.marked).map((x) => x.n)).toEqual([1, 3, 6]);
    expect(capped(list, 1, (x) => x.marked).map((x) => x.n)).toEqual([3]);
  });
});

describe.each(storeKinds)('the dashboard on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    // Bigger than the cap in every list that can be: 400 commitments, 80 conditions, 40 claims.
    await loadCase(s.store, generateCase({ id: 'big', evidence: 2_000, commitments: 400, seed: 7 }), { actor: 'test:setup' });
    await grantRole(s.store, 'viewer', 'big', 'viewer', 'test:setup');
  }, 120_000);
  afterAll(async () => s?.close());

  it('gives at most `limit` items of each list and the full count of each, as the assessment and review count them', async () => {
    const res = await s.call('viewer', 'GET', `/api/cases/big/dashboard?as_of=${AS_OF}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<Dashboard>();
    const a = (await s.call('viewer', 'GET', `/api/cases/big/assessment?as_of=${AS_OF}`)).json<{ commitments: { id: string; status: string }[]; conditions: { id: string; status: string }[]; claims: { id: string; contradicted_when_made: boolean }[] }>();
    const r = (await s.call('viewer', 'GET', `/api/cases/big/review?as_of=${AS_OF}`)).json<{ warnings: unknown[] }>();
    const broken = a.commitments.filter((m) => m.status === 'broken');
    const unmet = a.conditions.filter((k) => k.status === 'not_met');
    expect(d.limit).toBe(DASHBOARD_LIMIT);
    expect(d.totals).toMatchObject({
      broken_commitments: broken.length,
      unmet_conditions: unmet.length,
      claims_contradicted_when_made: a.claims.filter((k) => k.contradicted_when_made).length,
      conditions: a.conditions.length,
      leverage: 1,
      coalition: a.conditions.length,
      review: r.warnings.length,
    });
    // The case is bigger than the cap where it matters, so the lists below are really cut.
    expect(broken.length).toBeGreaterThan(DASHBOARD_LIMIT);
    expect(a.conditions.length).toBeGreaterThan(DASHBOARD_LIMIT);
    expect(r.warnings.length).toBeGreaterThan(DASHBOARD_LIMIT);
    const shown = {
      broken_commitments: d.headlines.broken_commitments, unmet_conditions: d.headlines.unmet_conditions,
      released_against_conditions: d.headlines.released_against_conditions, claims_contradicted_when_made: d.headlines.claims_contradicted_when_made,
      conditions: d.scorecard.conditions, leverage: d.scorecard.leverage, coalition: d.coalition, review: d.review,
    };
    for (const [list, items] of Object.entries(shown)) expect(items.length, list).toBe(Math.min(d.totals[list as keyof typeof shown], DASHBOARD_LIMIT));
    // The first broken commitments, in the engine's order, with their texts.
    expect(d.headlines.broken_commitments.map((m) => m.id)).toEqual(broken.slice(0, DASHBOARD_LIMIT).map((m) => m.id));
    expect(d.headlines.broken_commitments[0]?.text).toMatch(/^Synthetic commitment \d+$/);
    // A cut scorecard keeps the unmet conditions first.
    const shownUnmet = d.scorecard.conditions.filter((k) => k.status === 'not_met').length;
    expect(shownUnmet).toBe(Math.min(unmet.length, DASHBOARD_LIMIT));
    expect(d.review).toEqual(r.warnings.slice(0, DASHBOARD_LIMIT));
    expect(res.body.length).toBeLessThan(64 * 1024);
  });

  it('answers 304 to If-None-Match with the current ETag, and the new answer once a write changed the case', async () => {
    const url = '/api/cases/mini/dashboard?as_of=2021-07-01';
    const first = await s.call('viewer', 'GET', url);
    expect(first.statusCode, first.body).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await s.call('viewer', 'GET', url, undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Evidence observed before the pledge was made: the review, and so the dashboard, names it.
    const item = { id: 'ev-before-pledge', source: 'doha', observed: { from: '2019-06-01' }, credibility: 2, summary: 'before the deal', bears_on: [{ target: 'ct-soil', stance: 'contradicts', strength: 'weak' }] };
    const write = await s.call('analyst', 'POST', '/api/cases/mini/evidence', item);
    expect(write.statusCode, write.body).toBe(201);
    const after = await s.call('viewer', 'GET', url, undefined, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const warnings = after.json<Dashboard>().review;
    expect(warnings).toContainEqual(expect.objectContaining({ kind: 'pre_commitment_evidence', object: 'ct-soil', detail: expect.stringContaining('ev-before-pledge') as unknown }));
    expect(first.json<Dashboard>().review.map((w) => w.kind)).not.toContain('pre_commitment_evidence');
  });
});
