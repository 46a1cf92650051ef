// The web UI end to end, in Chromium, against a real server (see global-setup.ts).
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CASE_ID, USERS } from './server';
import { baseURL, signIn, expectAccessible, snap } from './helpers';

test.use({ baseURL: baseURL() });

const casePage = (path = '', asOf?: string) => `/cases/${CASE_ID}${path}${asOf ? `?as_of=${asOf}` : ''}`;

test('sign in, open the demo case, and replay ct-no-hosting from unverified to broken', async ({ page }) => {
  await signIn(page, USERS.reviewer);
  await page.getByRole('link', { name: /Afghanistan/ }).click();
  await expect(page.getByRole('heading', { name: 'Headline findings' })).toBeVisible();

  await page.goto(casePage('/commitments/ct-no-hosting', '2020-03-01'));
  await expect(page.getByTestId('object-status')).toContainText('unverified');
  await page.getByLabel('As of', { exact: true }).fill('2022-01-01');
  await expect(page).toHaveURL(/as_of=2022-01-01/);
  await expect(page.getByTestId('object-status')).toContainText('broken');
  await expect(page.getByTestId('object-status')).toContainText('high confidence');
  await expect(page.getByRole('row', { name: /ev-mt12-aq-aligned/ }).getByRole('link').first()).toBeVisible();
  await expect(page.getByTestId('status-timeline')).toBeVisible();
  await snap(page, 'commitment-ct-no-hosting');

  // The date stays in the URL across navigation, and the dashboard replays with it.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL(/as_of=2022-01-01/);
  await expect(page.getByTestId('dashboard-as-of')).toHaveText('2022-01-01');
  await expect(page.getByRole('article', { name: 'Commitments broken' })).toContainText('ct-no-hosting');
  await page.getByLabel('As of', { exact: true }).fill('2020-03-01');
  await expect(page.getByTestId('dashboard-as-of')).toHaveText('2020-03-01');
  await expect(page.getByRole('article', { name: 'Commitments broken' })).toContainText('No commitment is broken');
});

test('adding an evidence item changes the status and the explanation', async ({ page }) => {
  await signIn(page, USERS.reviewer, casePage('/commitments/ct-asylum-migration-law', '2021-01-01'));
  await expect(page.getByTestId('object-status')).toContainText('unverified');

  await page.getByRole('link', { name: 'Evidence', exact: true }).click();
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const form = page.getByRole('form', { name: 'Save evidence' });
  await form.getByLabel(/^Id/).fill('ev-e2e-asylum');
  await form.getByLabel('Source', { exact: true }).fill('un-mt-11');
  await form.getByRole('option', { name: /un-mt-11/ }).first().click();
  await form.getByLabel('Observed from').fill('2020-12-01');
  await form.getByLabel(/^Recorded on/).fill('2020-12-15');
  await form.getByLabel('Summary', { exact: true }).fill('Test item: foreign fighters given residence outside any migration law.');
  await form.getByRole('radio', { name: /^1 — Confirmed/ }).check();
  await form.getByLabel('Target of link 1').fill('ct-asylum-migration-law');
  await form.getByRole('option', { name: /ct-asylum-migration-law/ }).first().click();
  await form.getByLabel('Stance of link 1').selectOption('contradicts');
  await form.getByLabel('Strength of link 1').selectOption('strong');
  await snap(page, 'evidence-add-form');
  await form.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toContainText('ev-e2e-asylum');

  await page.goto(casePage('/commitments/ct-asylum-migration-law', '2021-01-01'));
  await expect(page.getByTestId('object-status')).toContainText('broken');
  await expect(page.getByTestId('explanation')).toContainText('ev-e2e-asylum');
  await expect(page.getByRole('row', { name: /^Test item: foreign fighters.*ev-e2e-asylum/ })).toContainText('3.00');
  await snap(page, 'commitment-after-new-evidence');

  // Before it was recorded, the item does not count: replay stays honest.
  await page.getByLabel('As of', { exact: true }).fill('2020-12-01');
  await expect(page.getByTestId('object-status')).toContainText('unverified');

  await page.goto(casePage('/evidence/ev-e2e-asylum'));
  await expect(page.getByRole('heading', { name: 'History of versions' })).toBeVisible();
  await expect(page.getByText(/Version 1/)).toBeVisible();
});

