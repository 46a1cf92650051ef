// @vitest-environment jsdom
// The screening review page against a stand-in for GET …/screening/matches that filters and
// pages as the server does (src/screening/review.ts): the state buttons, the pages, the listing
// details on each row, and decision buttons for reviewers only.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ReviewPage, REVIEW_PAGE_SIZE } from '../../web/src/screening/ReviewPage';
import { reviewPage } from '../../src/screening/review';
import type { StoredMatch } from '../../src/store/sanctions';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// 23 persons with one match each, 2 already decided: two pages of undecided matches.
const results: Record<string, StoredMatch[]> = Object.fromEntries(Array.from({ length: 23 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return [`person-${n}`, [{
    list: 'un', ref: `TAi.1${n}`, score: 0.9, matched_name: `LISTED ${n}`, name: `LISTED ${n}`, explanation: `tokens agree (${n})`, strong: true, query_name: `Person ${n}`,
    listing: { name: `LISTED ${n}`, birth: [{ date: `19${n}` }], nationality: ['AF'], programs: ['Taliban'], listed_on: '2001-02-23' },
  }]];
}));
const decided: Record<string, string> = { 'person-03': 'confirmed', 'person-07': 'false_positive' };

function stubServer(role: string) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = new URL(input, 'http://deeds.test');
    calls.push(url.pathname + url.search);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (url.pathname === '/api/cases/mini') return json({ case: { id: 'mini', title: 'Mini' }, role, actors: [] });
    if (url.pathname === '/api/cases/mini/screening/matches') {
      const state = url.searchParams.get('state') as 'undecided' | 'confirmed' | 'false_positive' | null;
      const limit = Number(url.searchParams.get('limit'));
      const offset = Number(url.searchParams.get('offset'));
      const page = reviewPage(results, (p) => (decided[p] ? { decision: decided[p]!, reason: 'checked', actor: 'user:rita', decided_at: '2026-12-01T10:00:00Z' } : undefined),
        (p) => p.replace('person-', 'Person '), { ...(state ? { state } : {}), limit, offset });
      return json({ case: 'mini', run: { id: 'mini:1', screened_at: '2026-12-02T09:00:00Z', screened_by: 'user:ana', versions: { un: 'un@2026-12-01' } }, state, limit, offset, ...page });
    }
    return new Response('{}', { status: 404 });
  }));
  return calls;
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes><Route path="/cases/:caseId/screening/review" element={<ReviewPage />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('screening review page', () => {
  it('shows undecided matches first, with counts per state, and pages through them', async () => {
    const calls = stubServer('viewer');
    renderAt('/cases/mini/screening/review');
    expect(await screen.findByText(`Matches 1–${REVIEW_PAGE_SIZE} of 21`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Undecided (21)' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Confirmed (1)' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'False positive (1)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous page' }).hasAttribute('disabled')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Matches 21–21 of 21')).toBeTruthy();
    expect(screen.getByText('Page 2 of 2')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next page' }).hasAttribute('disabled')).toBe(true);
    expect(calls).toContain(`/api/cases/mini/screening/matches?state=undecided&limit=${REVIEW_PAGE_SIZE}&offset=${REVIEW_PAGE_SIZE}`);
  });

  it('filters by state from the first page, with the decision and the listing details on each row', async () => {
    stubServer('viewer');
    renderAt('/cases/mini/screening/review?page=2');
    await screen.findByText('Matches 21–21 of 21');
    await userEvent.click(screen.getByRole('button', { name: 'Confirmed (1)' }));
    const row = await screen.findByTestId('review-person-03-TAi.103');
    expect(screen.getByText('Matches 1–1 of 1')).toBeTruthy();
    expect(within(row).getByText(/Person 03/)).toBeTruthy();
    expect(within(row).getByText('tokens agree (03)')).toBeTruthy();
    expect(within(row).getByText('1903')).toBeTruthy();
    expect(within(row).getByText('AF')).toBeTruthy();
    expect(within(row).getByText('2001-02-23')).toBeTruthy();
    expect(within(row).getByTestId('decision').textContent).toMatch(/Confirmed: checked \(rita, 2026-12-01\)/);

    await userEvent.click(screen.getByRole('button', { name: 'All (23)' }));
    expect(await screen.findByText(`Matches 1–${REVIEW_PAGE_SIZE} of 23`)).toBeTruthy();
  });

  it('offers the decision buttons to reviewers and not to viewers', async () => {
    stubServer('viewer');
    renderAt('/cases/mini/screening/review');
    await screen.findByText(`Matches 1–${REVIEW_PAGE_SIZE} of 21`);
    expect(screen.queryByRole('button', { name: /^Confirm UN/ })).toBeNull();
    cleanup();

    stubServer('reviewer');
    renderAt('/cases/mini/screening/review');
    await screen.findByText(`Matches 1–${REVIEW_PAGE_SIZE} of 21`);
    expect(await screen.findByRole('button', { name: 'Confirm UN TAi.101 for Person 01' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Mark UN TAi.101 for Person 01 as false positive' }));
    expect(screen.getByLabelText(/Reason for “false positive”/)).toBeTruthy();
  });
});
