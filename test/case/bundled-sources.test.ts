// Every case bundled under cases/ is checkable by a reader: each source has a date and a reference
// (an address or a document symbol), and no office-holder is left in a post that a later source
// shows someone else took, or that a recorded end closed. The checks run on the real case files
// and, so that they can be seen to fail, on small hostile cases.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../src/case/read.js';
import { CaseFile } from '../../src/case/schema.js';
import { endOfCaseDate, startOfCaseDate } from '../../src/util/dates.js';

const CASES = 'cases';
const bundled = readdirSync(CASES).filter((d) => statSync(join(CASES, d)).isDirectory());

/** Problems with the sources' dates and references, one line each. */
function sourceProblems(c: CaseFile, today: string): string[] {
  const out: string[] = [];
  for (const s of c.sources) {
    if (!s.date) out.push(`${s.id}: no date`);
    else if (startOfCaseDate(s.date) > today) out.push(`${s.id}: dated ${s.date}, after today`);
    const reference = s.reference?.trim() ?? '';
    if (!s.url && reference === '') out.push(`${s.id}: neither an address nor a document reference`);
    if (s.url && !/^https?:\/\/[^\s/]+\.[^\s/]+/.test(s.url)) out.push(`${s.id}: address ${s.url} is not a web address`);
  }
  return out;
}

/** A post as announced, without the "acting" that the Taliban put on nearly every title. */
const post = (role: string | undefined) => (role ?? '').toLowerCase().replace(/^acting\s+/, '').trim();

/**
 * Problems with office-holder relationships: an end before the start, an end without the source
 * that records it (or recorded before the end), and a post left open although a later holder of
 * the same post in the same body is recorded.
 */
function officeProblems(c: CaseFile): string[] {
  const out: string[] = [];
  const sources = new Map(c.sources.map((s) => [s.id, s]));
  const offices = c.relationships.filter((r) => r.type === 'holds_office');
  for (const r of offices) {
    if (r.since && r.until && endOfCaseDate(r.until) < startOfCaseDate(r.since)) out.push(`${r.id}: ends ${r.until}, before it starts ${r.since}`);
    if (r.until) {
      const endSource = (r as Record<string, unknown>)['x-until_source'];
      const s = typeof endSource === 'string' ? sources.get(endSource) : undefined;
      if (!s) out.push(`${r.id}: ends ${r.until} but x-until_source names no source of the case`);
      else if (endOfCaseDate(s.date) < startOfCaseDate(r.until)) out.push(`${r.id}: ends ${r.until}, after its source ${s.id} (${s.date}) was written`);
    }
    for (const later of offices) {
      if (later.from === r.from || later.to !== r.to || post(later.role) !== post(r.role) || !later.since || !r.since) continue;
      if (startOfCaseDate(later.since) <= startOfCaseDate(r.since)) continue;
      if (!r.until) out.push(`${r.id}: still open, but ${later.id} records ${later.from} in the same post from ${later.since}`);
      else if (startOfCaseDate(r.until) > endOfCaseDate(later.since)) out.push(`${r.id}: ends ${r.until}, after ${later.from} took the post on ${later.since}`);
    }
  }
  return out;
}