test('a viewer sees no write controls and the API refuses the write', async ({ page }) => {
  await signIn(page, USERS.viewer, casePage('/evidence'));
  await expect(page.getByRole('heading', { name: 'Evidence ledger' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add evidence' })).toHaveCount(0);

  const csrf = await page.evaluate(() => sessionStorage.getItem('deeds.csrf'));
  expect(csrf).toBeTruthy();
  const response = await page.request.post(`/api/cases/${CASE_ID}/evidence`, {
    headers: { 'X-CSRF-Token': csrf ?? '' },
    data: { id: 'ev-viewer-write', source: 'un-mt-11', observed: { from: '2021-01-01' }, credibility: 1, summary: 'should be refused', bears_on: [] },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).detail).toContain('analyst');

  await page.goto(casePage('/evidence/ev-mt12-aq-aligned'));
  await expect(page.getByRole('heading', { name: 'History of versions' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Retract|Supersede/ })).toHaveCount(0);
});

test('a screening decision survives a reload', async ({ page }) => {
  await signIn(page, USERS.reviewer);
  const probe = await page.request.get(`/api/cases/${CASE_ID}/screening`);
  test.skip(probe.status() === 404, 'GET /api/cases/:case/screening answers 404 on this server: the screening routes are not built yet');
  await page.goto(casePage('/screening'));
  await page.getByRole('button', { name: 'Screen the case’s persons now' }).click();
  const person = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /Mohammad Hassan Akhund/ }) });
  const match = person.getByTestId('match-TAi.002');
  await expect(match).toBeVisible();
  await expect(match).toContainText('No decision yet');
  await match.getByRole('button', { name: /^Confirm/ }).click();
  await match.getByLabel(/Reason/).fill('Same person: name, alias and post agree with the UN entry.');
  await match.getByRole('button', { name: 'Record decision' }).click();
  await expect(match.getByTestId('decision')).toContainText('confirmed');
  await snap(page, 'screening-decision');
  await page.reload();
  await expect(person.getByTestId('match-TAi.002').getByTestId('decision')).toContainText('Same person');
  await expect(person.getByTestId('match-TAi.002').getByTestId('decision')).toContainText('user:rita');
});

test('the dashboard lists the review warnings; a retraction dated long ago asks before saving', async ({ page }) => {
  await signIn(page, USERS.reviewer, casePage('', '2023-01-01'));
  await expect(page.getByRole('heading', { name: /^Review before signing \(\d+\)$/ })).toBeVisible();

  await page.goto(casePage('/evidence/ev-mt12-aq-aligned'));
  await page.getByRole('button', { name: 'Retract' }).click();
  await page.getByLabel('Retracted on').fill('2021-01-01');
  await expect(page.getByRole('note')).toContainText('days in the past');
  // Dismissing the question saves nothing: the item stays unretracted.
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByLabel('Reason').fill('Test: the question comes first.');
  await page.getByRole('region', { name: 'Retract this item' }).getByRole('button', { name: 'Retract' }).click();
  await expect.poll(() => asked).toContain('days before today');
  await expect(page.getByRole('region', { name: 'Retract this item' })).toBeVisible();
  const item = await page.request.get(`/api/cases/${CASE_ID}/evidence/ev-mt12-aq-aligned/history`);
  const { versions } = (await item.json()) as { versions: { item: { retracted?: unknown } }[] };
  expect(versions.length).toBeGreaterThan(0);
  expect(versions.at(-1)?.item.retracted ?? null).toBeNull();
});

