// One step of bench/screen-index.ts in a fresh process, so that each figure (build, first query,
// peak memory) is that of its own process: `build` and `update` make the persistent index of a
// collection and store it; `first` opens the store and answers the first query from the stored
// index; `memory` is the reference, the in-memory matcher built from the lists in this process,
// and checks that the stored index returns the same results. Prints one JSON line.
// Run by bench/screen-index.ts: tsx bench/_screen-index-worker.ts MODE DB FTM_FILE UN_FILE QUERIES VERSION
import { readFileSync } from 'node:fs';
import { openStore } from '../src/store/open.js';
import { readFtm } from '../src/sanctions/readers/ftm.js';
import { readUnList } from '../src/sanctions/readers/un.js';
import { indexDigest, persistentIndex } from '../src/screening/index-persist.js';
import { MatchIndex, type IndexedList } from '../src/sanctions/match-index.js';
import { readScreeningIndex, screeningIndexInfo } from '../src/store/screening-index.js';
import { deserializeIndex } from '../src/sanctions/index-file.js';
import { listFile } from '../src/import/sanctions-files.js';

const started = performance.now();
const [mode, db, ftmFile, unFile, queriesFile, version] = process.argv.slice(2) as [string, string, string, string, string, string];
const versions = [`synthetic@${version}`, 'un@2026-02-27'];
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as string[];
const cpu = (since?: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};
const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function lists(): Promise<IndexedList[]> {
  const ftm = await readFtm(listFile(ftmFile));
  if (!('snapshot' in ftm)) throw new Error('expected an FtM entity export');
  return [
    { list: 'synthetic', version: versions[0] as string, entries: ftm.snapshot.entries },
    { list: 'un', version: versions[1] as string, entries: (await readUnList(listFile(unFile))).entries },
  ];
}

/** Queries per CPU second on this thread, after a warm-up pass over every query. */
function speed(index: MatchIndex): number {
  // One full pass first, in every mode, so that both indexes are measured equally warm.
  for (const q of queries) index.search({ name: q });
  let done = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < 3000) {
    for (const q of queries) index.search({ name: q });
    done += queries.length;
  }
  return Math.round(done / (cpu(c0) / 1000));
}

const view = (index: MatchIndex, q: string): string =>
  index.search({ name: q }, { threshold: 0.5, limit: 5 }).map((m) => `${m.ref} ${m.score} ${m.matched_name} ${m.explanation}`).join('\n');

const store = await openStore(db);
try {
  if (mode === 'build' || mode === 'update') {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let readMs = 0;
    let readCpuMs = 0;
    const result = await persistentIndex(store, versions, async () => {
      const r0 = performance.now();
      const rc = process.cpuUsage();
      const l = await lists();
      readMs = performance.now() - r0;
      readCpuMs = cpu(rc);
      return l;
    });
    const totalMs = performance.now() - t0;
    // Voluntary context switches: waits (I/O, fsync, locks); a wall time far above the CPU time
    // with few of them is time spent queued for a CPU on a loaded machine.
    const { voluntaryContextSwitches, involuntaryContextSwitches } = process.resourceUsage();
    console.log(JSON.stringify({ mode, source: result.source, names: result.index.size.names, entries: result.index.size.entries, analysed: result.analysed, readMs: Math.round(readMs), readCpuMs: Math.round(readCpuMs), indexMs: Math.round(totalMs - readMs), cpuMs: Math.round(cpu(c0)), waits: voluntaryContextSwitches, preempted: involuntaryContextSwitches, peakMb: peakMb() }));
  } else if (mode === 'first') {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = await persistentIndex(store, versions, () => Promise.reject(new Error('the index should have been stored')));
    const loadMs = performance.now() - t0;
    const first = result.index.search({ name: queries[0] as string });
    const firstMs = performance.now() - t0;
    const firstCpuMs = cpu(c0);
    console.log(JSON.stringify({ mode, source: result.source, loadMs: Math.round(loadMs), firstQueryMs: Math.round(firstMs), firstCpuMs: Math.round(firstCpuMs), indexMb: Math.round(((await screeningIndexInfo(store, result.digest))?.bytes ?? 0) / 1e6), entriesMb: Math.round(result.index.data.entryText.byteLength / 1e6), sinceStartMs: Math.round(performance.now() - started), processUptimeMs: Math.round(process.uptime() * 1000), firstMatches: first.length, qps: speed(result.index), peakMb: peakMb() }));
  } else if (mode === 'memory') {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const l = await lists();
    const readMs = performance.now() - t0;
    const readCpuMs = cpu(c0);
    const index = new MatchIndex(l);
    const buildMs = performance.now() - t0 - readMs;
    const buildCpuMs = cpu(c0) - readCpuMs;
    index.search({ name: queries[0] as string });
    const firstMs = performance.now() - t0;
    const bytes = await readScreeningIndex(store, indexDigest(versions));
    if (!bytes) throw new Error('no stored index');
    const stored = new MatchIndex(deserializeIndex(bytes));
    let same = 0;
    for (const q of queries) if (view(index, q) === view(stored, q)) same++;
    console.log(JSON.stringify({ mode, readMs: Math.round(readMs), readCpuMs: Math.round(readCpuMs), buildMs: Math.round(buildMs), buildCpuMs: Math.round(buildCpuMs), firstQueryMs: Math.round(firstMs), qps: speed(index), same, compared: queries.length, peakMb: peakMb() }));
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} finally {
  await store.close();
}
