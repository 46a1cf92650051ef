// `deeds fetch KIND`: download the official current file of a dataset or list, keep it in a
// cache, and import it through the same code as `deeds import`. Every URL is an official one
// whose origin can be replaced (--base-url or DEEDS_FETCH_BASE_URL), so tests serve fixture files
// from 127.0.0.1 along exactly the same code path; --url replaces a whole URL.
//
//   ucdp-ged        GED CSV zip (streamed to disk, the CSV streamed out of it); or, with --api,
//                   the UCDP API's JSON pages (token from UCDP_API_TOKEN) written as NDJSON
//   acled           ACLED API JSON pages (token from ACLED_ACCESS_TOKEN) written as NDJSON
//   un-sanctions    UN Security Council Consolidated List, XML
//   ofac-sdn        OFAC SDN list, the CSV set (sdn.csv, alt.csv, add.csv, sdn_comments.csv)
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { ImportKind, ImportSummary } from './kinds.js';
import type { Store } from '../store/open.js';
import { versionFromName } from '../events/index.js';
import { importEventFile } from './events.js';
import { extractZipEntry, listZip, ZipError } from './events-zip.js';
import type { ErrorCode } from '../errors/index.js';

export class FetchError extends Error {
  override name = 'FetchError';
  readonly code = 'fetch_failed' satisfies ErrorCode;
}

export const fetchKinds = ['ucdp-ged', 'acled', 'un-sanctions', 'ofac-sdn'] as const;
export type FetchKind = (typeof fetchKinds)[number];

/** The GED version `deeds fetch ucdp-ged` downloads unless told otherwise. */
export const DEFAULT_GED_VERSION = '25.1';

export const officialUrls = {
  gedZip: (version: string) => `https://ucdp.uu.se/downloads/ged/ged${version.replace('.', '')}-csv.zip`,
  gedApi: (version: string) => `https://ucdpapi.pcr.uu.se/api/gedevents/${version}`,
  acledApi: 'https://acleddata.com/api/acled/read',
  unSanctions: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
  /** The legacy CSV set: SDN.CSV with its ALT, ADD and SDN_COMMENTS companions. */
  ofacSdn: (file: 'SDN' | 'ALT' | 'ADD' | 'SDN_COMMENTS') => `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/${file}.CSV`,
} as const;

export const ENV = {
  baseUrl: 'DEEDS_FETCH_BASE_URL',
  cacheDir: 'DEEDS_CACHE_DIR',
  ucdpToken: 'UCDP_API_TOKEN',
  acledToken: 'ACLED_ACCESS_TOKEN',
} as const;

export interface FetchOptions {
  actor: string;
  /** Replaces the scheme, host and port of every official URL. */
  baseUrl?: string;
  /** Replaces the URL altogether (the first page's, for APIs). */
  url?: string;
  cacheDir?: string;
  /** GED version, e.g. "25.1". */
  version?: string;
  /** Keep only these countries' events (ISO alpha-2 or dataset names). */
  countries?: string[];
  /** ucdp-ged: read the UCDP API instead of the zip. */
  api?: boolean;
  /** Download again even when the cached copy is current. */
  refresh?: boolean;
  env?: NodeJS.ProcessEnv;
  onProgress?: (done: number, total: number) => void;
  /** Pages of API results, for tests; default 1000 (UCDP) or 5000 (ACLED). */
  pageSize?: number;
  /** Stop after this many API pages (a guard against an endless NextPageUrl chain). */
  maxPages?: number;
}

export interface FetchResult extends ImportSummary {
  source_url: string;
  cached_file: string;
  /** True when the server said the cached copy is current (HTTP 304) and nothing was downloaded. */
  from_cache: boolean;
  downloaded_bytes: number;
}

function withBase(url: string, base: string | undefined): string {
  if (!base) return url;
  const u = new URL(url);
  const b = new URL(base);
  const path = b.pathname.replace(/\/$/, '') + u.pathname;
  return `${b.origin}${path}${u.search}`;
}

