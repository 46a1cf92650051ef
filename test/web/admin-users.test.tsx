// @vitest-environment jsdom
// The users page against a stand-in for /api/users that keeps its state: no Disable button for
// yourself, disabling and enabling change the row after the server answers, a refusal is shown,
// and non-admins are told the page is not theirs without asking for the list.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { UsersPage } from '../../web/src/admin/UsersPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

interface Row { id: string; username: string; is_admin: boolean; created_at: string; disabled_at: string | null }

function stubServer(admin: boolean) {
  const users: Row[] = [
    { id: '1', username: 'ada', is_admin: true, created_at: '2026-12-01T09:00:00Z', disabled_at: null },
    { id: '2', username: 'victor', is_admin: false, created_at: '2026-12-01T09:00:00Z', disabled_at: null },
  ];
  const calls: string[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: { method?: string; body?: string }) => {
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    if (url === '/api/me') return json(200, { user: { id: admin ? '1' : '2', username: admin ? 'ada' : 'victor', is_admin: admin }, is_admin: admin, roles: {} });
    if (url === '/api/users' && method === 'GET') return json(200, { users });
    if (url === '/api/users' && method === 'POST') {
      const body = JSON.parse(init?.body ?? '{}') as { username: string; password: string };
      if (body.password.length < 12) return json(400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: `password refused: it has ${body.password.length} characters; use at least 12` });
      const row = { id: '3', username: body.username, is_admin: false, created_at: '2026-12-03T10:00:00Z', disabled_at: null };
      users.push(row);
      return json(201, row);
    }
    const m = /^\/api\/users\/([^/]+)\/(disable|enable)$/.exec(url);
    const user = m && users.find((u) => u.username === m[1]);
    if (m && user) {
      user.disabled_at = m[2] === 'disable' ? '2026-12-03T11:00:00Z' : null;
      return json(200, user);
    }
    return json(404, { title: 'Not Found', status: 404, detail: 'no route' });
  }));
  return calls;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><MemoryRouter><UsersPage /></MemoryRouter></QueryClientProvider>);
}

describe('users page', () => {
  it('disables and enables others, never yourself', async () => {
    const calls = stubServer(true);
    renderPage();
    const victor = await screen.findByTestId('user-victor');
    expect(within(screen.getByTestId('user-ada')).queryByRole('button', { name: /^Disable/ })).toBeNull();
    await userEvent.click(within(victor).getByRole('button', { name: 'Disable victor' }));
    expect(await within(victor).findByText('disabled 2026-12-03 11:00')).toBeTruthy();
    expect(calls).toContain('POST /api/users/victor/disable');
    await userEvent.click(within(victor).getByRole('button', { name: 'Enable victor' }));
    expect(await within(victor).findByText('active')).toBeTruthy();
  });

  it('adds a user, and shows the server\'s refusal of a weak password', async () => {
    stubServer(true);
    renderPage();
    await screen.findByTestId('user-victor');
    await userEvent.type(screen.getByLabelText('User name'), 'newcomer');
    await userEvent.type(screen.getByLabelText('Password'), 'short-but-12');
    await userEvent.click(screen.getByRole('button', { name: 'Add user' }));
    expect(await screen.findByTestId('user-newcomer')).toBeTruthy();
    expect(screen.getByText('3 users')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('User name'), 'weak');
    const password = screen.getByLabelText('Password');
    password.removeAttribute('minlength');
    await userEvent.type(password, 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'Add user' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/password refused: it has 3 characters/);
  });

  it('tells a non-admin the page is not theirs, without asking for the users', async () => {
    const calls = stubServer(false);
    renderPage();
    expect(await screen.findByText('Only instance admins manage users.')).toBeTruthy();
    expect(calls.some((c) => c === 'GET /api/users')).toBe(false);
  });
});
