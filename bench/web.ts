/// <reference lib="dom" />
// Benchmark of the web UI: the production bundle's initial JavaScript (gzip), and the time to a
// usable page on the bundled case in Chromium — from navigation start to the page's content on
// screen with nothing still loading — for every kind of page (dashboard, index pages, object
// pages, forms, administration), as the median of several runs against a real `deeds serve`.
// Targets: initial JS < 350 KB gzip (ECharts is code-split), every page < 1.5 s.
// Run: npx tsx bench/web.ts [runs]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CASE_ID, ensureBuilt, PASSWORD, startServer, USERS } from '../test/web/e2e/server.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'web', 'dist');
const RUNS = Number(process.argv[2] ?? 9);
const TARGET_KB = 350;
const TARGET_MS = 1500;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function bundleSizes(): { initial: number; initialFiles: string[]; lazy: { file: string; gzip: number }[] } {
  ensureBuilt();
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // What the first page load fetches: the entry module and the chunks it preloads.
  const initialFiles = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const assets = new Set<string>();
  for (const f of readdirJs()) assets.add(f);
  const lazy = [...assets].filter((f) => !initialFiles.includes(f)).map((file) => ({ file, gzip: gz(file) }));
  return { initial: initialFiles.reduce((sum, f) => sum + gz(f), 0), initialFiles, lazy };
}

function readdirJs(): string[] {
  const dir = join(dist, 'assets');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`) : [];
}

// Every page of the workspace, as an admin (who may open all of them), at a date with findings.
const PAGES: Array<{ name: string; path: string; ready: string }> = [
  { name: 'dashboard', path: `/cases/${CASE_ID}?as_of=2023-01-01`, ready: '#coalition' },
  { name: 'commitments index', path: `/cases/${CASE_ID}/commitments?as_of=2023-01-01`, ready: 'main table' },
  { name: 'claims audit', path: `/cases/${CASE_ID}/claims?as_of=2023-01-01`, ready: 'main table' },
  { name: 'commitment page', path: `/cases/${CASE_ID}/commitments/ct-no-use-of-soil?as_of=2023-01-01`, ready: 'main h1' },
  { name: 'all objects', path: `/cases/${CASE_ID}/objects`, ready: 'main h1' },
  { name: 'actors index', path: `/cases/${CASE_ID}/objects/actors`, ready: 'main table' },
  { name: 'new commitment form', path: `/cases/${CASE_ID}/objects/commitments/new`, ready: 'main form' },
  { name: 'edit commitment form', path: `/cases/${CASE_ID}/objects/commitments/ct-no-use-of-soil/edit`, ready: 'main form' },
  { name: 'evidence ledger', path: `/cases/${CASE_ID}/evidence`, ready: 'main table' },
  { name: 'what changed', path: `/cases/${CASE_ID}/changes?from=2021-01-01&to=2023-01-01`, ready: 'main h1' },
  { name: 'settings', path: `/cases/${CASE_ID}/settings`, ready: 'main form' },
  { name: 'screening review', path: `/cases/${CASE_ID}/screening/review`, ready: 'main h1' },
  { name: 'users', path: '/admin/users', ready: 'main table' },
  { name: 'audit log', path: '/admin/audit', ready: 'main table' },
  { name: 'new case', path: '/new-case', ready: 'main form' },
];

/** Navigation start → the page's content on screen and nothing still loading, per page. */
async function pageTimes(): Promise<Map<string, number[]>> {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const signedIn = await browser.newContext({ baseURL: server.url });
    const r = await signedIn.request.post('/api/session', { data: { username: USERS.admin, password: PASSWORD } });
    if (!r.ok()) throw new Error(`sign-in failed: ${r.status()}`);
    const state = await signedIn.storageState();
    await signedIn.close();
    const times = new Map<string, number[]>(PAGES.map((p) => [p.name, []]));
    // One warm-up round (the server's first assessment fills its case cache), then the measured
    // ones, each page in a fresh browser context: no HTTP cache, as for a colleague opening a link.
    for (let i = 0; i <= RUNS; i++) {
      for (const p of PAGES) {
        const context = await browser.newContext({ baseURL: server.url, storageState: state, viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(p.path, { waitUntil: 'commit' });
        await page.waitForSelector(p.ready);
        await page.waitForFunction(() => !document.querySelector('.loading'));
        const ms = await page.evaluate(() => performance.now());
        if (i > 0) times.get(p.name)!.push(ms);
        await context.close();
      }
    }
    return times;
  } finally {
    await browser.close();
    await server.stop();
  }
}

const sizes = bundleSizes();
console.log(`initial JS (gzip): ${kb(sizes.initial)} KB in ${sizes.initialFiles.join(', ')} — target < ${TARGET_KB} KB: ${kb(sizes.initial) < TARGET_KB ? 'met' : 'MISSED'}`);
for (const l of sizes.lazy) console.log(`  loaded on demand: ${l.file} ${kb(l.gzip)} KB gzip`);

if (!existsSync(CHROMIUM)) {
  console.log(`time to usable dashboard: not measured — no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
} else {
  const all = await pageTimes();
  let slowest = 0;
  for (const [name, times] of all) {
    const m = median(times);
    slowest = Math.max(slowest, m);
    console.log(`time to usable ${name} (navigation start → content rendered, nothing loading), bundled case, ${times.length} runs: ` +
      `median ${Math.round(m)} ms, max ${Math.round(Math.max(...times))} ms`);
  }
  console.log(`slowest page median ${Math.round(slowest)} ms — target < ${TARGET_MS} ms on every page: ${slowest < TARGET_MS ? 'met' : 'MISSED'}`);
}
