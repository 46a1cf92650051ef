// Benchmark of the web UI (issue 7): the production bundle's initial JavaScript (gzip), and the
// time to a usable dashboard on the demo case in Chromium — from navigation start to the
// headline findings on screen — as the median of several runs against a real `deeds serve`.
// Targets: initial JS < 350 KB gzip (ECharts is code-split), dashboard < 1.5 s.
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

async function dashboardTimes(): Promise<number[]> {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const signedIn = await browser.newContext({ baseURL: server.url });
    const r = await signedIn.request.post('/api/session', { data: { username: USERS.reviewer, password: PASSWORD } });
    if (!r.ok()) throw new Error(`sign-in failed: ${r.status()}`);
    const state = await signedIn.storageState();
    await signedIn.close();
    const times: number[] = [];
    // One warm-up run (the server's first assessment fills its case cache), then the measured ones,
    // each in a fresh browser context: no HTTP cache, as for a colleague opening a shared link.
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ baseURL: server.url, storageState: state, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`/cases/${CASE_ID}?as_of=2023-01-01`, { waitUntil: 'commit' });
      await page.waitForSelector('#headlines');
      await page.waitForSelector('#coalition');
      const ms = await page.evaluate(() => performance.now());
      if (i > 0) times.push(ms);
      await context.close();
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
  const times = await dashboardTimes();
  const m = median(times);
  console.log(`time to usable dashboard (navigation start → headlines and coalition rendered), demo case, ${times.length} runs: ` +
    `median ${Math.round(m)} ms, min ${Math.round(Math.min(...times))} ms, max ${Math.round(Math.max(...times))} ms — target < ${TARGET_MS} ms: ${m < TARGET_MS ? 'met' : 'MISSED'}`);
}
