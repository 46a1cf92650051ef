// @vitest-environment jsdom
// A dashboard list cut by the server says how many items it left out and links to the page that
// lists them all, keeping the as-of date.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { More } from '../../web/src/dashboard/More';

afterEach(cleanup);

describe('More', () => {
  it('says how many are left out and links to the full list at the same date', () => {
    render(<MemoryRouter initialEntries={['/cases/big?as_of=2022-06-01']}><More shown={50} total={1234} to="/cases/big/commitments?status=broken" where="all broken commitments" /></MemoryRouter>);
    expect(screen.getByTestId('dashboard-more').textContent).toBe('and 1,184 more — all broken commitments');
    expect(screen.getByRole('link', { name: 'all broken commitments' }).getAttribute('href')).toBe('/cases/big/commitments?status=broken&as_of=2022-06-01');
  });

  it('names the place in words when there is no page, and shows nothing for a whole list', () => {
    const { rerender } = render(<MemoryRouter><More shown={50} total={51} where="`deeds review` lists them all" /></MemoryRouter>);
    expect(screen.getByTestId('dashboard-more').textContent).toBe('and 1 more (`deeds review` lists them all)');
    rerender(<MemoryRouter><More shown={3} total={3} where="anything" /></MemoryRouter>);
    expect(screen.queryByTestId('dashboard-more')).toBeNull();
  });
});