test('compare two dates: what changed since a review, with names and links', async ({ page }) => {
  await signIn(page, USERS.viewer, `/cases/${CASE_ID}/changes?from=2020-03-01&as_of=2021-09-01`);
  await expect(page.getByRole('heading', { name: /^Status or confidence changed \(\d+\)$/ })).toBeVisible();
  await expect(page.getByTestId('changes-to')).toHaveText('2021-09-01');
  const row = page.getByRole('row').filter({ hasText: 'ct-no-hosting' });
  await expect(row).toContainText('unverified');
  await expect(row.getByRole('link')).toHaveAttribute('href', /\/commitments\/ct-no-hosting/);
  await page.getByLabel('Since').fill('2021-08-31');
  await expect(page).toHaveURL(/from=2021-08-31/);
  await snap(page, 'changes');
});

test('index pages: every claim with its verdict when made and now, filtered and sorted in the URL', async ({ page }) => {
  await signIn(page, USERS.viewer, casePage('/claims', '2023-01-01'));
  await expect(page.getByRole('heading', { name: 'Claims audit' })).toBeVisible();
  await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(2);
  await page.getByLabel('Status', { exact: true }).selectOption('contradicted');
  await expect(page).toHaveURL(/status=contradicted/);
  await expect(page.getByRole('status').filter({ hasText: / of / })).toContainText(/^\d+ of \d+$/);
  for (const row of await page.getByRole('row').all()) {
    if ((await row.getByRole('columnheader').count()) > 0) continue;
    await expect(row.locator('[data-status]').last()).toHaveAttribute('data-status', 'contradicted');
  }
  await page.getByLabel('Words').fill('zzz-no-such-claim');
  await expect(page.getByRole('status').filter({ hasText: / of / })).toContainText('0 of');
  await page.goto(casePage('/commitments', '2023-01-01'));
  await expect(page.getByTestId('status-counts')).toContainText(/\d/);
  await expect(page.getByRole('row').filter({ hasText: 'ct-no-hosting' }).getByRole('link')).toHaveAttribute('href', /commitments\/ct-no-hosting/);
});

test('main pages render, pass axe without serious violations, at 1280 px and 768 px', async ({ page }) => {
  // Twenty-two pages with axe each: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  await signIn(page, USERS.reviewer);
  const pages: [string, string, string][] = [
    ['dashboard', casePage('', '2023-01-01'), 'Headline findings'],
    ['condition', casePage('/conditions/cond-doha-compliance', '2023-01-01'), 'Status over time'],
    ['claim', casePage('/claims/claim-naeem-no-aq-presence', '2023-01-01'), 'Status over time'],
    ['ledger', casePage('/evidence', '2023-01-01'), 'Evidence ledger'],
    ['ach', casePage('/ach'), 'Analysis of Competing Hypotheses'],
    ['indicators', casePage('/indicators', '2023-01-01'), 'Indicators'],
    ['screening', casePage('/screening'), 'Sanctions screening'],
    ['reports', casePage('/reports', '2023-01-01'), 'Reports and exports'],
    ['changes', casePage('/changes', '2023-01-01'), 'What changed'],
    ['commitments', casePage('/commitments', '2023-01-01'), 'Commitments'],
    ['claims', casePage('/claims', '2023-01-01'), 'Claims audit'],
  ];
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 1000 });
    for (const [name, url, heading] of pages) {
      await page.goto(url);
      await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
      await expectAccessible(page, name, width, `${name}-${width}`);
    }
  }
});

test('ACH: rating a cell recomputes scores before saving, and the save is re-fetched', async ({ page }) => {
  await signIn(page, USERS.reviewer, casePage('/ach'));
  await page.locator('.card a').first().click();
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  // Rows re-sort by diagnosticity as ratings change: hold on to the cell by its label.
  const label = (await table.getByRole('combobox').first().getAttribute('aria-label')) ?? '';
  const cell = table.getByLabel(label, { exact: true });
  const option = /against (\S+)$/.exec(label)?.[1] ?? '';
  const score = page.getByTestId(`score-${option}`);
  const before = await score.innerText();
  const original = await cell.inputValue();
  await cell.selectOption(original === 'II' ? 'N' : 'II');
  await expect(score).not.toHaveText(before);
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  const local = await score.innerText();
  await page.getByRole('button', { name: 'Save ratings' }).click();
  await expect(page.getByText('Saved; scores re-fetched from the server.')).toBeVisible();
  // The server's scores, fetched again, agree with what was computed in the browser.
  await expect(score).toHaveText(local);
  await snap(page, 'ach-matrix');
});

