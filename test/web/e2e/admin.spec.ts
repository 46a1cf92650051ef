// Administration in the browser: an admin adds a user, disables it, and the user can no longer
// sign in; the admin and screening review pages pass axe at 1280 and 768 px.
import { expect, test, type Page } from '@playwright/test';
import { baseURL, signIn, expectAccessible, snap } from './helpers';
import { CASE_ID, USERS } from './server';

test.use({ baseURL: baseURL() });

const NEWCOMER = 'newcomer-e2e';
const NEWCOMER_PASSWORD = 'a fresh long pass phrase';

async function trySignIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin adds a user, disables it, and the user can no longer sign in', async ({ page, browser }) => {
  await signIn(page, USERS.admin);
  await page.getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByLabel('User name', { exact: true }).fill(NEWCOMER);
  await page.getByLabel('Password', { exact: true }).fill(NEWCOMER_PASSWORD);
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText(`Added ${NEWCOMER}.`)).toBeVisible();
  const row = page.getByTestId(`user-${NEWCOMER}`);
  await expect(row.getByText('active')).toBeVisible();

  // The newcomer signs in in a browser of their own.
  const other = await browser.newContext({ baseURL: baseURL() });
  const theirs = await other.newPage();
  await trySignIn(theirs, NEWCOMER, NEWCOMER_PASSWORD);
  await expect(theirs.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await row.getByRole('button', { name: `Disable ${NEWCOMER}` }).click();
  await expect(row.getByText(/^disabled /)).toBeVisible();
  await snap(page, 'admin-users-disabled');

  // Their open session has ended, and signing in again is refused.
  expect((await theirs.request.get('/api/me')).status()).toBe(401);
  await trySignIn(theirs, NEWCOMER, NEWCOMER_PASSWORD);
  await expect(theirs.getByRole('alert')).toContainText('wrong user name or password');
  await other.close();
});

test('an admin uploads a data file and sees the import\'s result; a broken file is refused with its reason', async ({ page }) => {
  await signIn(page, USERS.admin);
  await page.goto('/admin/imports');
  await page.getByLabel('What the file is').selectOption('un-sanctions');
  // Refused before anything is written, so the other browser tests see the lists as they were.
  await page.getByLabel(/^File/).setInputFiles({ name: 'not-a-list.xml', mimeType: 'application/xml', buffer: Buffer.from('<NOT_A_LIST><X/></NOT_A_LIST>\n') });
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const result = page.getByRole('region', { name: 'Import a file' }).getByRole('listitem').filter({ hasText: 'not-a-list.xml' });
  await expect(result.getByRole('alert')).toContainText('Failed:');
  await expect(page.getByRole('heading', { name: 'Imports since this server started' })).toBeVisible();
  await snap(page, 'admin-import-failed');
});

test('the administration and screening review pages pass axe without serious violations at 1280 and 768 px', async ({ page }) => {
  await signIn(page, USERS.admin);
  const c = `/cases/${CASE_ID}`;
  // A stored run to review.
  await page.goto(`${c}/screening`);
  await page.getByRole('button', { name: 'Screen the case’s persons now' }).click();
  await expect(page.getByText(/^Screening the case/)).toHaveCount(0);
  const pages: [string, string, string][] = [
    ['users', '/admin/users', 'Users'],
    ['imports', '/admin/imports', 'Data imports'],
    ['audit', '/admin/audit', 'Audit log'],
    ['tokens', '/account/tokens', 'Your API tokens'],
    ['people', `${c}/people`, 'People on this case'],
    ['screening-review', `${c}/screening/review?state=all`, 'Screening review'],
  ];
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 1000 });
    for (const [name, url, heading] of pages) {
      await page.goto(url);
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      await expectAccessible(page, name, width, `admin-${name}-${width}`);
    }
  }
});
