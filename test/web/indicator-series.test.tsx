// @vitest-environment jsdom
// An indicator series says what its data cannot support: a sample is named as one above the chart,
// and a series the imported files cannot compute shows the reason, not an empty chart of zeros.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Series } from '../../web/src/indicators/IndicatorsPage';
import type { IndicatorSeries } from '../../web/src/api/types';

afterEach(cleanup);

const base: IndicatorSeries = {
  id: 'ind-af-violence', dataset: 'ucdp-ged', measure: 'events', period: 'month',
  from: '2020-01-01', to: '2020-03-31', coverage: { from: '2019-01-01', to: '2022-12-31' },
  periods: ['2020-01', '2020-02', '2020-03'], starts: ['2020-01-01', '2020-02-01', '2020-03-01'], values: [3, 0, 2], total: 5,
};

describe('an indicator series', () => {
  it('names a sample as one, in the heading and in a note above the chart', () => {
    render(<Series series={{ ...base, caveats: ['the ucdp-ged events come from a sample, not the full release'] }} tripwires={[]} alerts={[]} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('ind-af-violence: events per month (ucdp-ged, sample data)');
    expect(screen.getByRole('note').textContent).toBe('Caveat: the ucdp-ged events come from a sample, not the full release.');
  });

  it('without caveats says nothing of samples', () => {
    render(<Series series={base} tripwires={[]} alerts={[]} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('ind-af-violence: events per month (ucdp-ged)');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('a series the files cannot support shows the reason and no chart', () => {
    const note = 'this indicator selects by actor (actors_any), but no imported ucdp-ged file has such a column';
    const { container } = render(<Series series={{ ...base, id: 'ind-taliban-violence', from: null, to: null, periods: [], starts: [], values: [], total: 0, note }} tripwires={[]} alerts={[]} />);
    expect(screen.getByText(note)).toBeTruthy();
    expect(screen.getByText(/No series is drawn for this indicator \(see the note above\)/)).toBeTruthy();
    expect(container.querySelector('.chart')).toBeNull();
  });
});
