import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
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

/**
 * The page as loaded passes axe (WCAG 2.1 A and AA) without serious or critical violations, and is
 * usable at this width: wide tables scroll inside their box, the page itself does not. Then a screenshot.
 */
export async function expectAccessible(page: Page, name: string, width: number, shot: string): Promise<void> {
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}@${width}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}@${width} is wider than the window`).toBeLessThanOrEqual(1);
  await snap(page, shot);
}
