// Reviewing a stored screening run over HTTP: every match with its explanation, listed name,
// score and listing details, filtered by decision state and paginated, on both databases; a run
// stored before listing details were kept still reads, with the details from its list version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

interface ReviewMatch {
  person: string; person_name: string; list: string; ref: string; score: number; name: string; matched_name: string;
  explanation: string | null; query_name: string | null; state: string;
  listing: { name: string; birth: { date?: string }[]; nationality: string[]; listed_on?: string } | null;
  decision: { decision: string; reason: string; actor: string } | null;
}
interface Review { run: { id: string; screened_by: string } | null; state: string | null; total: number; counts: Record<string, number>; limit: number; offset: number; matches: ReviewMatch[] }

const R = '/api/cases/mini/screening/matches';

describe.each(storeKinds)('screening review on %s', (kind) => {
  let s: TestServer;
  const review = async (query = '', who: 'viewer' | 'reviewer' = 'viewer') => {
    const res = await s.call(who, 'GET', `${R}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Review>();
  };
  beforeAll(async () => {
    s = await startTestServer(kind, { lists: true });
    // Two more persons: a namesake of the second listed entry, and one under the first entry's alias.
    for (const [id, name] of [['someone-else', 'Someone Else'], ['al-minister', 'Al Minister']]) {
      const res = await s.call('analyst', 'POST', '/api/cases/mini/objects/actors', { id, kind: 'person', name });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => s?.close());

  it('says there is no run before the first screening', async () => {
    expect(await review()).toMatchObject({ run: null, total: 0, matches: [], counts: { undecided: 0, confirmed: 0, false_positive: 0 } });
  });

  it('keeps, for each match, the explanation, the listed name, the score and the listing details', async () => {
    expect((await s.call('analyst', 'POST', '/api/cases/mini/screening', {})).statusCode).toBe(200);
    const all = await review('?limit=200');
    expect(all.run?.screened_by).toBe('user:analyst');
    expect(all.total).toBe(all.matches.length);
    expect(all.counts.undecided).toBe(all.total);
    const minister = all.matches.find((m) => m.person === 'a-minister' && m.ref === 'TAi.999');
    expect(minister).toMatchObject({ person_name: 'A Minister', list: 'un', name: 'A MINISTER', state: 'undecided', decision: null, query_name: 'A Minister' });
    expect(minister?.explanation).toBeTruthy();
    expect(minister?.score).toBeGreaterThanOrEqual(0.85);
    expect(minister?.listing).toMatchObject({ name: 'A MINISTER', birth: [{ date: '1973' }], nationality: ['AF'], listed_on: '2001-02-23' });
    expect(all.matches.find((m) => m.person === 'someone-else')?.ref).toBe('TAi.998');
    expect(all.matches.find((m) => m.person === 'al-minister' && m.ref === 'TAi.999')).toBeTruthy();
  });

  it('cuts the matches into pages that together hold each match once', async () => {
    const all = await review('?limit=200');
    expect(all.total).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = await review(`?limit=2&offset=${offset}`);
      expect(page).toMatchObject({ total: all.total, limit: 2, offset });
      expect(page.matches.length).toBe(Math.min(2, all.total - offset));
      seen.push(...page.matches.map((m) => `${m.person}/${m.ref}`));
    }
    expect(seen).toEqual(all.matches.map((m) => `${m.person}/${m.ref}`));
    expect((await review(`?offset=${all.total}`)).matches).toEqual([]);
  });

  it('filters by decision state, and the decisions stay attached to their matches', async () => {
    const confirm = await s.call('reviewer', 'POST', '/api/cases/mini/screening/decisions', { person: 'a-minister', list: 'un', ref: 'TAi.999', decision: 'confirmed', reason: 'same birth year and post' });
    expect(confirm.statusCode, confirm.body).toBe(201);
    const dismiss = await s.call('reviewer', 'POST', '/api/cases/mini/screening/decisions', { person: 'someone-else', list: 'un', ref: 'TAi.998', decision: 'false_positive', reason: 'born 1960, ours in 1985' });
    expect(dismiss.statusCode, dismiss.body).toBe(201);

    const all = await review();
    const confirmed = await review('?state=confirmed');
    expect(confirmed).toMatchObject({ state: 'confirmed', total: 1, counts: { confirmed: 1, false_positive: 1, undecided: all.total - 2 } });
    expect(confirmed.matches[0]).toMatchObject({ person: 'a-minister', ref: 'TAi.999', state: 'confirmed', decision: { decision: 'confirmed', reason: 'same birth year and post', actor: 'user:reviewer' } });
    const dismissed = await review('?state=false_positive');
    expect(dismissed.matches.map((m) => m.person)).toEqual(['someone-else']);
    const undecided = await review('?state=undecided');
    expect(undecided.total).toBe(all.total - 2);
    expect(undecided.matches.every((m) => m.decision === null && m.state === 'undecided')).toBe(true);

    // A new run keeps the decisions with the same person and listed entry.
    expect((await s.call('analyst', 'POST', '/api/cases/mini/screening', {})).statusCode).toBe(200);
    expect((await review('?state=confirmed')).matches[0]?.decision?.reason).toBe('same birth year and post');
  });

  it('reads a run stored before listing details were kept, looking them up in its list version', async () => {
    const last = await s.store.db.selectFrom('sanctions_screenings').selectAll().where('case_id', '=', 'mini').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const old = { 'a-minister': [{ list: 'un', ref: 'TAi.999', score: 0.93, matched_name: 'A MINISTER' }] };
    await s.store.db.insertInto('sanctions_screenings').values({ ...last, id: `${last.id}z`, screened_at: new Date().toISOString(), results: JSON.stringify(old) }).execute();
    const page = await review();
    expect(page.run?.id).toBe(`${last.id}z`);
    expect(page.matches).toHaveLength(1);
    expect(page.matches[0]).toMatchObject({ name: 'A MINISTER', explanation: null, query_name: null, state: 'confirmed', listing: { birth: [{ date: '1973' }], nationality: ['AF'], listed_on: '2001-02-23' } });
    const stored = await s.store.db.selectFrom('sanctions_screenings').select('results').where('id', '=', `${last.id}z`).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.results)).toEqual(old);
  });

  it('lets any role on the case read, hides the case from others, and checks the query', async () => {
    expect((await s.call('outsider', 'GET', R)).statusCode).toBe(404);
    expect((await s.call(null, 'GET', R)).statusCode).toBe(401);
    for (const query of ['?state=maybe', '?limit=0', '?limit=201', '?offset=-1']) {
      const res = await s.call('viewer', 'GET', `${R}${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field).toMatch(/^querystring\./);
    }
    expect((await s.call('analyst', 'POST', '/api/cases/mini/screening/decisions', { person: 'a-minister', list: 'un', ref: 'TAi.999', decision: 'false_positive', reason: 'x' })).statusCode).toBe(403);
  });
});
