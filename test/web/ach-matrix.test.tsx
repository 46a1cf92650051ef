// @vitest-environment jsdom
// The ACH matrix: local scores mirror docs/assessment.md §8 and the engine (src/assess/ach.ts),
// and rating a cell updates scores, diagnosticity and sensitivity at once.
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AchMatrix } from '../../web/src/ach/AchMatrix';
import { computeAch, diagnosticityOf, type AchRowInput } from '../../web/src/ach/achMath';
import type { AchRating } from '../../web/src/api/types';
import { readCase } from '../../src/case/read';
import { ach } from '../../src/assess/ach';

afterEach(cleanup);

const options = [{ id: 'h1', text: 'first' }, { id: 'h2', text: 'second' }, { id: 'h3', text: 'third' }];

function Harness({ initial, readOnly = false }: { initial: (AchRowInput & { grade: string })[]; readOnly?: boolean }) {
  const [rows, setRows] = useState(initial);
  return <AchMatrix options={options} rows={rows} readOnly={readOnly}
    onRate={(evidence, option, rating) => setRows((rs) => rs.map((r) => (r.evidence === evidence ? { ...r, ratings: { ...r.ratings, [option]: rating } } : r)))} />;
}

const rows = (): (AchRowInput & { grade: string })[] => [
  { evidence: 'ev-a', grade: 'A1', g: 1, ratings: { h1: 'II', h2: 'C', h3: 'C' } },
  { evidence: 'ev-b', grade: 'B2', g: 0.64, ratings: { h1: 'I', h2: 'I', h3: 'N' } },
  { evidence: 'ev-c', grade: 'C3', g: 0.36, ratings: { h1: 'N', h2: 'N', h3: 'N' } },
];

describe('computeAch', () => {
  it('scores, ranks, diagnosticity and leave-one-out sensitivity', () => {
    const r = computeAch(options.map((o) => o.id), rows());
    expect(r.options).toEqual([
      { id: 'h1', inconsistency: 2.64, rank: 3 },
      { id: 'h2', inconsistency: 0.64, rank: 2 },
      { id: 'h3', inconsistency: 0, rank: 1 },
    ]);
    expect(r.leastContradicted).toEqual(['h3']);
    const byId = Object.fromEntries(r.rows.map((x) => [x.evidence, x]));
    expect(byId['ev-c']!.diagnosticity).toBe(0);
    expect(byId['ev-a']!.diagnosticity).toBeCloseTo(1.41, 2);
    // Without ev-b, h2 and h3 tie: the ranking changes. Without ev-a, h1 and h2 tie at 0.64.
    expect(byId['ev-b']!.changesRanking).toBe(true);
    expect(byId['ev-a']!.changesRanking).toBe(true);
    expect(byId['ev-c']!.changesRanking).toBe(false);
    expect(r.sensitiveTo).toEqual(['ev-a', 'ev-b']);
  });

  it('leaves NA and empty cells out of diagnosticity and scores', () => {
    expect(diagnosticityOf(['NA', 'C'] as AchRating[])).toBe(0);
    const r = computeAch(['h1', 'h2'], [{ evidence: 'x', g: 1, ratings: { h1: 'NA', h2: null } }]);
    expect(r.options.map((o) => o.inconsistency)).toEqual([0, 0]);
  });

  it('agrees with the engine on the demo case', async () => {
    const parsed = await readCase('cases/afghanistan-doha');
    if (!parsed.ok) throw new Error('demo case did not parse');
    const set = parsed.value.hypotheses[0]!;
    const engine = ach(parsed.value, set.id);
    const local = computeAch(set.options.map((o) => o.id), engine.matrix.map((m) => ({ evidence: m.evidence, g: m.g, ratings: m.ratings })));
    expect(local.options).toEqual(engine.options.map((o) => ({ id: o.id, inconsistency: o.inconsistency, rank: o.rank })));
    expect(local.sensitiveTo).toEqual(engine.sensitive_to);
    for (const m of engine.matrix) expect(local.rows.find((r) => r.evidence === m.evidence)!.diagnosticity).toBe(m.diagnosticity);
  });
});

describe('AchMatrix', () => {
  it('shows scores and the reading, and updates them as a cell is rated', async () => {
    render(<Harness initial={rows()} />);
    expect(screen.getByTestId('score-h3').textContent).toMatch(/0\.00 · rank 1 ★ least contradicted/);
    expect(screen.getByTestId('ach-reading').textContent).toMatch(/h3 is the least contradicted/);
    expect(screen.getByTestId('diag-ev-c').textContent).toBe('0.00');

    // ev-c rated II against h3: h3 now scores 0.72 and ev-c separates the options.
    await userEvent.selectOptions(screen.getByLabelText('Rating of ev-c against h3'), 'II');
    expect(screen.getByTestId('score-h3').textContent).toMatch(/^0\.72 · rank 2/);
    expect(screen.getByTestId('score-h2').textContent).toMatch(/0\.64 · rank 1 ★/);
    expect(Number(screen.getByTestId('diag-ev-c').textContent)).toBeCloseTo(0.94, 2);
    expect(screen.getByTestId('sens-ev-c').textContent).toMatch(/changes the ranking/);
    expect(screen.getByTestId('ach-reading').textContent).toMatch(/h2 is the least contradicted/);

    // Clearing the cell takes it out again.
    await userEvent.selectOptions(screen.getByLabelText('Rating of ev-c against h3'), '');
    expect(screen.getByTestId('score-h3').textContent).toMatch(/^0\.00 · rank 1/);
  });

  it('read-only for viewers: ratings as text, no controls', () => {
    render(<Harness initial={rows()} readOnly />);
    expect(screen.queryAllByRole('combobox')).toHaveLength(0);
    expect(screen.getAllByText('II').length).toBeGreaterThan(0);
  });

  it('says so when nothing is rated', () => {
    render(<Harness initial={[]} />);
    expect(screen.getByTestId('ach-reading').textContent).toMatch(/No counting evidence is rated/);
  });
});
