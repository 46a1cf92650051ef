// The second bundled case against its own documentation: cases/iran-jcpoa/README.md states the
// status of every commitment and condition at five dates, with the deciding evidence. This test
// reads those tables and checks them against the engine, and checks the behaviours the README
// explains (series of IAEA figures, set dates, claims contradicted when made), so that the case,
// its README and the engine cannot drift apart silently.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../src/case/read.js';
import { ach, assess, timeline } from '../../src/assess/index.js';
import type { CaseFile } from '../../src/case/schema.js';
import { expectedStatuses } from '../helpers/readme-tables.js';

const DIR = 'cases/iran-jcpoa';
const DATES = ['2016-01-17', '2018-05-09', '2019-07-15', '2021-03-01', '2025-10-01'];
/** The README's last column also holds today: nothing in the case is recorded after it. */
const LAST = '2025-10-01';

async function jcpoaCase(): Promise<CaseFile> {
  const parsed = await readCase(DIR);
  if (!parsed.ok) throw new Error(`the JCPOA case does not validate: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  return parsed.value;
}

function statusesAt(c: CaseFile, date: string): Map<string, string> {
  const a = assess(c, date);
  return new Map([...a.commitments, ...a.conditions].map((o) => [o.id, o.status as string]));
}

describe('the JCPOA case gives the statuses its README documents', async () => {
  const c = await jcpoaCase();
  const expected = expectedStatuses(readFileSync(`${DIR}/README.md`, 'utf8'));

  it('is the size the issue asks for: at least 10 commitments and 25 evidence items, each source dated and checkable', () => {
    expect(c.commitments.length).toBeGreaterThanOrEqual(10);
    expect(c.evidence.length).toBeGreaterThanOrEqual(25);
    for (const s of c.sources) {
      expect(s.date, `${s.id} has no date`).toBeTruthy();
      expect(Boolean(s.url) || Boolean(s.reference?.trim()), `${s.id} has neither address nor reference`).toBe(true);
    }
  });

  it('documents every commitment and condition at the five dates, and nothing else', () => {
    const ids = new Set(expected.map((e) => e.id));
    const objects = [...c.commitments, ...c.conditions].map((o) => o.id);
    expect([...ids].sort()).toEqual([...objects].sort());
    expect(new Set(expected.map((e) => e.date))).toEqual(new Set(DATES));
    expect(expected.length).toBe(objects.length * DATES.length);
  });

  it.each(DATES)('at %s', (date) => {
    const statusOf = statusesAt(c, date);
    for (const e of expected.filter((x) => x.date === date)) expect(statusOf.get(e.id), `${e.id} at ${date}`).toBe(e.status);
  });

  it(`gives today the statuses documented for ${LAST}`, () => {
    const statusOf = statusesAt(c, new Date().toISOString().slice(0, 10));
    for (const e of expected.filter((x) => x.date === LAST)) expect(statusOf.get(e.id), `${e.id} today`).toBe(e.status);
  });
});

describe('the behaviours the README explains', async () => {
  const c = await jcpoaCase();

  it('judges a stock by its latest IAEA figure: the 2017 figure stops counting once the 2019 one is recorded', () => {
    const stock = assess(c, '2019-07-15').commitments.find((k) => k.id === 'leu-stockpile-300kg');
    expect(stock).toMatchObject({ status: 'broken', support: 0, contradiction: 2.4 });
    expect(stock?.not_counting).toContainEqual(expect.objectContaining({ id: 'ev-stockpile-aug-2017', reason: 'superseded by ev-stockpile-over-300kg-2019' }));
  });

  it('follows heavy water over and under 130 tonnes, then loses it when verification stopped', () => {
    const t = timeline(c, 'heavy-water-cap', { from: '2015-07-14', to: '2025-10-01', step: 'month' });
    expect(t.changes.map((x) => [x.date, x.to])).toEqual([
      ['2016-02-25', 'at_risk'], ['2016-11-17', 'broken'], ['2016-12-01', 'kept'],
      ['2019-11-18', 'broken'], ['2020-09-01', 'kept'], ['2023-03-06', 'unverified'],
    ]);
  });

  it('keeps the US commitment partly kept through the wind-down and broken once sanctions were back', () => {
    const t = timeline(c, 'us-sanctions-relief', { from: '2015-07-14', to: '2025-10-01', step: 'month' });
    expect(t.changes.map((x) => [x.date, x.to])).toEqual([['2016-01-16', 'kept'], ['2018-05-08', 'partly_kept'], ['2018-11-06', 'broken']]);
  });

  it('does not apply the 2021 and 2025 conditions before they were set, nor let them gate anything', () => {
    const a = assess(c, '2021-01-26');
    expect(a.conditions.find((k) => k.id === 'cond-return-to-compliance')?.status).toBe('not_yet_set');
    expect(a.leverage.find((l) => l.id === 'lev-us-return')?.recommendation).toBe('review');
    expect(assess(c, '2021-01-28').leverage.find((l) => l.id === 'lev-us-return')?.recommendation).toBe('withhold');
    expect(assess(c, '2025-08-28').conditions.find((k) => k.id === 'cond-snapback-deferral')?.status).toBe('not_yet_set');
  });

  it("applies each side's rules evenly: Iran's lever is withheld once US relief was broken, and nothing was released against conditions", () => {
    const at = (date: string) => assess(c, date).leverage.find((l) => l.id === 'lev-iran-limits')?.recommendation;
    expect([at('2016-01-17'), at('2018-05-09'), at('2018-11-07')]).toEqual(['release', 'review', 'withhold']);
    expect(assess(c, LAST).summary.released_against_conditions).toBe(0);
  });

  it('flags the three claims contradicted by evidence already known when they were made', () => {
    const a = assess(c, LAST);
    const verdicts = a.claims.map((k) => [k.id, k.verdict_when_made, k.verdict_now, k.contradicted_when_made]);
    expect(verdicts).toEqual([
      ['claim-tillerson-certifies-compliance', 'disputed', 'contradicted', false],
      ['claim-trump-multiple-violations', 'disputed', 'supported', false],
      ['claim-e3-iran-abides-2018', 'disputed', 'contradicted', false],
      ['claim-zarif-fifth-step-within-jcpoa', 'contradicted', 'contradicted', true],
      ['claim-blinken-out-of-compliance', 'supported', 'supported', false],
      ['claim-zarif-abided', 'contradicted', 'contradicted', true],
      ['claim-zarif-ap-halt-compatible', 'contradicted', 'contradicted', true],
      ['claim-e3-exceeded-all-limits', 'supported', 'supported', false],
    ]);
    expect(a.claims.find((k) => k.id === 'claim-zarif-ap-halt-compatible')?.known_when_made.map((e) => e.id)).toEqual(['ev-ap-halted-2021']);
  });

  it('reads the ACH set as the README says, sensitive to one item', () => {
    const r = ach(c, 'iran-conduct');
    expect(r.options.map((o) => [o.id, o.inconsistency])).toEqual([['h-bargaining', 0.64], ['h-threshold', 0], ['h-compliant', 10.08]]);
    expect(r.least_contradicted).toEqual(['h-threshold']);
    expect(r.sensitive_to).toEqual(['ev-stockpile-48-times-2025']);
    expect(r.excluded).toEqual([]);
  });
});