function cacheRoot(options: FetchOptions): string {
  const env = options.env ?? process.env;
  return options.cacheDir ?? env[ENV.cacheDir] ?? join('.deeds', 'cache');
}

export async function fetchAndImport(store: Store, kind: FetchKind, kinds: ImportKind[], options: FetchOptions): Promise<FetchResult> {
  const env = options.env ?? process.env;
  const base = options.baseUrl ?? env[ENV.baseUrl];
  const dir = join(cacheRoot(options), kind);
  await mkdir(dir, { recursive: true });
  if (kind === 'ucdp-ged' && !options.api) {
    const version = options.version ?? DEFAULT_GED_VERSION;
    const url = options.url ?? withBase(officialUrls.gedZip(version), base);
    const zipFile = join(dir, safeName(basename(new URL(url).pathname) || `ged${version.replace('.', '')}-csv.zip`));
    const dl = await download(url, zipFile, { refresh: options.refresh });
    const csv = await unzipCsv(zipFile, dir);
    const fileVersion = options.version ?? versionFromName(csv) ?? versionFromName(zipFile) ?? null;
    const summary = await importEventFile(store, csv, { actor: options.actor, dataset: 'ucdp-ged', version: fileVersion, countries: options.countries, sourceUrl: url, onProgress: options.onProgress });
    return { ...plain(summary), source_url: url, cached_file: csv, from_cache: dl.notModified, downloaded_bytes: dl.bytes };
  }
  if (kind === 'ucdp-ged' || kind === 'acled') {
    const version = kind === 'ucdp-ged' ? (options.version ?? DEFAULT_GED_VERSION) : null;
    const first = options.url ?? (kind === 'ucdp-ged' ? withBase(officialUrls.gedApi(version as string), base) : withBase(officialUrls.acledApi, base));
    const file = join(dir, kind === 'ucdp-ged' ? `ged-api-v${(version as string).replace('.', '_')}.ndjson` : 'acled-api.ndjson');
    const pages = kind === 'ucdp-ged' ? await ucdpApiPages(first, file, options, env) : await acledApiPages(first, file, options, env);
    const summary = await importEventFile(store, file, { actor: options.actor, dataset: kind, version, countries: options.countries, sourceUrl: first, onProgress: options.onProgress });
    return { ...plain(summary), source_url: first, cached_file: file, from_cache: false, downloaded_bytes: pages.bytes };
  }
  const importer = kinds.find((k) => k.kind === kind);
  if (kind === 'ofac-sdn') {
    // The CSV set, each file saved under the lower-case name the OFAC reader looks for beside sdn.csv.
    const url = options.url ?? withBase(officialUrls.ofacSdn('SDN'), base);
    let bytes = 0;
    let notModified = true;
    for (const part of ['SDN', 'ALT', 'ADD', 'SDN_COMMENTS'] as const) {
      const partUrl = part === 'SDN' ? url : url.replace(/SDN\.CSV$/i, `${part}.CSV`);
      if (part !== 'SDN' && partUrl === url) break;
      const dl = await download(partUrl, join(dir, `${part.toLowerCase()}.csv`), { refresh: options.refresh });
      bytes += dl.bytes;
      notModified &&= dl.notModified;
    }
    if (!importer) throw new FetchError(`no import kind "${kind}"`);
    const file = join(dir, 'sdn.csv');
    const summary = await importer.importFile(store, file, { actor: options.actor, onProgress: options.onProgress });
    return { ...plain(summary), source_url: url, cached_file: file, from_cache: notModified, downloaded_bytes: bytes };
  }
  const url = options.url ?? withBase(officialUrls.unSanctions, base);
  const file = join(dir, 'consolidated.xml');
  const dl = await download(url, file, { refresh: options.refresh });
  if (!importer) throw new FetchError(`no import kind "${kind}"`);
  const summary = await importer.importFile(store, file, { actor: options.actor, onProgress: options.onProgress });
  return { ...plain(summary), source_url: url, cached_file: file, from_cache: dl.notModified, downloaded_bytes: dl.bytes };
}

