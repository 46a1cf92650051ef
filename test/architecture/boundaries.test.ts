// The boundary rules of .dependency-cruiser.cjs (run by `npm run lint`) fail when broken: each
// case writes a tiny tree into a temporary folder, one import breaking one rule, and cruises it
// with the project's own rules. A tree that keeps the rules passes, so the rules are not simply
// refusing everything.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;
const made: string[] = [];
afterAll(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });

/** Cruises a tree of files (path → source) with the project's rules; the names of the rules broken. */
async function broken(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'deeds-boundaries-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const { output } = await cruise(['src'], { ruleSet: { forbidden: config.forbidden ?? [] }, baseDir: dir, tsPreCompilationDeps: true, validate: true });
  const result = output as ICruiseResult;
  return [...new Set(result.summary.violations.map((v) => v.rule.name))].sort();
}

/** The smallest tree that keeps every rule: each layer using the one below, through entries. */
const sound: Record<string, string> = {
  'src/util/digest.ts': 'export const digest = (s: string): string => s;\n',
  'src/case/schema.ts': "import { digest } from '../util/digest.js';\nexport const caseId = digest('c');\n",
  'src/store/cases.ts': "import { caseId } from '../case/schema.js';\nexport const stored = caseId;\n",
  'src/assess/index.ts': "import { caseId } from '../case/schema.js';\nexport const assessed = caseId;\n",
  'src/store/event-rows.ts': "import { caseId } from '../case/schema.js';\nexport const rows = caseId;\n",
  'src/events/model.ts': "import { rows } from '../store/event-rows.js';\nexport const events = rows;\n",
  'src/events/index.ts': "export { events } from './model.js';\n",
  'src/report/index.ts': "import { events } from '../events/index.js';\nimport { assessed } from '../assess/index.js';\nexport const report = events + assessed;\n",
  'src/cli/main.ts': "import { report } from '../report/index.js';\nimport { stored } from '../store/cases.js';\nconsole.log(report, stored);\n",
};

describe('the boundary rules', () => {
  it('pass a tree that keeps them', async () => {
    expect(await broken(sound)).toEqual([]);
  });

  it('refuse a store that imports a capability', async () => {
    expect(await broken({ ...sound, 'src/store/events.ts': "import { events } from '../events/index.js';\nexport const e = events;\n" }))
      .toEqual(['store-imports-no-capability']);
  });

  it('refuse an engine that reads files or uses the store', async () => {
    expect(await broken({ ...sound, 'src/assess/read.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n" }))
      .toEqual(['engine-does-no-io']);
    expect(await broken({ ...sound, 'src/assess/load.ts': "import { stored } from '../store/cases.js';\nexport const s = stored;\n" }))
      .toEqual(['engine-is-pure']);
  });

  it('refuse events reading the store beyond its row shapes', async () => {
    expect(await broken({ ...sound, 'src/events/counts.ts': "import { stored } from '../store/cases.js';\nexport const n = stored;\n" }))
      .toEqual(['events-read-no-store']);
  });

  it('refuse the sanctions matcher using the store beyond its entry shapes, and let screening use both', async () => {
    const lists = {
      ...sound,
      'src/store/sanctions-entries.ts': 'export type ListKey = string;\n',
      'src/sanctions/types.ts': "import type { ListKey } from '../store/sanctions-entries.js';\nexport type Key = ListKey;\n",
      'src/sanctions/index.ts': "export type { Key } from './types.js';\nexport const match = (s: string): string => s;\n",
      'src/screening/index.ts': "import { match } from '../sanctions/index.js';\nimport { stored } from '../store/cases.js';\nexport const screened = match(stored);\n",
    };
    expect(await broken(lists)).toEqual([]);
    expect(await broken({ ...lists, 'src/sanctions/load.ts': "import { stored } from '../store/cases.js';\nexport const l = stored;\n" }))
      .toEqual(['sanctions-no-store']);
  });

  it('refuse the sanctions readers opening files', async () => {
    expect(await broken({ ...sound, 'src/sanctions/read.ts': "import { createReadStream } from 'node:fs';\nexport const r = createReadStream;\n" }))
      .toEqual(['sanctions-opens-no-file']);
    expect(await broken({ ...sound, 'src/sanctions/read.ts': "import { readFile } from 'fs/promises';\nexport const r = readFile;\n" }))
      .toEqual(['sanctions-opens-no-file']);
  });

  it('refuse a cycle', async () => {
    expect(await broken({
      ...sound,
      'src/events/a.ts': "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n",
      'src/events/b.ts': "import { a } from './a.js';\nexport const b = (): number => a() - 1;\n",
    })).toEqual(['no-circular']);
  });

  it('refuse a deep import into another capability, and allow one through its entry', async () => {
    expect(await broken({ ...sound, 'src/report/gather.ts': "import { events } from '../events/model.js';\nexport const g = events;\n" }))
      .toEqual(['capability-through-its-entry']);
    expect(await broken({ ...sound, 'src/report/gather.ts': "import { events } from '../events/index.js';\nexport const g = events;\n" }))
      .toEqual([]);
  });

  it('refuse a capability or the store importing the CLI or the server', async () => {
    expect(await broken({ ...sound, 'src/server/app.ts': 'export const app = 1;\n', 'src/events/serve.ts': "import { app } from '../server/app.js';\nexport const s = app;\n" }))
      .toEqual(['capabilities-do-not-import-edges']);
  });

  it('refuse lower layers reaching up', async () => {
    expect(await broken({ ...sound, 'src/util/cases.ts': "import { stored } from '../store/cases.js';\nexport const u = stored;\n" }))
      .toEqual(['lower-layers-stand-alone']);
    expect(await broken({ ...sound, 'src/case/stored.ts': "import { stored } from '../store/cases.js';\nexport const c = stored;\n" }))
      .toEqual(['case-contract-below-store']);
  });
});
