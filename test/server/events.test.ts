// Indicators and alerts over HTTP, on the real UCDP sample imported into the test server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKinds } from '../../src/import/registry.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { dataFile } from '../helpers/data.js';

const GED = dataFile('ucdp-ged/ged_sample_lilinduo_afghanistan.csv');

interface SeriesJson { id: string; period: string; periods: string[]; values: number[]; total: number }

describe.skipIf(!GED)('event routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await importKinds.find((k) => k.kind === 'ucdp-ged')?.importFile(s.store, GED as string, { actor: 'test:setup' });
    const indicator = { id: 'ind-af-events', dataset: 'ucdp-ged', filter: { country: 'Afghanistan' }, measure: 'events', period: 'month' };
    expect((await s.call('analyst', 'POST', '/api/cases/mini/objects/indicators', indicator)).statusCode).toBe(201);
    const tripwire = { id: 'tw-rise', kind: 'rise_over_baseline', indicator: 'ind-af-events', baseline: { from: '2019-01-01', to: '2019-06-30' }, active: { from: '2020-01-01' }, factor: 1.5, min_value: 1, advice: 'review the pace of talks' };
    expect((await s.call('analyst', 'POST', '/api/cases/mini/objects/tripwires', tripwire)).statusCode).toBe(201);
  });
  afterAll(async () => s?.close());

  it('gives a zero-filled monthly series that counts the imported events', async () => {
    const res = await s.call('viewer', 'GET', '/api/cases/mini/indicators?as_of=2021-12-31&from=2021-01-01&to=2021-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const [series] = res.json<{ indicators: SeriesJson[] }>().indicators;
    expect(series).toMatchObject({ id: 'ind-af-events', period: 'month' });
    expect(series?.periods).toHaveLength(12);
    expect(series?.values).toHaveLength(12);
    expect(series?.total).toBe(67); // the sample holds 67 Afghan events dated 2021
  });

  it('gives the alerts JSON of docs/cli.md', async () => {
    const res = await s.call('viewer', 'GET', '/api/cases/mini/alerts?as_of=2021-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ case: string; as_of: string; alerts: { tripwire: string; kind: string; periods: string[] }[] }>();
    expect(body).toMatchObject({ case: 'mini', as_of: '2021-12-31' });
    for (const a of body.alerts) expect(Object.keys(a)).toEqual(expect.arrayContaining(['tripwire', 'kind', 'periods', 'first', 'advice']));
  });

  it('refuses a bad date with a 400 naming the field', async () => {
    const res = await s.call('viewer', 'GET', '/api/cases/mini/alerts?as_of=tomorrow');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('querystring.as_of');
  });
});