test('keyboard: the skip link moves focus to the content, and API problems are shown in words', async ({ page }) => {
  await signIn(page, USERS.reviewer, casePage('', '2023-01-01'));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main/);

  await page.goto('/cases/no-such-case');
  await expect(page.getByRole('alert')).toContainText('does not exist or you have no access to it');
});

test('indicators: series charts, tripwire marks and the province view render from the API’s JSON', async ({ page }) => {
  // The indicators and alerts routes are being built: serve their documented JSON here so the
  // page is exercised whether or not the server has them yet.
  const periods = ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06'];
  const starts = periods.map((p) => `${p}-01`);
  await page.route(/\/api\/cases\/[^/]+\/indicators/, (route) => route.fulfill({
    json: {
      case: CASE_ID, as_of: '2020-07-01',
      indicators: [{
        id: 'ind-fatalities', dataset: 'ucdp-ged', measure: 'fatalities', period: 'month', from: '2020-01-01', to: '2020-06-30',
        coverage: { from: '2020-01-01', to: '2020-06-30' }, periods, starts, values: [10, 12, 11, 30, 45, 20], total: 128,
        breakdowns: { province: [{ key: 'kabul', label: 'Kabul', values: [5, 6, 5, 20, 30, 10] }, { key: 'helmand', label: 'Helmand', values: [5, 6, 6, 10, 15, 10] }] },
      }],
    },
  }));
  await page.route(/\/api\/cases\/[^/]+\/alerts/, (route) => route.fulfill({
    json: { case: CASE_ID, as_of: '2020-07-01', alerts: [{ tripwire: 'tw-violence-during-talks', kind: 'rise_over_baseline', periods: ['2020-04', '2020-05'], first: '2020-04', advice: 'Condition the pace of talks on violence.', indicator: 'ind-fatalities', baseline: 11 }], skipped: [] },
  }));
  await signIn(page, USERS.reviewer, casePage('/indicators', '2020-07-01'));
  await expect(page.getByRole('heading', { name: /ind-fatalities: fatalities per month/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /ind-fatalities.*total 128/ })).toBeVisible();
  await expect(page.locator('.chart svg').first()).toBeVisible();
  await expect(page.getByText(/red pins: tripwire firings \(tw-violence-during-talks\)/)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Kabul' })).toContainText('76');
  await page.getByRole('button', { name: 'Table' }).click();
  await expect(page.getByRole('row', { name: /Helmand/ })).toContainText('52');
  await expect(page.getByRole('region', { name: 'Tripwires at this date' }).or(page.locator('section').filter({ hasText: 'Tripwires at this date' })).first()).toContainText('tw-violence-during-talks');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await snap(page, 'indicators-with-data');
});

test('reports: a download either arrives or the API’s problem is shown in words', async ({ page }) => {
  await signIn(page, USERS.reviewer, casePage('/reports', '2023-01-01'));
  const probe = await page.request.get(`/api/cases/${CASE_ID}/report?format=md&as_of=2023-01-01`);
  const downloaded = probe.ok() ? page.waitForEvent('download') : null;
  await page.getByRole('button', { name: 'Download Briefing (Markdown)' }).click();
  if (downloaded) {
    expect((await downloaded).suggestedFilename()).toMatch(/\.md$/);
    await expect(page.getByRole('status')).toContainText('Downloaded');
  } else {
    const problem = (await probe.json()) as { detail?: string };
    await expect(page.getByRole('alert')).toContainText('The md report failed');
    await expect(page.getByRole('alert')).toContainText(problem.detail ?? '');
  }
});
