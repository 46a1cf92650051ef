// The input caps, the same for case files and the API: ids of at most 100 characters (case ids
// too), source URLs only http and https, and nesting of at most 64 levels, `x-` keys included.
// What is refused is refused whole, with a 400 that names the problem; what is stored can always
// be exported and read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFromData } from '../../src/case/from-data.js';
import { parseCase } from '../../src/case/parse.js';
import { CaseInvalidError } from '../../src/case/errors.js';
import { loadCase } from '../../src/store/cases.js';
import { freshStore, storeKinds } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const M = '/api/cases/mini';
const longId = (n: number) => `a${'-b'.repeat((n - 1) / 2)}`.slice(0, n);
/** `{ "x-deep": { "a": { "a": … } } }`: an object `levels` deep below the key. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}
const item = (id: string, extra: Record<string, unknown> = {}) => ({ id, source: 'report', observed: { from: '2021-01-01' }, summary: 's', bears_on: [{ target: 'ct-soil', stance: 'supports' }], ...extra });

describe.each(storeKinds)('input caps over the API on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  const problem = (res: { statusCode: number; headers: Record<string, unknown> }) => {
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  it('refuses ids over 100 characters, for objects, evidence and cases, and takes 100', async () => {
    expect(longId(101)).toHaveLength(101);
    problem(await s.call('analyst', 'POST', `${M}/objects/actors`, { id: longId(101), kind: 'state', name: 'Long' }));
    problem(await s.call('analyst', 'POST', `${M}/evidence`, item(longId(101))));
    problem(await s.call('admin', 'POST', '/api/cases', { ...JSON.parse(JSON.stringify(miniCase())), case: { ...miniCase().case, id: longId(101) } }));
    const ok = await s.call('analyst', 'POST', `${M}/objects/actors`, { id: longId(100), kind: 'state', name: 'Long' });
    expect(ok.statusCode).toBe(201);
    expect((await s.call('viewer', 'GET', `${M}/objects/actors/${longId(100)}`)).statusCode).toBe(200);
  });

  it('reaches a position whose key joins two ids of 100 characters', async () => {
    const party = `p${longId(99)}`;
    const condition = `c${longId(99)}`;
    expect((await s.call('analyst', 'POST', `${M}/objects/actors`, { id: party, kind: 'state', name: 'Party' })).statusCode).toBe(201);
    expect((await s.call('analyst', 'POST', `${M}/objects/conditions`, { id: condition, set_by: [party], category: 'other', text: 'c' })).statusCode).toBe(201);
    expect((await s.call('analyst', 'POST', `${M}/objects/positions`, { party, condition, stance: 'requires' })).statusCode).toBe(201);
    const res = await s.call('viewer', 'GET', `${M}/objects/positions/position:${party}:${condition}`);
    expect(res.statusCode).toBe(200);
  });

  it('refuses a source URL that is not http or https', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      problem(await s.call('analyst', 'POST', `${M}/objects/sources`, { id: 'bad-link', kind: 'report', title: 't', date: '2021', url }));
    }
    expect((await s.call('analyst', 'POST', `${M}/objects/sources`, { id: 'good-link', kind: 'report', title: 't', date: '2021', url: 'https://example.org/report' })).statusCode).toBe(201);
  });

  it('refuses nesting deeper than 64 levels in an x- key, on every write, and the case still exports', async () => {
    const deep = { 'x-deep': nested(2000) };
    problem(await s.call('analyst', 'POST', `${M}/evidence`, item('ev-deep', deep)));
    problem(await s.call('analyst', 'PUT', `${M}/objects/actors/taliban`, { id: 'taliban', kind: 'armed_group', name: 'Taliban', ...deep }));
    problem(await s.call('owner', 'PUT', `${M}/settings`, { case: { 'x-deep': nested(2000) } }));
    // Just past the limit once the item sits in the case (case → evidence → item → x-deep → …).
    problem(await s.call('analyst', 'POST', `${M}/evidence`, item('ev-deep', { 'x-deep': nested(61) })));
    problem(await s.call('analyst', 'PUT', `${M}/objects/actors/taliban`, { id: 'taliban', kind: 'armed_group', name: 'Taliban', 'x-deep': nested(61) }));
    for (const id of ['ev-deep']) expect((await s.call('viewer', 'GET', `${M}/evidence/${id}`)).statusCode).toBe(404);
    // At the limit it is stored, and the export still reads back.
    expect((await s.call('analyst', 'POST', `${M}/evidence`, item('ev-deep-ok', { 'x-deep': nested(59) }))).statusCode).toBe(201);
    const exported = await s.call('viewer', 'GET', `${M}/export`);
    expect(exported.statusCode).toBe(200);
    const files = Object.entries(exported.json<{ files: Record<string, string> }>().files).map(([file, text]) => ({ file, text }));
    expect(parseCase(files).ok).toBe(true);
  });
});

describe('the same caps for case files', () => {
  it('refuses a case id or an object id over 100 characters', () => {
    expect(() => caseFromData({ ...miniCase(), case: { ...miniCase().case, id: longId(101) } })).toThrow(/at most 100 characters/);
    expect(() => caseFromData({ ...miniCase(), actors: [...miniCase().actors, { id: longId(101), kind: 'state', name: 'x' }] })).toThrow(/at most 100 characters/);
  });

  it('refuses a javascript: source URL in a YAML case file', () => {
    const text = `case: { id: c, title: t, subject: s }\nactors: [{ id: s, kind: state, name: S }]\nsources: [{ id: r, kind: report, title: t, date: '2021', url: 'javascript:alert(1)' }]\n`;
    const result = parseCase([{ file: 'case.yaml', text }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join(' ')).toMatch(/http and https/);
  });

  it('refuses to store a case nested deeper than 64 levels, on both databases', async () => {
    for (const kind of storeKinds) {
      const store = await freshStore(kind);
      try {
        const deep = miniCase({ actors: [...miniCase().actors, { id: 'deep', kind: 'state', name: 'D', 'x-deep': nested(70) }] });
        await expect(loadCase(store, deep, { actor: 'test' })).rejects.toBeInstanceOf(CaseInvalidError);
        await expect(loadCase(store, deep, { actor: 'test' })).rejects.toThrow(/nesting is too deep/);
      } finally {
        await store.close();
      }
    }
  });
});
