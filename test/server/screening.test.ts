// Sanctions screening over HTTP: names, a case's persons, and decisions that survive a re-screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

interface Match { list: string; ref: string; score: number; explanation: string; decision?: { decision: string; reason: string } }
interface Result { query: string; person?: string; matches: Match[] }

describe.each(storeKinds)('screening routes on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind, { lists: true });
  });
  afterAll(async () => s?.close());

  it('screens names, best match first, with an explanation', async () => {
    const res = await s.call('viewer', 'POST', '/api/screen', { names: ['Minister, A', 'Nobody Known'] });
    expect(res.statusCode, res.body).toBe(200);
    const [first, second] = res.json<{ results: Result[] }>().results;
    expect(first?.matches[0]).toMatchObject({ list: 'un', ref: 'TAi.999' });
    expect(first?.matches[0]?.score).toBeGreaterThanOrEqual(0.85);
    expect(first?.matches[0]?.explanation).toBeTruthy();
    expect(second?.matches).toEqual([]);
  });

  it('limits screening to the lists named, and refuses a list nothing was imported into', async () => {
    const un = await s.call('viewer', 'POST', '/api/screen', { names: ['Minister, A'], lists: ['un'] });
    expect(un.statusCode, un.body).toBe(200);
    expect(un.json<{ lists: string[]; results: Result[] }>()).toMatchObject({ lists: ['un'] });
    expect(un.json<{ results: Result[] }>().results[0]?.matches.every((m) => m.list === 'un')).toBe(true);
    expect(un.json<{ results: Result[] }>().results[0]?.matches.length).toBeGreaterThan(0);
    const none = await s.call('viewer', 'POST', '/api/screen', { names: ['Minister, A'], lists: ['eu_fsf'] });
    expect(none.statusCode).toBe(400);
    expect(none.json<{ detail: string }>().detail).toBe('no imported entry belongs to "eu_fsf"');
  });

  it('refuses an empty list of names with a 400 naming the field', async () => {
    const res = await s.call('viewer', 'POST', '/api/screen', { names: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('body.names');
  });

  it('screens the case\'s persons, keeps a reviewer\'s decision, and shows it on the next run', async () => {
    const run = await s.call('analyst', 'POST', '/api/cases/mini/screening', {});
    expect(run.statusCode, run.body).toBe(200);
    const minister = run.json<{ results: Result[] }>().results.find((r) => r.person === 'a-minister');
    expect(minister?.matches[0]?.ref).toBe('TAi.999');

    const decided = await s.call('reviewer', 'POST', '/api/cases/mini/screening/decisions', { person: 'a-minister', list: 'un', ref: 'TAi.999', decision: 'confirmed', reason: 'same birth year and post' });
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json()).toMatchObject({ actor: 'user:reviewer', decision: 'confirmed' });

    const again = await s.call('analyst', 'POST', '/api/cases/mini/screening', {});
    const match = again.json<{ results: Result[] }>().results.find((r) => r.person === 'a-minister')?.matches[0];
    expect(match?.decision).toMatchObject({ decision: 'confirmed', reason: 'same birth year and post' });
    const stored = (await s.call('viewer', 'GET', '/api/cases/mini/screening')).json<{ last: unknown; decisions: unknown[] }>();
    expect(stored.last).not.toBeNull();
    expect(stored.decisions).toHaveLength(1);
  });

  it('refuses a decision on an actor that is not a person of the case', async () => {
    const res = await s.call('reviewer', 'POST', '/api/cases/mini/screening/decisions', { person: 'taliban', list: 'un', ref: 'TAi.999', decision: 'confirmed', reason: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('body.person');
  });
});

describe('screening without lists', () => {
  it('answers 409 with what to do', async () => {
    const s = await startTestServer('sqlite');
    try {
      const res = await s.call('viewer', 'POST', '/api/screen', { names: ['Anyone'] });
      expect(res.statusCode).toBe(409);
      expect(res.json<{ detail: string }>().detail).toMatch(/deeds import un-sanctions/);
    } finally {
      await s.close();
    }
  });
});
