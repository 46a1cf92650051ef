// @vitest-environment jsdom
// The object form's writes: an edit sends the ETag it read as If-Match; a 412 shows both
// versions and saves nothing until the user chooses; overwriting sends the current ETag, and
// taking theirs puts their version in the form. A new object is POSTed with a slug id.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ObjectForm } from '../../web/src/forms/ObjectForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const caseFile = { actors: [{ id: 'taliban', kind: 'armed_group', name: 'Taliban' }], sources: [{ id: 'un-report', kind: 'report', title: 'UN report', date: '2021-06-01' }] };
const mine = { id: 'un-report', kind: 'report', title: 'UN report', date: '2021-06-01', publisher: 'UN' };
const theirs = { ...mine, publisher: 'United Nations Security Council' };

interface Call { method: string; url: string; headers: Record<string, string>; body: unknown }

/** A fetch that answers from `answers` in order, recording each request. */
function stubFetch(answers: { status: number; body: unknown; etag?: string }[]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push({ method: init.method ?? 'GET', url, headers: (init.headers ?? {}) as Record<string, string>, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const next = answers.shift();
    if (!next) throw new Error(`no answer left for ${init.method ?? 'GET'} ${url}`);
    return new Response(JSON.stringify(next.body), { status: next.status, headers: { 'content-type': next.status >= 400 ? 'application/problem+json' : 'application/json', ...(next.etag ? { etag: next.etag } : {}) } });
  }));
  return calls;
}

describe('ObjectForm', () => {
  it('sends If-Match, shows both versions on 412, and overwrites only when asked, with the current ETag', async () => {
    const user = userEvent.setup();
    const calls = stubFetch([
      { status: 412, body: { title: 'Precondition Failed', status: 412, detail: 'changed since you read it' } },
      { status: 200, body: theirs, etag: '"v2"' },
      { status: 200, body: { ...mine, publisher: 'UN Monitoring Team' }, etag: '"v3"' },
    ]);
    const onSaved = vi.fn();
    render(<ObjectForm caseId="afg" list="sources" caseFile={caseFile} existing={{ data: mine, etag: '"v1"', key: 'un-report' }} onSaved={onSaved} />);
    const publisher = screen.getByLabelText(/^Publisher/);
    await user.clear(publisher);
    await user.type(publisher, 'UN Monitoring Team');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const conflict = await screen.findByRole('alert');
    expect(conflict.textContent).toContain('Someone else changed this');
    const row = within(conflict).getByRole('row', { name: /Publisher/ });
    expect(row.textContent).toContain('United Nations Security Council');
    expect(row.textContent).toContain('UN Monitoring Team');
    expect(row.textContent).toContain('≠');
    expect(calls[0]).toMatchObject({ method: 'PUT', url: '/api/cases/afg/objects/sources/un-report', headers: { 'If-Match': '"v1"' } });
    expect(calls[1]).toMatchObject({ method: 'GET', url: '/api/cases/afg/objects/sources/un-report' });
    expect(onSaved).not.toHaveBeenCalled();

    await user.click(within(conflict).getByRole('button', { name: 'Overwrite with my version' }));
    expect(calls[2]).toMatchObject({ method: 'PUT', headers: { 'If-Match': '"v2"' }, body: { ...mine, publisher: 'UN Monitoring Team' } });
    expect(onSaved).toHaveBeenCalledWith({ data: { ...mine, publisher: 'UN Monitoring Team' }, etag: '"v3"' });
  });

  it('takes their version into the form when asked, dropping the edits', async () => {
    const user = userEvent.setup();
    stubFetch([
      { status: 412, body: { title: 'Precondition Failed', status: 412, detail: 'changed' } },
      { status: 200, body: theirs, etag: '"v2"' },
    ]);
    render(<ObjectForm caseId="afg" list="sources" caseFile={caseFile} existing={{ data: mine, etag: '"v1"', key: 'un-report' }} onSaved={() => {}} />);
    await user.type(screen.getByLabelText(/^Publisher/), ' (edited)');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(await screen.findByRole('button', { name: 'Reload their version (drop my changes)' }));
    expect((screen.getByLabelText(/^Publisher/) as HTMLInputElement).value).toBe('United Nations Security Council');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('creates with a slug id and shows the API’s field errors at their fields', async () => {
    const user = userEvent.setup();
    const calls = stubFetch([
      { status: 400, body: { title: 'Bad Request', status: 400, detail: 'the case would not be valid', errors: [{ field: 'sources[1].date', message: 'not a date: use ISO 8601' }] } },
    ]);
    render(<ObjectForm caseId="afg" list="sources" caseFile={caseFile} onSaved={() => {}} />);
    await user.type(screen.getByLabelText('Title'), 'The Monitoring Team’s 12th report');
    expect((screen.getByLabelText(/^Id/) as HTMLInputElement).value).toBe('monitoring-teams-12th-report');
    await user.type(screen.getByLabelText('Date'), 'June');
    await user.click(screen.getByRole('button', { name: 'Create source' }));
    const date = screen.getByLabelText('Date');
    expect(await screen.findByText('not a date: use ISO 8601')).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/cases/afg/objects/sources', body: { id: 'monitoring-teams-12th-report', title: 'The Monitoring Team’s 12th report', date: 'June' } });
  });
});
