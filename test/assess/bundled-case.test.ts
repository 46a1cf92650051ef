// The bundled case against its own documentation: cases/afghanistan-doha/README.md states, with
// the deciding evidence, the status of every commitment and condition at three dates. This test
// reads those tables, so the README and the engine cannot drift apart silently.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../src/case/read.js';
import { assess } from '../../src/assess/index.js';
import type { CaseFile } from '../../src/case/schema.js';

const DIR = 'cases/afghanistan-doha';

interface Expected {
  id: string;
  date: string;
  status: string;
}

/** Rows of the README's status tables: `| \`id\` … | cell per date |`; a cell's first `status` decides. */
function expectedStatuses(readme: string): Expected[] {
  const out: Expected[] = [];
  let dates: string[] = [];
  for (const line of readme.split('\n')) {
    const header = line.match(/^\| (commitment|condition) \|(.*)\|$/);
    if (header) dates = (header[2] ?? '').split('|').map((d) => d.trim());
    const row = line.match(/^\| `([a-z0-9-]+)`[^|]*\|(.*)\|$/);
    if (!row || dates.length === 0) continue;
    (row[2] ?? '').split('|').forEach((cell, i) => {
      const status = cell.match(/`([a-z_]+)`/)?.[1] ?? (cell.includes('not yet made') ? 'not_yet_made' : undefined);
      const date = dates[i];
      if (status && date) out.push({ id: row[1] ?? '', date, status });
    });
  }
  return out;
}

async function bundledCase(): Promise<CaseFile> {
  const parsed = await readCase(DIR);
  if (!parsed.ok) throw new Error(`the bundled case does not validate: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  return parsed.value;
}

describe('the bundled case gives the statuses its README documents', async () => {
  const c = await bundledCase();
  const expected = expectedStatuses(readFileSync(`${DIR}/README.md`, 'utf8'));

  it('documents every commitment and condition at 2020-03-01, 2021-09-01 and 2023-01-01', () => {
    const ids = new Set(expected.map((e) => e.id));
    for (const o of [...c.commitments, ...c.conditions]) expect(ids, `README has no row for ${o.id}`).toContain(o.id);
    expect(new Set(expected.map((e) => e.date))).toEqual(new Set(['2020-03-01', '2021-09-01', '2023-01-01']));
  });

  it.each(['2020-03-01', '2021-09-01', '2023-01-01'])('at %s', (date) => {
    const a = assess(c, date);
    const statusOf = new Map([...a.commitments, ...a.conditions].map((o) => [o.id, o.status as string]));
    const rows = expected.filter((e) => e.date === date);
    expect(rows.length).toBeGreaterThan(20);
    for (const e of rows) expect(statusOf.get(e.id), `${e.id} at ${date}`).toBe(e.status);
  });

  it('gives today the statuses documented for 2023-01-01 (the README says later items change none)', () => {
    const a = assess(c, new Date().toISOString().slice(0, 10));
    const statusOf = new Map([...a.commitments, ...a.conditions].map((o) => [o.id, o.status as string]));
    for (const e of expected.filter((x) => x.date === '2023-01-01')) expect(statusOf.get(e.id), `${e.id} today`).toBe(e.status);
  });

  it('contradicts the claim made with the evidence already known, and flags the 2021 releases', () => {
    const a = assess(c, '2021-09-01');
    expect(a.claims.find((k) => k.id === 'claim-naeem-no-aq-presence')).toMatchObject({ contradicted_when_made: true });
    const flags = a.leverage.find((l) => l.id === 'lev-troop-withdrawal')?.flags.map((f) => f.date);
    expect(flags).toEqual(['2021-04-14', '2021-08-30']);
  });
});
