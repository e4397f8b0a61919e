// Storage failures: no IndexedDB at all (private mode, storage switched off) and a full disk.
// Each gives a clear message, and the work typed stays in the tab.
import { test, expect } from '@playwright/test';
import { openApp, createAssessment, waitSaved } from './helpers.mjs';

test('without IndexedDB the app says so and keeps working in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await openApp(page, '#/');
  await expect(page.getByRole('alert').first()).toContainText('not letting gap42 store data');
  await page.getByLabel('Name', { exact: true }).fill('In memory');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await page.waitForURL(/#\/a\/[^/]+\/clauses/);
  await page.locator('.item-row').first().focus();
  await page.keyboard.press('4');
  await expect(page.getByTestId('level-4.1')).toContainText('Fully implemented');
  await expect(page.getByTestId('live-readiness')).toHaveText('1%');
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes');
});

test('a full disk gives a clear message, keeps the edit, and saves once space is back', async ({ page, context }) => {
  // Give this origin a small quota before it stores anything (Chromium applies an override to
  // storage opened afterwards): small records fit, a large note does not.
  const cdp = await context.newCDPSession(page);
  const origin = new URL(test.info().project.use.baseURL).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 150_000 });
  const id = await createAssessment(page, 'Full disk');
  await page.locator('#item-4\\.1 .item-title').click();
  const notes = 'Interview notes. '.repeat(12000);
  await page.locator('#notes-4\\.1').fill(notes);
  await expect(page.getByRole('alert').filter({ hasText: 'storage for this site (or the disk) is full' })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Not saved');
  await expect(page.locator('#notes-4\\.1')).toHaveValue(notes);

  // Space is back: the journal written when the page goes away carries the edit over a reload.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.reload();
  await page.locator('#item-4\\.1 .item-title').click();
  await expect(page.locator('#notes-4\\.1')).toHaveValue(notes);
  await waitSaved(page);
  expect(id).toBeTruthy();
});

test('the settings page shows where data is and how much space it uses', async ({ page }) => {
  await createAssessment(page, 'Settings check');
  await page.locator('.item-row').first().focus();
  await page.keyboard.press('2');
  await waitSaved(page);
  await openApp(page, '#/settings');
  await expect(page.getByTestId('storage-state')).toHaveText('IndexedDB on this device.');
  await expect(page.getByTestId('usage')).toContainText('available to this site');
  // persist() was asked after the first edit: the answer is shown, whichever it was.
  await expect(page.getByTestId('persisted')).not.toHaveText('Asked after your first edit.');
});
