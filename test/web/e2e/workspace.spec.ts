// The browser as the whole workspace (issue #14): a case built from nothing with the schema
// forms and pickers, a reviewer's retraction, a viewer without edit controls, a concurrent edit
// that shows both versions, and axe on every new page at 1280 and 768 px.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CASE_ID, USERS } from './server';
import { baseURL, signIn, expectAccessible, snap } from './helpers';

test.use({ baseURL: baseURL() });

const NEW_CASE = 'northern-front-ceasefire';
const base = `/cases/${NEW_CASE}`;

/** Types into a link picker and chooses the first object whose name matches. */
async function pick(scope: Locator | Page, label: string | RegExp, words: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: typeof label === 'string' }).first();
  await input.fill(words);
  await scope.getByRole('option', { name: new RegExp(words, 'i') }).first().click();
}

async function grant(page: Page, caseId: string, username: string, role: string): Promise<void> {
  const token = await page.evaluate(() => sessionStorage.getItem('deeds.csrf'));
  const answer = await page.request.post(`/api/cases/${caseId}/grants`, { data: { username, role }, headers: { 'X-CSRF-Token': token ?? '' } });
  expect(answer.ok(), await answer.text()).toBe(true);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/signin/);
}

test('an analyst builds a case from nothing, sees a pledge broken and a release flagged, exports the briefing; a reviewer retracts', async ({ page }) => {
  test.setTimeout(180_000);
  // An admin creates the case and gives an analyst a role on it.
  await signIn(page, USERS.admin);
  await page.getByRole('link', { name: 'New case' }).click();
  const newCase = page.getByRole('form', { name: 'New case' });
  await newCase.getByLabel('Title', { exact: true }).fill('Northern Front ceasefire');
  await expect(newCase.getByLabel(/^Id/)).toHaveValue(NEW_CASE);
  await newCase.getByLabel(/^The party whose deeds/).fill('Northern Front');
  await newCase.getByLabel(/^Period start/).fill('2021-01-01');
  await newCase.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/objects$`));
  await grant(page, NEW_CASE, USERS.reviewer, 'analyst');
  await signOut(page);

  await signIn(page, USERS.reviewer, `${base}/objects`);
  await expect(page.getByRole('heading', { name: 'Everything in this case' })).toBeVisible();

  // An actor: the id is a slug of the name.
  await page.getByRole('link', { name: 'New actor' }).click();
  let form = page.getByRole('form', { name: 'New actor' });
  await form.getByLabel('Name', { exact: true }).fill('Coalition of States');
  await expect(form.getByLabel(/^Id/)).toHaveValue('coalition-states');
  await form.getByLabel('Kind', { exact: true }).selectOption('state');
  await form.getByRole('button', { name: 'Create actor' }).click();
  await expect(page.getByRole('heading', { name: 'Actor: Coalition of States' })).toBeVisible();

  // A source, then two commitments that cite it, chosen by name.
  await page.goto(`${base}/objects/sources/new`);
  form = page.getByRole('form', { name: 'New source' });
  await form.getByLabel('Title', { exact: true }).fill('Ceasefire agreement');
  await form.getByLabel('Kind', { exact: true }).selectOption('agreement');
  await form.getByLabel('Date', { exact: true }).fill('2021-01-15');
  await form.getByLabel(/^Reliability/).selectOption('B');
  await form.getByRole('button', { name: 'Create source' }).click();
  await expect(page.getByRole('heading', { name: /^Source: Ceasefire agreement/ })).toBeVisible();

  const pledges: [string, string, string][] = [['The Front will not attack civilians', 'prohibition', 'violence'], ['The Front will release its prisoners', 'obligation', 'prisoners']];
  for (const [text, kind, category] of pledges) {
    await page.goto(`${base}/objects/commitments/new`);
    form = page.getByRole('form', { name: 'New commitment' });
    await form.getByLabel('Text', { exact: true }).fill(text);
    await pick(form, 'By', 'Northern');
    await pick(form, 'Source', 'Ceasefire');
    await form.getByLabel('Made', { exact: true }).fill('2021-01-15');
    await form.getByLabel('Category', { exact: true }).selectOption(category);
    await form.getByLabel('Kind', { exact: true }).selectOption(kind);
    await form.getByRole('button', { name: 'Create commitment' }).click();
    await expect(page.getByTestId('object-status')).toBeVisible();
  }

  // A condition: errors from the API appear at the field (no party set it yet).
  await page.goto(`${base}/objects/conditions/new`);
  form = page.getByRole('form', { name: 'New condition' });
  await form.getByLabel('Text', { exact: true }).fill('No attacks on civilians');
  await form.getByLabel('Category', { exact: true }).selectOption('violence');
  await form.getByRole('button', { name: 'Create condition' }).click();
  await expect(form.getByRole('group', { name: 'Set by' }).locator('.field-error')).toBeVisible();
  await pick(form, 'Add party', 'Coalition');
  await pick(form, 'Add required commitment', 'attack civilians');
  await form.getByRole('button', { name: 'Create condition' }).click();
  await expect(page.getByTestId('object-status')).toBeVisible();

  // Leverage gated by the condition.
  await page.goto(`${base}/objects/leverage/new`);
  form = page.getByRole('form', { name: 'New leverage instrument' });
  await form.getByLabel('Text', { exact: true }).fill('Sanctions relief for the Front');
  await pick(form, 'Held by', 'Coalition');
  await form.getByLabel('Kind', { exact: true }).selectOption('sanctions_relief');
  await pick(form, 'Add gating condition', 'No attacks');
  await form.getByRole('button', { name: 'Create leverage instrument' }).click();
  await expect(page.getByTestId('object-status')).toBeVisible();

  // Evidence, citing a source created from inside the evidence form.
  await page.goto(`${base}/evidence`);
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const ev = page.getByRole('form', { name: 'Save evidence' });
  await ev.getByRole('button', { name: 'New source…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source' });
  await dialog.getByLabel('Title', { exact: true }).fill('Monitors report on the market attack');
  await dialog.getByLabel('Kind', { exact: true }).selectOption('report');
  await dialog.getByLabel('Date', { exact: true }).fill('2021-03-02');
  await dialog.getByLabel(/^Reliability/).selectOption('B');
  await dialog.getByRole('button', { name: 'Create source' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(ev.getByLabel('Source', { exact: true })).toHaveValue(/Monitors report/);
  await ev.getByLabel('Observed from').fill('2021-03-01');
  await ev.getByLabel(/^Recorded on/).fill('2021-03-05');
  await ev.getByLabel('Summary', { exact: true }).fill('The Front shelled a crowded market.');
  await ev.getByRole('radio', { name: /^2 — Probably true/ }).check();
  await pick(ev, 'Target of link 1', 'attack civilians');
  await ev.getByLabel('Stance of link 1').selectOption('contradicts');
  await ev.getByLabel('Strength of link 1').selectOption('strong');
  await ev.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toContainText('ev-front-shelled-crowded-market');

  // A decision on the leverage: released while its condition is unmet.
  await page.goto(`${base}/objects/leverage/lev-sanctions-relief-front/edit`);
  form = page.getByRole('form', { name: 'Edit leverage instrument' });
  await form.getByRole('button', { name: 'Add decision' }).click();
  const decision = form.getByRole('group', { name: 'Decision 1' });
  await decision.getByLabel('Date', { exact: true }).fill('2021-04-01');
  await decision.getByLabel('Action', { exact: true }).selectOption('released');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('object-status')).toBeVisible();

  await page.goto(`${base}?as_of=2021-06-01`);
  await expect(page.getByRole('article', { name: 'Commitments broken' })).toContainText('The Front will not attack civilians');
  await expect(page.getByRole('article', { name: 'Leverage released against conditions' })).toContainText('Sanctions relief for the Front');
  await snap(page, 'workspace-dashboard');

  await page.goto(`${base}/reports?as_of=2021-06-01`);
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Briefing (Markdown)' }).click();
  expect((await downloaded).suggestedFilename()).toMatch(/\.md$/);
  await signOut(page);

  // A reviewer retracts the item: the commitment is no longer broken.
  await signIn(page, USERS.admin);
  await grant(page, NEW_CASE, USERS.reviewer, 'reviewer');
  await signOut(page);
  await signIn(page, USERS.reviewer, `${base}/evidence/ev-front-shelled-crowded-market`);
  await page.getByRole('button', { name: 'Retract' }).click();
  await page.getByLabel('Retracted on').fill('2021-03-01');
  await page.getByLabel('Reason').fill('The monitors withdrew the report.');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('region', { name: 'Retract this item' }).getByRole('button', { name: 'Retract' }).click();
  await expect(page.getByText(/retracted/i).first()).toBeVisible();
  // Recorded today, the retraction counts in assessments made from today.
  await page.goto(`${base}/commitments/ct-front-attack-civilians`);
  await expect(page.getByTestId('object-status')).not.toContainText('broken');
});

test('a hypothesis set with options gets ids from their words; a tripwire missing what its kind needs says so at the field', async ({ page }) => {
  await signIn(page, USERS.admin, `${base}/objects/hypotheses/new`);
  let form = page.getByRole('form', { name: 'New hypothesis set' });
  await form.getByLabel('Question', { exact: true }).fill('Will the Front keep the ceasefire?');
  for (const text of ['The Front keeps it', 'The Front breaks it']) {
    await form.getByRole('button', { name: 'Add option' }).click();
    await form.getByRole('group', { name: /^Option \d/ }).last().getByLabel('Text', { exact: true }).fill(text);
  }
  await form.getByRole('button', { name: 'Create hypothesis set' }).click();
  await expect(page.getByRole('heading', { name: /^Hypothesis set: Will the Front keep/ })).toBeVisible();
  await expect(page.getByText('front-keeps-it', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Open the ACH matrix' }).click();
  await expect(page.getByRole('heading', { name: 'ACH ach-front-keep-ceasefire' })).toBeVisible();

  await page.goto(`${base}/objects/tripwires/new`);
  form = page.getByRole('form', { name: 'New tripwire' });
  await form.getByLabel('Kind', { exact: true }).selectOption('review_due');
  await form.getByLabel(/^Advice/).fill('Review the sanctions relief before it lapses');
  await form.getByRole('button', { name: 'Create tripwire' }).click();
  await expect(form.getByLabel(/^Leverage/)).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('.field-error').first()).toContainText('needs');
  await pick(form, /^Leverage/, 'Sanctions relief');
  await form.getByLabel(/^Within days/).fill('30');
  await form.getByRole('button', { name: 'Create tripwire' }).click();
  await expect(page.getByRole('heading', { name: /^Tripwire: Review the sanctions relief/ })).toBeVisible();
});

test('an owner changes the case settings; a wrong date is reported at its field', async ({ page }) => {
  await signIn(page, USERS.admin, `${base}/settings`);
  const form = page.getByRole('form', { name: 'Case settings' });
  await form.getByLabel(/^Summary/).fill('Built in the browser.');
  const period = form.getByRole('group', { name: /^Period/ });
  await period.getByLabel('Start', { exact: true }).fill('2021-02-30');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(period.locator('.field-error')).toContainText('no such day');
  await expect(period.getByLabel('Start', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await period.getByLabel('Start', { exact: true }).fill('2021-01-01');
  await form.getByRole('group', { name: /^Strength/ }).getByLabel(/^Strong/).fill('4');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const saved = await (await page.request.get(`/api/cases/${NEW_CASE}/settings`)).json() as { case: { summary?: string; period?: { start?: string } }; assessment: { strength?: { strong?: number } } };
  expect(saved.case.summary).toBe('Built in the browser.');
  expect(saved.case.period?.start).toBe('2021-01-01');
  expect(saved.assessment.strength?.strong).toBe(4);
});

test('a viewer sees no edit controls on the new pages', async ({ page }) => {
  await signIn(page, USERS.viewer, `/cases/${CASE_ID}/objects`);
  await expect(page.getByRole('heading', { name: 'Everything in this case' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^New / })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Case settings' })).toHaveCount(0);
  await page.goto(`/cases/${CASE_ID}/objects/actors`);
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('link', { name: /^New / })).toHaveCount(0);
  await page.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /^Actor: / })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await page.goto(`/cases/${CASE_ID}/objects/positions`);
  await page.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /^Position: .+ (requires|supports|neutral|opposes) “/ })).toBeVisible();
  await expect(page.getByText('Stance', { exact: true })).toBeVisible();
  await page.goto(`/cases/${CASE_ID}/commitments`);
  await expect(page.getByTestId('status-counts')).toBeVisible();
  await expect(page.getByRole('link', { name: /^New / })).toHaveCount(0);
  await page.goto(`/cases/${CASE_ID}/commitments/ct-no-hosting`);
  await expect(page.getByTestId('object-status')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await page.goto(`/cases/${CASE_ID}/objects/actors/new`);
  await expect(page.getByText('Your role on this case does not allow editing')).toBeVisible();
  await expect(page.getByRole('form')).toHaveCount(0);
});

test('a concurrent edit shows both versions, and overwriting is a conscious choice', async ({ page, context }) => {
  await signIn(page, USERS.reviewer);
  const sources = await (await page.request.get(`/api/cases/${CASE_ID}/objects/sources?per_page=1`)).json() as { items: { id: string }[] };
  const id = sources.items[0]!.id;
  const edit = `/cases/${CASE_ID}/objects/sources/${id}/edit`;
  await page.goto(edit);
  const other = await context.newPage();
  await other.goto(edit);

  await other.getByLabel(/^Publisher/).fill('Saved by someone else');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByRole('heading', { name: /^Source: / })).toBeVisible();

  await page.getByLabel(/^Publisher/).fill('Saved here');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('row', { name: /Publisher/ })).toContainText('Saved by someone else');
  await expect(conflict.getByRole('row', { name: /Publisher/ })).toContainText('Saved here');
  await snap(page, 'workspace-conflict');
  await conflict.getByRole('button', { name: 'Overwrite with my version' }).click();
  await expect(page.getByRole('heading', { name: /^Source: / })).toBeVisible();
  const saved = await (await page.request.get(`/api/cases/${CASE_ID}/objects/sources/${id}`)).json() as { publisher?: string };
  expect(saved.publisher).toBe('Saved here');
});

test('the new pages pass axe without serious violations at 1280 and 768 px', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, USERS.admin);
  const c = `/cases/${CASE_ID}`;
  const pages: [string, string, string | RegExp][] = [
    ['objects', `${c}/objects`, 'Everything in this case'],
    ['actors', `${c}/objects/actors`, 'Actors'],
    ['relationships', `${c}/objects/relationships?as_of=2022-01-01`, 'Relationships'],
    ['actor', `${c}/objects/actors/taliban`, /^Actor: /],
    ['new-commitment', `${c}/objects/commitments/new`, 'New commitment'],
    ['edit-leverage', `${c}/objects/leverage/${await firstId(page, 'leverage')}/edit`, 'Edit leverage instrument'],
    ['settings', `${c}/settings`, 'Case settings'],
    ['new-case', '/new-case', 'New case'],
  ];
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 1000 });
    for (const [name, url, heading] of pages) {
      await page.goto(url);
      await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
      await expectAccessible(page, name, width, `workspace-${name}-${width}`);
    }
  }
});

async function firstId(page: Page, list: string): Promise<string> {
  const answer = await page.request.get(`/api/cases/${CASE_ID}/objects/${list}?per_page=1`);
  return ((await answer.json()) as { items: { id: string }[] }).items[0]!.id;
}