describe.each(bundled)('bundled case %s', (dir) => {
  it('validates, and every source has a date and an address or a document reference', async () => {
    const parsed = await readCase(join(CASES, dir));
    if (!parsed.ok) throw new Error(`does not validate: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    expect(parsed.value.sources.length).toBeGreaterThan(0);
    expect(sourceProblems(parsed.value, new Date().toISOString().slice(0, 10))).toEqual([]);
  });

  it('leaves no office-holder in a post that a later source ends', async () => {
    const parsed = await readCase(join(CASES, dir));
    if (!parsed.ok) throw new Error('does not validate');
    expect(officeProblems(parsed.value)).toEqual([]);
  });
});

describe('the Afghanistan case records the ends of posts', () => {
  it('closes the posts of people killed, replaced or moved, with the source of each end', async () => {
    const parsed = await readCase(join(CASES, 'afghanistan-doha'));
    if (!parsed.ok) throw new Error('does not validate');
    const until = new Map(parsed.value.relationships.map((r) => [r.id, r.until ?? null]));
    expect(until.get('office-khalil-ur-rahman-haqqani')).toBe('2024-12-11');
    expect(until.get('office-abdul-baqi-haqqani')).toBe('2022-10');
    expect(until.get('office-mohammad-idris')).toBe('2023-03-21');
    expect(until.get('office-shahabuddin-delawar')).toBe('2024-07-06');
    expect(until.get('office-sirajuddin-haqqani')).toBeNull();
  });
});

// Hostile cases: the checks must reject what they are meant to catch.
const base = {
  case: { id: 'hostile', title: 'Hostile', subject: 'party', period: { start: '2020-01-01' } },
  actors: [
    { id: 'party', kind: 'armed_group', name: 'Party' },
    { id: 'alice', kind: 'person', name: 'Alice' },
    { id: 'bob', kind: 'person', name: 'Bob' },
  ],
};

describe('the checks reject', () => {
  it('a source with neither address nor reference, one dated in the future, and a non-web address', () => {
    const c = CaseFile.parse({
      ...base,
      sources: [
        { id: 'no-ref', kind: 'news', title: 'Headline not recorded', date: '2021-09' },
        { id: 'future', kind: 'news', title: 'Tomorrow', date: '2999-01-01', url: 'https://example.org/x' },
        { id: 'bad-url', kind: 'news', title: 'Bad', date: '2021-09-01', url: 'https://intranet/page' },
        { id: 'symbol', kind: 'report', title: 'UN report', date: '2021-06-01', reference: 'S/2021/486' },
      ],
    });
    expect(sourceProblems(c, '2026-01-01')).toEqual([
      'no-ref: neither an address nor a document reference',
      'future: dated 2999-01-01, after today',
      'bad-url: address https://intranet/page is not a web address',
    ]);
  });

  it('a post left open after a successor took it, an end without its source, and an end before the start', () => {
    const c = CaseFile.parse({
      ...base,
      sources: [{ id: 's', kind: 'news', title: 'Reshuffle', date: '2022-09-20', url: 'https://example.org/r' }],
      relationships: [
        { id: 'alice-post', from: 'alice', to: 'party', type: 'holds_office', role: 'Acting Minister of Education', since: '2021-09-07' },
        { id: 'bob-post', from: 'bob', to: 'party', type: 'holds_office', role: 'Minister of Education', since: '2022-09-20', source: 's' },
        { id: 'bob-other', from: 'bob', to: 'party', type: 'holds_office', role: 'Mayor', since: '2023-01-01', until: '2022-01-01' },
      ],
    });
    expect(officeProblems(c)).toEqual([
      'alice-post: still open, but bob-post records bob in the same post from 2022-09-20',
      'bob-other: ends 2022-01-01, before it starts 2023-01-01',
      'bob-other: ends 2022-01-01 but x-until_source names no source of the case',
    ]);
  });

  it('an end recorded by a source written before it, and an end after the successor started', () => {
    const c = CaseFile.parse({
      ...base,
      sources: [{ id: 'early', kind: 'news', title: 'Old news', date: '2021-01-01', url: 'https://example.org/o' }],
      relationships: [
        { id: 'alice-post', from: 'alice', to: 'party', type: 'holds_office', role: 'Governor', since: '2021-08-23', until: '2024-01-01' },
        { id: 'bob-post', from: 'bob', to: 'party', type: 'holds_office', role: 'Acting Governor', since: '2023-03-21' },
      ],
    });
    // `x-` keys are lifted before validation and put back after it, as the case reader does.
    Object.assign(c.relationships[0] ?? {}, { 'x-until_source': 'early' });
    expect(officeProblems(c)).toEqual([
      'alice-post: ends 2024-01-01, after its source early (2021-01-01) was written',
      'alice-post: ends 2024-01-01, after bob took the post on 2023-03-21',
    ]);
  });
});
