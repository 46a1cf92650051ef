// deeds assess | timeline | ach on the bundled case, through main(argv) in this process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deedsMain } from '../helpers/cli-main.js';

const CASE = 'afghanistan-doha';
let db = '';

beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'deeds-assess-')), 'deeds.db');
  const load = await deedsMain(['case', 'load', 'cases/afghanistan-doha', '--db', db]);
  expect(load.code, load.stderr).toBe(0);
});

const run = (args: string[]) => deedsMain([...args, '--db', db]);

interface AssessJson {
  case: string;
  as_of: string;
  commitments: { id: string; status: string; confidence: string; support: number; contradiction: number; evidence: { id: string; grade: string; weight: number; stance: string }[] }[];
  conditions: { id: string; status: string; parts: unknown[] }[];
  leverage: { id: string; recommendation: string; flags: { kind: string; date: string; unmet: string[] }[] }[];
  claims: { id: string; verdict_when_made: string | null; verdict_now: string | null; contradicted_when_made: boolean }[];
}

describe('deeds assess', () => {
  it('gives the JSON of docs/cli.md, replaying what was known at the as-of date', async () => {
    const before = JSON.parse((await run(['assess', CASE, '--as-of', '2020-03-01', '--json'])).stdout) as AssessJson;
    const after = JSON.parse((await run(['assess', CASE, '--as-of', '2021-09-01', '--json'])).stdout) as AssessJson;
    expect(before).toMatchObject({ case: CASE, as_of: '2020-03-01' });
    const hosting = (a: AssessJson) => a.commitments.find((c) => c.id === 'ct-no-hosting');
    expect(hosting(before)?.status).toBe('unverified');
    expect(hosting(after)).toMatchObject({ status: 'broken', confidence: 'high', support: 0 });
    expect(hosting(after)?.contradiction).toBeGreaterThanOrEqual(1.5);
    const weights = hosting(after)?.evidence.map((e) => e.weight) ?? [];
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
    expect(hosting(after)?.evidence[0]).toMatchObject({ stance: 'contradicts', grade: expect.stringMatching(/^[A-F][1-6]$/) });
  });

  it('lists claims not yet made with a null verdict and flags releases against conditions', async () => {
    const a = JSON.parse((await run(['assess', CASE, '--as-of', '2020-03-01', '--json'])).stdout) as AssessJson;
    expect(a.claims.find((c) => c.id === 'claim-naeem-no-aq-presence')).toMatchObject({ verdict_when_made: null, contradicted_when_made: false });
    const later = JSON.parse((await run(['assess', CASE, '--as-of', '2021-09-01', '--json'])).stdout) as AssessJson;
    expect(later.claims.find((c) => c.id === 'claim-naeem-no-aq-presence')).toMatchObject({ verdict_when_made: 'contradicted', contradicted_when_made: true });
    const troops = later.leverage.find((l) => l.id === 'lev-troop-withdrawal');
    expect(troops?.flags).toContainEqual(expect.objectContaining({ kind: 'released_against_conditions', date: '2021-04-14', unmet: ['cond-doha-compliance'] }));
  });

  it('prints the headline findings first in the human output', async () => {
    const r = await run(['assess', CASE, '--as-of', '2021-09-01']);
    expect(r.code).toBe(0);
    const order = ['Headline findings', 'Broken commitments', 'Unmet conditions', 'Released against conditions', 'Claims contradicted when made', 'Commitments ('];
    const at = order.map((h) => r.stdout.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((x, y) => x - y));
  });

  it('refuses a bad date or an unknown case with exit 1 and a message, no stack', async () => {
    const bad = await run(['assess', CASE, '--as-of', '2021-13-01']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"2021-13-01" is not a date');
    const missing = await run(['assess', 'no-such-case']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no case "no-such-case"');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('deeds timeline', () => {
  it('returns the dates where the status changed and the evidence that entered', async () => {
    const r = await run(['timeline', CASE, 'ct-no-hosting', '--from', '2020-03-01', '--to', '2022-01-01', '--step', 'week', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout) as { step: string; points: { date: string; status: string }[]; changes: { date: string; from: string; to: string; entered: { id: string }[] }[] };
    expect(t.step).toBe('week');
    expect(t.points[0]).toMatchObject({ date: '2020-03-01', status: 'unverified' });
    expect(t.changes[0]).toMatchObject({ from: 'unverified', to: 'broken' });
    expect(t.changes[0]?.entered.length).toBeGreaterThan(0);
  });

  it('refuses an unknown object and an unknown step', async () => {
    expect((await run(['timeline', CASE, 'nope'])).code).toBe(1);
    expect((await run(['timeline', CASE, 'ct-no-hosting', '--step', 'year'])).code).toBe(2);
  });
});

describe('deeds ach', () => {
  it('ranks the options and states the least contradicted one in words', async () => {
    const r = await run(['ach', CASE, 'taliban-conduct', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { options: { id: string; inconsistency: number; rank: number }[]; least_contradicted: string[]; reading: string };
    const byRank = [...result.options].sort((x, y) => x.rank - y.rank);
    const scores = byRank.map((o) => o.inconsistency);
    expect(scores).toEqual([...scores].sort((x, y) => x - y));
    expect(result.least_contradicted).toEqual([byRank[0]?.id]);
    expect(result.reading).toContain(`${byRank[0]?.id} (`);
    expect((await run(['ach', CASE, 'no-set'])).stderr).toContain('no hypothesis set "no-set"');
  });
});

describe('deeds review and --known-at', () => {
  it('prints the warnings as JSON of the contract shape, sorted by kind and object', async () => {
    const r = await run(['review', CASE, '--as-of', '2021-09-01', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const review = JSON.parse(r.stdout) as { case: string; as_of: string; warnings: { kind: string; object: string; detail: string }[] };
    expect(Object.keys(review)).toEqual(['case', 'as_of', 'warnings']);
    expect(review).toMatchObject({ case: CASE, as_of: '2021-09-01' });
    const kinds = ['single_source', 'derived_sources', 'low_grade_only', 'stale', 'pre_commitment_evidence', 'backdated_retraction', 'recorded_before_observed', 'claim_self_sourced'];
    for (const w of review.warnings) {
      expect(kinds).toContain(w.kind);
      expect(w.detail.length).toBeGreaterThan(10);
    }
    const keys = review.warnings.map((w) => `${w.kind} ${w.object}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('prints a table in words without --json', async () => {
    const r = await run(['review', CASE, '--as-of', '2021-09-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Review of case afghanistan-doha as of 2021-09-01\n/);
  });

  it('assess --known-at says what it was asked and refuses a date that is not one', async () => {
    const a = JSON.parse((await run(['assess', CASE, '--as-of', '2021-09-01', '--known-at', '2025-01-01', '--json'])).stdout) as { as_of: string; known_at: string };
    expect(a).toMatchObject({ as_of: '2021-09-01', known_at: '2025-01-01' });
    const bad = await run(['assess', CASE, '--as-of', '2021-09-01', '--known-at', 'soon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('known-at');
  });
});

describe('deeds changes', () => {
  it('gives what moved between two dates as JSON, and in words', async () => {
    const r = await run(['changes', CASE, '--from', '2020-03-01', '--to', '2021-09-01', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as { case: string; from: string; to: string; objects: { id: string; kind: string; before: unknown; after: unknown }[]; evidence_added: string[]; decisions: unknown[] };
    expect(Object.keys(c)).toEqual(['case', 'from', 'to', 'objects', 'evidence_added', 'decisions']);
    expect(c.objects.length).toBeGreaterThan(0);
    expect(c.evidence_added.length).toBeGreaterThan(0);
    const words = await run(['changes', CASE, '--from', '2020-03-01', '--to', '2021-09-01']);
    expect(words.stdout).toMatch(/^Changes in case afghanistan-doha from 2020-03-01 to 2021-09-01\n/);
    expect((await run(['changes', CASE])).code).toBe(2);
  });
});