function plain(s: ImportSummary): ImportSummary {
  return { kind: s.kind, files: s.files, read: s.read, inserted: s.inserted, updated: s.updated, unchanged: s.unchanged, rejected: s.rejected, rejects: s.rejects };
}

function safeName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  return clean === '' ? 'download' : clean;
}

interface Meta {
  url: string;
  etag?: string;
  last_modified?: string;
  fetched_at: string;
  bytes: number;
}

/**
 * Streams `url` to `file` (through a temporary file, renamed when complete, so a broken download
 * never replaces a good copy). A cached copy is revalidated with ETag / Last-Modified.
 */
export async function download(url: string, file: string, options: { refresh?: boolean; headers?: Record<string, string> } = {}): Promise<{ notModified: boolean; bytes: number }> {
  const metaFile = `${file}.meta.json`;
  let meta: Meta | null = null;
  if (!options.refresh) {
    try {
      meta = JSON.parse(await readFile(metaFile, 'utf8')) as Meta;
      await stat(file);
      if (meta.url !== url) meta = null;
    } catch {
      meta = null;
    }
  }
  const headers: Record<string, string> = { 'user-agent': 'deeds (https://github.com/; conflict-event import)', ...options.headers };
  if (meta?.etag) headers['if-none-match'] = meta.etag;
  if (meta?.last_modified) headers['if-modified-since'] = meta.last_modified;
  const response = await request(url, headers);
  if (response.status === 304 && meta) {
    await response.body?.cancel();
    return { notModified: true, bytes: 0 };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new FetchError(`${url}: HTTP ${response.status} ${response.statusText}`);
  }
  const part = `${file}.part`;
  let bytes = 0;
  try {
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => (bytes += chunk.length));
    await pipeline(body, createWriteStream(part));
  } catch (err) {
    await rm(part, { force: true });
    throw new FetchError(`${url}: the download broke off after ${bytes} bytes: ${(err as Error).message}`);
  }
  const expected = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(expected) && expected !== bytes && !response.headers.get('content-encoding')) {
    await rm(part, { force: true });
    throw new FetchError(`${url}: expected ${expected} bytes, received ${bytes} (truncated download)`);
  }
  await rename(part, file);
  const next: Meta = { url, fetched_at: new Date().toISOString(), bytes };
  const etag = response.headers.get('etag');
  const modified = response.headers.get('last-modified');
  if (etag) next.etag = etag;
  if (modified) next.last_modified = modified;
  await writeFile(metaFile, JSON.stringify(next, null, 2));
  return { notModified: false, bytes };
}

