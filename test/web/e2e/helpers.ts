import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { PASSWORD } from './server';

export const baseURL = (): string => {
  const url = process.env.DEEDS_E2E_URL;
  if (!url) throw new Error('DEEDS_E2E_URL is not set: run through playwright.config.ts, whose global setup starts the server');
  return url;
};

export async function signIn(page: Page, username: string, next = '/'): Promise<void> {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Screenshots of the main pages, kept as test artifacts (test-results/ is git-ignored). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
