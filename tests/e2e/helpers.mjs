// Shared helpers for the end-to-end specs.
import { expect } from '@playwright/test';

/** Open the app and wait until the first render is done. */
export async function openApp(page, hash = '#/') {
  await page.goto('./' + hash);
  await expect(page.locator('header.topbar')).toBeVisible();
}

/** Create an assessment through the home page form; resolves with its id. */
export async function createAssessment(page, name = 'Acme AI readiness', org = 'Acme Ltd') {
  await openApp(page, '#/');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Organisation').fill(org);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await page.waitForURL(/#\/a\/[^/]+\/clauses/);
  return page.url().match(/#\/a\/([^/]+)\//)[1];
}

/** Wait until the open assessment reports all changes saved. */
export async function waitSaved(page) {
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
}