async function request(url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers, redirect: 'follow' });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchError(`cannot reach ${new URL(url).origin}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
}

/** The largest CSV in the archive, written beside it. */
async function unzipCsv(zipFile: string, dir: string): Promise<string> {
  let entries;
  try {
    entries = await listZip(zipFile);
  } catch (err) {
    if (err instanceof ZipError) throw new FetchError(`the download ${zipFile} is not a usable ZIP archive: ${err.message}`);
    throw err;
  }
  const csvs = entries.filter((e) => /\.csv$/i.test(e.name)).sort((a, b) => b.size - a.size);
  const entry = csvs[0];
  if (!entry) throw new FetchError(`${zipFile} holds no CSV file (entries: ${entries.map((e) => e.name).slice(0, 10).join(', ') || 'none'})`);
  const out = join(dir, safeName(basename(entry.name)));
  const part = `${out}.part`;
  try {
    await extractZipEntry(zipFile, entry.name, part);
  } catch (err) {
    await rm(part, { force: true });
    if (err instanceof ZipError) throw new FetchError(err.message);
    throw err;
  }
  await rename(part, out);
  return out;
}

/** Follows the UCDP API's NextPageUrl chain, writing each event as one NDJSON line. */
async function ucdpApiPages(first: string, file: string, options: FetchOptions, env: NodeJS.ProcessEnv): Promise<{ bytes: number; pages: number }> {
  const token = env[ENV.ucdpToken];
  if (!token) throw new FetchError(`the UCDP API needs an access token: set ${ENV.ucdpToken} (request one from UCDP), or fetch the zip without --api`);
  const u = new URL(first);
  if (!u.searchParams.has('pagesize')) u.searchParams.set('pagesize', String(options.pageSize ?? 1000));
  const countries = (options.countries ?? []).filter((c) => /^\d+$/.test(c));
  if (countries.length && !u.searchParams.has('Country')) u.searchParams.set('Country', countries.join(','));
  const base = options.baseUrl ?? env[ENV.baseUrl];
  return pagesToNdjson(file, options, async (page, url) => {
    const data = await getJson(url ?? u.toString(), { 'x-ucdp-access-token': token });
    if (!data || typeof data !== 'object' || !Array.isArray((data as Record<string, unknown>)['Result'])) throw new FetchError(`${String(url ?? u)}: page ${page} is not a UCDP API page (no "Result" list)`);
    const d = data as { Result: unknown[]; NextPageUrl?: string | null };
    const next = typeof d.NextPageUrl === 'string' && d.NextPageUrl !== '' ? withBase(d.NextPageUrl, base) : null;
    return { items: d.Result, next };
  });
}

/** ACLED's API: `page=1,2,…` until a page comes back short or empty. */
async function acledApiPages(first: string, file: string, options: FetchOptions, env: NodeJS.ProcessEnv): Promise<{ bytes: number; pages: number }> {
  const token = env[ENV.acledToken];
  if (!token) throw new FetchError(`the ACLED API needs an OAuth access token: set ${ENV.acledToken} (see acleddata.com's API documentation)`);
  const limit = options.pageSize ?? 5000;
  const names = (options.countries ?? []).filter((c) => !/^\d+$/.test(c) && c.length > 2);
  return pagesToNdjson(file, options, async (page) => {
    const u = new URL(first);
    u.searchParams.set('_format', 'json');
    u.searchParams.set('limit', String(limit));
    u.searchParams.set('page', String(page));
    if (names.length && !u.searchParams.has('country')) u.searchParams.set('country', names.join('|'));
    const data = await getJson(u.toString(), { authorization: `Bearer ${token}` });
    const list = data && typeof data === 'object' ? (data as Record<string, unknown>)['data'] : undefined;
    if (!Array.isArray(list)) throw new FetchError(`${String(u)}: page ${page} is not an ACLED API page (no "data" list)`);
    return { items: list, next: list.length >= limit ? 'more' : null };
  });
}

type PageReader = (page: number, next: string | null) => Promise<{ items: unknown[]; next: string | null }>;

async function pagesToNdjson(file: string, options: FetchOptions, readPage: PageReader): Promise<{ bytes: number; pages: number }> {
  const part = `${file}.part`;
  const out = createWriteStream(part);
  const max = options.maxPages ?? 10_000;
  let bytes = 0;
  let page = 1;
  let next: string | null = null;
  try {
    for (;;) {
      const { items, next: following } = await readPage(page, next);
      let text = '';
      for (const item of items) text += JSON.stringify(item) + '\n';
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
      if (!following || items.length === 0) break;
      if (page >= max) throw new FetchError(`stopped after ${max} pages: the API kept announcing more`);
      next = following === 'more' ? null : following;
      page++;
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  } catch (err) {
    out.destroy();
    await rm(part, { force: true });
    throw err;
  }
  await rename(part, file);
  return { bytes, pages: page };
}

async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await request(url, { accept: 'application/json', ...headers });
  const text = await response.text();
  if (response.status === 401 || response.status === 403) throw new FetchError(`${url}: HTTP ${response.status}: the access token was refused`);
  if (!response.ok) throw new FetchError(`${url}: HTTP ${response.status} ${response.statusText}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new FetchError(`${url}: the answer is not JSON (${JSON.stringify(text.slice(0, 80))})`);
  }
}
