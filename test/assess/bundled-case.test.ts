// The bundled case against its own documentation: cases/afghanistan-doha/README.md states, with
// the deciding evidence, the status of every commitment and condition at five dates. This test
// reads those tables, so the README and the engine cannot drift apart silently; the last tests pin
// the corrections of issue #15 that an analyst would check first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../src/case/read.js';
import { assess } from '../../src/assess/index.js';
import type { CaseFile } from '../../src/case/schema.js';
import { expectedStatuses } from '../helpers/readme-tables.js';
import { sanctionedOfficeholder } from '../../src/events/tripwires.js';

const DIR = 'cases/afghanistan-doha';
/** The README's columns: the signing, the week after the missed date, the takeover, and two later dates. */
const DATES = ['2020-03-01', '2020-03-15', '2021-09-01', '2023-01-01', '2025-01-01'];
const LATEST = '2025-01-01';

async function bundledCase(): Promise<CaseFile> {
  const parsed = await readCase(DIR);
  if (!parsed.ok) throw new Error(`the bundled case does not validate: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  return parsed.value;
}

describe('the bundled case gives the statuses its README documents', async () => {
  const c = await bundledCase();
  const expected = expectedStatuses(readFileSync(`${DIR}/README.md`, 'utf8'));

  it(`documents every commitment and condition at ${DATES.join(', ')}`, () => {
    const ids = new Set(expected.map((e) => e.id));
    for (const o of [...c.commitments, ...c.conditions]) expect(ids, `README has no row for ${o.id}`).toContain(o.id);
    expect(new Set(expected.map((e) => e.date))).toEqual(new Set(DATES));
    for (const date of DATES) expect(expected.filter((e) => e.date === date)).toHaveLength(c.commitments.length + c.conditions.length);
  });

  it.each(DATES)('at %s', (date) => {
    const a = assess(c, date);
    const statusOf = new Map([...a.commitments, ...a.conditions].map((o) => [o.id, o.status as string]));
    const rows = expected.filter((e) => e.date === date);
    expect(rows.length).toBeGreaterThan(20);
    for (const e of rows) expect(statusOf.get(e.id), `${e.id} at ${date}`).toBe(e.status);
  });

  it(`gives today the statuses documented for ${LATEST} (the README says later items change none)`, () => {
    const a = assess(c, new Date().toISOString().slice(0, 10));
    const statusOf = new Map([...a.commitments, ...a.conditions].map((o) => [o.id, o.status as string]));
    for (const e of expected.filter((x) => x.date === LATEST)) expect(statusOf.get(e.id), `${e.id} today`).toBe(e.status);
  });

  it('contradicts the claims made with the evidence already known, and flags the conditioned drawdowns only', () => {
    const a = assess(c, '2023-01-01');
    for (const id of ['claim-naeem-no-aq-presence', 'claim-biden-aq-gone', 'claim-taliban-no-threat-2022']) {
      expect(a.claims.find((k) => k.id === id), id).toMatchObject({ contradicted_when_made: true });
    }
    const flags = (id: string) => a.leverage.find((l) => l.id === id)?.flags.map((f) => f.date);
    expect(flags('lev-troop-withdrawal')).toEqual(['2020-11-17', '2021-01-15', '2021-04-14', '2021-08-30']);
    // The first phase (8,600 within 135 days) was not conditioned: nothing gates it, nothing is flagged.
    expect(flags('lev-troop-reduction-8600')).toEqual([]);
  });
});

describe('the corrections of issue #15 hold', async () => {
  const c = await bundledCase();
  const commitment = (date: string, id: string) => assess(c, date).commitments.find((k) => k.id === id);
  const condition = (date: string, id: string) => assess(c, date).conditions.find((k) => k.id === id);

  it('the late start of talks is blocked by the prisoner release, not missed', () => {
    expect(commitment('2020-03-15', 'talks-start')?.status).toBe('blocked');
    expect(commitment('2020-03-15', 'prisoners-release-1000')?.status).toBe('broken');
  });

  it('the coordinator restating his report counts once, and the Q3 2020 figures only as context', () => {
    // MT12 2.40 plus the largest of the eleventh report's group (BBC interview 1.92), not 2.40 + 1.92 + 1.60 + 0.64.
    expect(commitment('2021-09-01', 'ct-no-cooperation')?.contradiction).toBeCloseTo(4.32, 2);
    const violence = condition('2021-09-01', 'cond-reduce-violence');
    expect(violence?.evidence.find((e) => e.id === 'ev-unama-q3-2020')?.weight ?? 0).toBe(0);
  });

  it('conditions set in August 2021 gate nothing before they were set', () => {
    for (const id of ['cond-break-with-aq', 'cond-women-girls', 'cond-inclusive-government']) expect(condition('2021-03-01', id)?.status, id).toBe('not_yet_set');
  });

  it('the Zawahiri item no longer claims a Taliban confirmation', () => {
    const item = c.evidence.find((e) => e.id === 'ev-zawahiri-killed-in-kabul');
    expect(item?.summary).not.toMatch(/Taliban confirmed the killing/);
    expect(item?.summary).toMatch(/no information/);
  });

  it('the sanctioned-officeholder tripwire drops a minister once his post has ended', () => {
    const matches = c.actors.flatMap((a) => (a.sanctions_refs ?? []).map((ref) => ({ actor: a.id, list: 'un', ref })));
    const holders = (asOf: string) => {
      const tw = c.tripwires.find((t) => t.id === 'tw-sanctioned-officeholder');
      if (!tw) throw new Error('the case has no tw-sanctioned-officeholder');
      const r = sanctionedOfficeholder(tw, { subject: c.case.subject, actors: c.actors, relationships: c.relationships, matches }, asOf);
      return r && 'alert' in r ? (r.alert['officeholders'] as { person: string }[]).map((o) => o.person) : [];
    };
    expect(holders('2024-12-10')).toContain('khalil-ur-rahman-haqqani');
    expect(holders('2024-12-12')).not.toContain('khalil-ur-rahman-haqqani');
    expect(holders('2024-12-12')).toContain('sirajuddin-haqqani');
  });
});
