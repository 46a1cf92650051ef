// `deeds fetch` against a local HTTP server on 127.0.0.1 that serves fixture files at the official
// paths: the same code path as a real download (DEEDS_FETCH_BASE_URL swaps only the origin), no internet.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAndImport, FetchError } from '../../src/import/events-fetch.js';
import { importKinds } from '../../src/import/registry.js';
import { getEvent, listEventImports } from '../../src/store/events.js';
import type { Store } from '../../src/store/open.js';
import { dataDir, ged, haveEventData, sqliteStore, tempDir } from './helpers.js';

/** A ZIP archive of the given entries (deflated unless `store`), as zip tools write it. */
export function makeZip(entries: Array<{ name: string; data: Buffer; store?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : zlib.deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// Without the real sample (outside CI), a small stand-in keeps the ZIP tests running; fetch is skipped.
const sampleCsv = haveEventData ? readFileSync(ged.sample) : Buffer.from(Array.from({ length: 4000 }, (_, i) => `${i},${(i * 7919) % 100003},${(i * 104729) % 99991}\n`).join(''));
const gedZip = makeZip([{ name: 'readme.txt', data: Buffer.from('UCDP GED 25.1'), store: true }, { name: 'GEDEvent_v25_1.csv', data: sampleCsv }]);

/** Events shaped as the UCDP API gives them (same keys as the CSV, ISO timestamps), paged with NextPageUrl on the real host. */
function apiEvents(): Array<Record<string, unknown>> {
  return Array.from({ length: 1000 }, (_, i) => ({
    id: 900000 + i, type_of_violence: 1 + (i % 3), country: i % 4 === 0 ? 'Afghanistan' : 'Syria', adm_1: i % 4 === 0 ? 'Hilmand province' : 'Idlib governorate',
    latitude: 31.5, longitude: 64.3, side_a_new_id: 130, side_a: 'Government of Afghanistan', side_b_new_id: 303, side_b: 'Taleban',
    date_start: '2021-06-01T00:00:00', date_end: '2021-06-02T00:00:00', deaths_civilians: 0, best: i % 5,
  }));
}

let server: Server;
let base: string;
const seen: Array<{ url: string; headers: IncomingMessage['headers'] }> = [];
const gedEtag = `"${createHash('sha256').update(gedZip).digest('hex').slice(0, 16)}"`;

function route(req: IncomingMessage, res: ServerResponse): void {
  seen.push({ url: req.url ?? '', headers: req.headers });
  const url = new URL(req.url ?? '/', 'http://localhost');
  const send = (status: number, body: Buffer | string, type = 'application/octet-stream', extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
    res.end(body);
  };
  switch (url.pathname) {
    case '/downloads/ged/ged251-csv.zip':
      if (req.headers['if-none-match'] === gedEtag) {
        res.writeHead(304);
        res.end();
        return;
      }
      return send(200, gedZip, 'application/zip', { etag: gedEtag });
    case '/downloads/ged/ged241-csv.zip': {
      // A corrupt archive: one byte of the deflated CSV flipped.
      const bad = Buffer.from(gedZip);
      bad[2000] = (bad[2000] as number) ^ 0xff;
      return send(200, bad, 'application/zip');
    }
    case '/downloads/ged/ged231-csv.zip':
      // Truncated: the server promises more bytes than it sends, then hangs up.
      res.writeHead(200, { 'content-length': String(gedZip.length) });
      res.write(gedZip.subarray(0, 5000));
      res.destroy();
      return;
    case '/api/gedevents/25.1': {
      if (req.headers['x-ucdp-access-token'] !== 'sesame') return send(401, '{"error":"no token"}', 'application/json');
      const size = Number(url.searchParams.get('pagesize'));
      const page = Number(url.searchParams.get('page') ?? 0);
      const all = apiEvents();
      const result = all.slice(page * size, (page + 1) * size);
      const more = (page + 1) * size < all.length;
      const next = more ? `https://ucdpapi.pcr.uu.se/api/gedevents/25.1?pagesize=${size}&page=${page + 1}` : '';
      return send(200, JSON.stringify({ TotalCount: all.length, TotalPages: Math.ceil(all.length / size), PreviousPageUrl: '', NextPageUrl: next, Result: result }), 'application/json');
    }
    case '/api/acled/read': {
      if (req.headers.authorization !== 'Bearer acled-token') return send(403, '{"error":"forbidden"}', 'application/json');
      const limit = Number(url.searchParams.get('limit'));
      const page = Number(url.searchParams.get('page'));
      const all = Array.from({ length: 7 }, (_, i) => ({ event_id_cnty: `AFG${1000 + i}`, event_date: `2021-08-${String(10 + i)}`, event_type: i % 2 ? 'Battles' : 'Violence against civilians', country: 'Afghanistan', admin1: i % 2 ? 'Panjsher' : 'Kabul', latitude: '34.5', longitude: '69.2', actor1: 'Taliban', actor2: i % 2 ? 'NRF' : 'Civilians (Afghanistan)', civilian_targeting: i % 2 ? '' : 'Civilian targeting', fatalities: String(i) }));
      return send(200, JSON.stringify({ status: 200, success: true, count: 0, data: all.slice((page - 1) * limit, page * limit) }), 'application/json');
    }
    case '/resources/xml/en/consolidated.xml':
      return send(200, readFileSync(join(dataDir, 'un-sc-consolidated', 'consolidated_2020-03-20.xml')), 'application/xml');
    case '/api/PublicationPreview/exports/SDN.CSV':
    case '/api/PublicationPreview/exports/ALT.CSV':
    case '/api/PublicationPreview/exports/ADD.CSV':
    case '/api/PublicationPreview/exports/SDN_COMMENTS.CSV': {
      const name = basenameLower(url.pathname);
      return send(200, readFileSync(join(dataDir, 'ofac-sdn', 'watchman-bench-2021-07', name)), 'text/csv');
    }
    default:
      return send(404, 'not found', 'text/plain');
  }
}

/** The built CLI, run without blocking this process (whose event loop serves the fixtures). */
function deedsAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(root, 'bin', 'deeds'), ...args], { cwd: root, env: { ...process.env, DEEDS_DB: '', DEEDS_USER: 'tester', ...env } });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function basenameLower(path: string): string {
  return (path.split('/').pop() as string).toLowerCase();
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// The ZIP reader's own tests, zip bombs included, are in zip.test.ts.

describe.skipIf(!haveEventData)('fetch', () => {
  let store: Store;
  let cacheDir: string;
  beforeAll(async () => {
    store = await sqliteStore();
    cacheDir = tempDir();
  });
  afterAll(async () => {
    await store.close();
  });
  const opts = (o: object = {}) => ({ actor: 'test', baseUrl: base, cacheDir, env: {}, ...o });

  it('ucdp-ged: downloads the GED zip, unzips the CSV, imports it with its version and URL', async () => {
    const r = await fetchAndImport(store, 'ucdp-ged', importKinds, opts({ countries: ['AF'] }));
    expect(r).toMatchObject({ kind: 'ucdp-ged', read: 1000, inserted: 135, rejected: 0, from_cache: false, downloaded_bytes: gedZip.length });
    expect(r.source_url).toBe(`${base}/downloads/ged/ged251-csv.zip`);
    expect(r.cached_file).toBe(join(cacheDir, 'ucdp-ged', 'GEDEvent_v25_1.csv'));
    const [imp] = await listEventImports(store.db);
    expect(imp).toMatchObject({ version: '25.1', file_name: 'GEDEvent_v25_1.csv', source_url: `${base}/downloads/ged/ged251-csv.zip`, inserted: 135 });
    expect((await getEvent(store.db, 'ucdp-ged', '300380'))).toBeUndefined();
  });

  it('a second fetch revalidates the cache (304) and imports nothing new', async () => {
    const r = await fetchAndImport(store, 'ucdp-ged', importKinds, opts({ countries: ['AF'] }));
    expect(r).toMatchObject({ from_cache: true, downloaded_bytes: 0, inserted: 0, unchanged: 135 });
    expect(seen.filter((s) => s.url === '/downloads/ged/ged251-csv.zip').at(-1)?.headers['if-none-match']).toBe(gedEtag);
  });

  it('a corrupt or truncated archive fails clearly and leaves the database untouched', async () => {
    const before = await listEventImports(store.db);
    await expect(fetchAndImport(store, 'ucdp-ged', importKinds, opts({ version: '24.1' }))).rejects.toThrow(/CRC-32 mismatch|cannot unzip/);
    await expect(fetchAndImport(store, 'ucdp-ged', importKinds, opts({ version: '23.1' }))).rejects.toThrow(FetchError);
    expect(await listEventImports(store.db)).toEqual(before);
  });

  it('an HTTP error names the URL and status', async () => {
    await expect(fetchAndImport(store, 'ucdp-ged', importKinds, opts({ url: `${base}/nothing-here.zip` }))).rejects.toThrow(`${base}/nothing-here.zip: HTTP 404`);
  });

  it('ucdp-ged --api: follows NextPageUrl with the token from the environment, writes NDJSON, imports', async () => {
    await expect(fetchAndImport(store, 'ucdp-ged', importKinds, opts({ api: true }))).rejects.toThrow(/needs an access token: set UCDP_API_TOKEN/);
    await expect(fetchAndImport(store, 'ucdp-ged', importKinds, opts({ api: true, env: { UCDP_API_TOKEN: 'wrong' } }))).rejects.toThrow(/HTTP 401: the access token was refused/);
    const r = await fetchAndImport(store, 'ucdp-ged', importKinds, opts({ api: true, env: { UCDP_API_TOKEN: 'sesame' }, pageSize: 400 }));
    expect(r).toMatchObject({ read: 1000, inserted: 1000, rejected: 0 });
    expect(seen.filter((s) => s.url.startsWith('/api/gedevents/25.1')).map((s) => new URL(s.url, 'http://x').searchParams.get('page'))).toContain('2');
    expect(await getEvent(store.db, 'ucdp-ged', '900000')).toMatchObject({ date_start: '2021-06-01', date_end: '2021-06-02', province: 'Helmand', side_b_id: '303' });
  });

  it('acled: pages of the ACLED API with a bearer token', async () => {
    const r = await fetchAndImport(store, 'acled', importKinds, opts({ env: { ACLED_ACCESS_TOKEN: 'acled-token' }, pageSize: 3 }));
    expect(r).toMatchObject({ kind: 'acled', read: 7, inserted: 7, rejected: 0 });
    expect(await getEvent(store.db, 'acled', 'AFG1001')).toMatchObject({ event_type: 'Battles', province: 'Panjshir', deaths_best: 1, deaths_civilians: 0 });
    expect(await getEvent(store.db, 'acled', 'AFG1002')).toMatchObject({ deaths_best: 2, deaths_civilians: 2 });
  });

  it('un-sanctions and ofac-sdn: the same mechanism feeds the sanctions importers', async () => {
    const un = await fetchAndImport(store, 'un-sanctions', importKinds, opts());
    expect(un.kind).toBe('un-sanctions');
    expect(un.inserted).toBeGreaterThan(500);
    const ofac = await fetchAndImport(store, 'ofac-sdn', importKinds, opts());
    expect(ofac.kind).toBe('ofac-sdn');
    expect(ofac.inserted).toBeGreaterThan(5000);
    expect(seen.map((s) => s.url)).toEqual(expect.arrayContaining(['/api/PublicationPreview/exports/ALT.CSV', '/api/PublicationPreview/exports/ADD.CSV']));
  });

  it('the CLI: deeds fetch with DEEDS_FETCH_BASE_URL, and a clear error without a server', async () => {
    const db = join(tempDir(), 'cli.db');
    const r = await deedsAsync(['fetch', 'ucdp-ged', '--db', db, '--json', '--cache-dir', tempDir()], { DEEDS_FETCH_BASE_URL: base });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'ucdp-ged', read: 1000, inserted: 1000, source_url: `${base}/downloads/ged/ged251-csv.zip` });
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const down = await deedsAsync(['fetch', 'ucdp-ged', '--db', db, '--cache-dir', tempDir(), '--base-url', `http://127.0.0.1:${port}`]);
    expect(down.code).toBe(1);
    expect(down.stderr).toBe(`deeds: cannot reach http://127.0.0.1:${port}: ECONNREFUSED\n`);
    const bad = await deedsAsync(['fetch', 'gdelt', '--db', db]);
    expect(bad.code).toBe(2);
  });
});
