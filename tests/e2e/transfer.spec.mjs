// Exchange: export, import (keep both / replace), refused files, backup and restore, encrypted
// files and share links. The export panel is expected on the assessment's dashboard.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, createAssessment, waitSaved } from './helpers.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gap42-transfer-'));
const fixture = (name) => path.join('tests', 'fixtures', name);
const rows = (page) => page.getByTestId('assessment-row');
const level = (page, id) => page.getByTestId(`level-${id}`);

/** Create an assessment and rate 4.1 → 3, 4.2 → 2, 4.3 → 4 from the keyboard. */
async function createRated(page, name, org) {
  const id = await createAssessment(page, name, org);
  await page.locator('.item-row').first().focus();
  for (const k of ['3', 'j', '2', 'j', '4']) await page.keyboard.press(k);
  await expect(level(page, '4.3')).toContainText('Fully implemented');
  await waitSaved(page);
  const readiness = await page.getByTestId('live-readiness').textContent();
  const coverage = await page.getByTestId('live-coverage').textContent();
  return { id, readiness, coverage };
}

/** Open the export panel of an assessment. */
async function openTransfer(page, id) {
  await openApp(page, `#/a/${id}/overview`);
  await expect(page.getByTestId('assessment-transfer')).toBeVisible();
  return page.getByTestId('assessment-transfer');
}

/** Click a button that downloads; resolves with the saved file path and the download. */
async function download(page, click, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(tmp, name || dl.suggestedFilename());
  await dl.saveAs(file);
  return { file, dl };
}

async function importFile(page, file) {
  await page.locator('#import-file').setInputFiles(file);
}

test('export JSON, import it back as a copy with the same ratings, then replace', async ({ page }) => {
  page.on('dialog', (d) => d.accept());
  const { id, readiness } = await createRated(page, 'Acme AI readiness', 'Acme Ltd');
  const panel = await openTransfer(page, id);
  await expect(panel.getByTestId('last-exported')).toHaveText('Not yet exported as a gap42 file.');

  const { file, dl } = await download(page, () => panel.getByRole('button', { name: 'JSON (gap42 file)' }).click());
  expect(dl.suggestedFilename()).toMatch(/^acme-ai-readiness-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(json.format).toBe('gap42.assessment');
  expect(json.assessment.id).toBe(id);
  expect(json.assessment.responses['4.1'].maturity).toBe(3);
  expect(json.assessment.responses['4.3'].maturity).toBe(4);
  await expect(panel.getByTestId('last-exported')).toContainText('Last exported as a gap42 file:');

  // Change the original after the export: 4.4 → 5.
  await openApp(page, `#/a/${id}/clauses`);
  await page.locator('#item-4\\.4').focus();
  await page.keyboard.press('5');
  await expect(level(page, '4.4')).toContainText('Measured and improving');
  await waitSaved(page);

  // Import the file: same id is already here → the user is asked; keep both.
  await openApp(page, '#/');
  await expect(rows(page)).toHaveCount(1);
  await importFile(page, file);
  const review = page.getByTestId('import-review');
  await expect(review).toContainText('This assessment is already in this browser');
  await review.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Imported a copy as “Acme AI readiness (imported)”');
  await expect(rows(page)).toHaveCount(2);
  const copyRow = rows(page).filter({ hasText: 'Acme AI readiness (imported)' });
  await expect(copyRow.locator('td').first()).toHaveText(readiness);
  await copyRow.getByRole('link', { name: 'Open' }).click();
  await expect(level(page, '4.1')).toContainText('Largely implemented');
  await expect(level(page, '4.2')).toContainText('Partially implemented');
  await expect(level(page, '4.3')).toContainText('Fully implemented');
  await expect(level(page, '4.4')).toContainText('Not assessed');
  expect(page.url()).not.toContain(id);

  // Import again and replace (confirmed): the original loses its later change.
  await openApp(page, '#/');
  await importFile(page, file);
  await page.getByTestId('import-review').getByRole('button', { name: 'Replace…' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Replaced “Acme AI readiness” with the imported version');
  await expect(rows(page)).toHaveCount(2);
  await openApp(page, `#/a/${id}/clauses`);
  await expect(level(page, '4.4')).toContainText('Not assessed');
  await expect(level(page, '4.1')).toContainText('Largely implemented');
});

test('a refused file shows every located problem and changes nothing', async ({ page }) => {
  const { id } = await createRated(page, 'Kept as is', 'Acme Ltd');
  const panel = await openTransfer(page, id);
  const { file } = await download(page, () => panel.getByRole('button', { name: 'JSON (gap42 file)' }).click());
  const text = fs.readFileSync(file, 'utf8');

  const truncated = path.join(tmp, 'truncated.json');
  fs.writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
  const maturity7 = path.join(tmp, 'maturity-7.json');
  // 4.1 is rated 3 in the export; make it 7, and 4.3 (rated 4) 9: two problems.
  fs.writeFileSync(maturity7, text.replace('"maturity": 3', '"maturity": 7').replace('"maturity": 4', '"maturity": 9'));

  await openApp(page, '#/');
  await expect(rows(page)).toHaveCount(1);
  await importFile(page, maturity7);
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('“maturity-7.json” was not imported (2 problems). Nothing was changed in this browser.');
  await expect(problems.locator('li')).toHaveCount(2);
  await expect(problems.locator('li').nth(0).locator('.problem-path')).toHaveText('assessment.responses["4.1"].maturity');
  await expect(problems.locator('li').nth(0)).toContainText('7');
  await expect(problems.locator('li').nth(1).locator('.problem-path')).toHaveText('assessment.responses["4.3"].maturity');
  await expect(rows(page)).toHaveCount(1);
  await page.screenshot({ path: path.join(tmp, 'import-problems.png'), fullPage: true });

  // Dropped on the panel instead of picked.
  const dropped = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'truncated.json', { type: 'application/json' }));
    return dt;
  }, fs.readFileSync(truncated, 'utf8'));
  await page.dispatchEvent('.dropzone', 'drop', { dataTransfer: dropped });
  await expect(problems).toContainText('“truncated.json” was not imported (1 problem)');
  await expect(problems.locator('.problem-path')).toHaveText(/^line \d+, column \d+$/);
  await expect(rows(page)).toHaveCount(1);

  // Too large: refused before reading.
  const huge = path.join(tmp, 'huge.json');
  fs.writeFileSync(huge, Buffer.alloc(11 * 1024 * 1024, 0x20));
  await importFile(page, huge);
  await expect(problems).toContainText('“huge.json” was not imported (1 problem)');
  await expect(problems).toContainText('The file is 11.0 MB; gap42 imports files of at most 10 MB. It was not read.');
  await expect(rows(page)).toHaveCount(1);
  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Kept as is');
});

test('back up everything, erase all data, restore: everything comes back', async ({ page }) => {
  page.on('dialog', (d) => d.accept());
  const a = await createRated(page, 'Backed up', 'Acme Ltd');
  // A second assessment with two snapshots, from a fixture file.
  await openApp(page, '#/');
  await importFile(page, fixture('good/v1-assessment.json'));
  await expect(page.getByTestId('import-done')).toContainText('Imported “ACME AI readiness”');
  await expect(rows(page)).toHaveCount(2);
  const before = await rows(page).locator('td:first-of-type').allTextContents();

  const { file, dl } = await download(page, () => page.getByRole('button', { name: 'Back up everything' }).click());
  expect(dl.suggestedFilename()).toMatch(/^gap42-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(backup.format).toBe('gap42.backup');
  expect(backup.entries.map((e) => e.assessment.name).sort()).toEqual(['ACME AI readiness', 'Backed up']);
  expect(backup.entries.find((e) => e.assessment.id === 'asm-2025-acme').snapshots).toHaveLength(2);

  await openApp(page, '#/settings');
  await page.getByRole('button', { name: 'Erase all data…' }).click();
  await expect(page.getByText('All gap42 data on this device was erased.')).toBeVisible();
  await openApp(page, '#/');
  await expect(page.getByText('Start your first assessment')).toBeVisible();

  await importFile(page, file);
  const review = page.getByTestId('import-review');
  await expect(page.getByTestId('restore-summary')).toHaveText('This backup holds 2 assessments and 2 snapshots.');
  await review.getByRole('button', { name: 'Restore 2 assessments' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Restored 2 assessments.');
  await expect(rows(page)).toHaveCount(2);
  expect(await rows(page).locator('td:first-of-type').allTextContents()).toEqual(before);
  await openApp(page, `#/a/${a.id}/clauses`);
  await expect(level(page, '4.1')).toContainText('Largely implemented');
  await expect(page.getByTestId('live-readiness')).toHaveText(a.readiness);
  await openApp(page, '#/a/asm-2025-acme/snapshots');
  await expect(page.locator('main')).toContainText('After workshop 1');

  // Restoring the same backup again: both collide; keep both makes copies.
  await openApp(page, '#/');
  await importFile(page, file);
  await expect(page.getByTestId('restore-summary')).toContainText('2 of them are already in this browser.');
  await expect(page.getByTestId('import-review').getByText('Already here', { exact: true })).toHaveCount(2);
  await page.getByTestId('import-review').getByRole('button', { name: 'Restore 2 assessments' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Restored 2 assessments, 2 as copies.');
  await expect(rows(page)).toHaveCount(4);
  await expect(rows(page).filter({ hasText: '(imported)' })).toHaveCount(2);
});

test('encrypted export: the wrong passphrase is refused, the right one imports', async ({ page }) => {
  const { id, readiness } = await createRated(page, 'Confidential readiness', 'Acme Ltd');
  const panel = await openTransfer(page, id);
  const form = panel.getByTestId('encrypted-export');
  await form.locator('#enc-pass').fill('short');
  await form.locator('#enc-repeat').fill('short');
  await form.getByRole('button', { name: 'Download encrypted file' }).click();
  await expect(form.getByRole('alert')).toHaveText('Use a passphrase of at least 10 characters.');
  await form.locator('#enc-pass').fill('correct horse battery');
  await form.locator('#enc-repeat').fill('correct horse batterY');
  await form.getByRole('button', { name: 'Download encrypted file' }).click();
  await expect(form.getByRole('alert')).toContainText('The two passphrases differ');
  await form.locator('#enc-repeat').fill('correct horse battery');
  const { file } = await download(page, () => form.getByRole('button', { name: 'Download encrypted file' }).click());
  const wrapper = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(Object.keys(wrapper)).toEqual(['format', 'version', 'kdf', 'iterations', 'cipher', 'data']);
  expect(wrapper).toMatchObject({ format: 'gap42.encrypted', version: 1, kdf: 'PBKDF2-SHA256', iterations: 600000, cipher: 'AES-GCM' });
  expect(wrapper.data).toMatch(/^e1\.[A-Za-z0-9_-]+$/);
  expect(fs.readFileSync(file, 'utf8')).not.toContain('Confidential');
  await expect(panel.getByTestId('last-exported')).toContainText('Last exported as a gap42 file:');

  await openApp(page, '#/');
  await importFile(page, file);
  const unlock = page.getByTestId('unlock-form');
  await unlock.getByLabel('Passphrase').fill('wrong passphrase!');
  await unlock.getByRole('button', { name: 'Decrypt and import' }).click();
  await expect(page.getByTestId('unlock-form').getByRole('alert')).toHaveText('That passphrase does not open this file. Check it (letter case matters) and try again.');
  await expect(rows(page)).toHaveCount(1);
  await page.getByTestId('unlock-form').getByLabel('Passphrase').fill('correct horse battery');
  await page.getByTestId('unlock-form').getByRole('button', { name: 'Decrypt and import' }).click();
  await page.getByTestId('import-review').getByRole('button', { name: 'Keep both' }).click();
  await expect(rows(page)).toHaveCount(2);
  const copyRow = rows(page).filter({ hasText: 'Confidential readiness (imported)' });
  await expect(copyRow.locator('td').first()).toHaveText(readiness);
});

test('share link: preview in a fresh browser, import, same figures; protected link', async ({ page, browser, baseURL }) => {
  const { id, readiness, coverage } = await createRated(page, 'Shared readiness', 'Acme Ltd');
  const panel = await openTransfer(page, id);
  const share = panel.getByTestId('share-link');
  await expect(share).toContainText('The assessment travels inside the link itself (after the #). Browsers never send that part to a server, but anyone who has the link can read it — add a passphrase to protect it.');
  await share.getByRole('button', { name: 'Create share link' }).click();
  const field = share.locator('#share-url');
  await expect(field).toHaveValue(new RegExp(`^${baseURL.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#/share/v1\\.`));
  const link = await field.inputValue();
  await expect(share.getByTestId('share-length')).toHaveText(`${link.length} characters`);
  await expect(share.getByTestId('share-long')).toHaveCount(0);
  await expect(field).toHaveAttribute('readonly', '');
  await page.screenshot({ path: path.join(tmp, 'export-panel.png'), fullPage: true });

  // Open it in a new browser context: fresh storage.
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await other.goto(link);
  const preview = other.getByTestId('share-preview');
  await expect(preview.getByTestId('share-name')).toHaveText('Shared readiness');
  await expect(preview.getByTestId('share-rated')).toHaveText('3 of 70 applicable items');
  await expect(preview.getByTestId('share-readiness')).toHaveText(readiness);
  await expect(preview.getByTestId('share-coverage')).toHaveText(coverage);
  await other.screenshot({ path: path.join(tmp, 'share-page.png'), fullPage: true });
  // Nothing stored before the user asks.
  await other.goto(new URL('./#/', baseURL).href);
  await expect(other.getByText('Start your first assessment')).toBeVisible();
  await other.goto(link);
  await other.getByRole('button', { name: 'Import into this browser' }).click();
  await other.waitForURL(new RegExp(`#/a/${id}/overview$`));
  expect(other.url()).not.toContain('/share/');
  await expect(other.getByTestId('live-readiness')).toHaveText(readiness);
  await expect(other.getByTestId('live-coverage')).toHaveText(coverage);
  // The share URL was replaced in the history, not added to it.
  expect(await other.evaluate(() => location.hash)).toBe(`#/a/${id}/overview`);

  // Opening the same link again in that browser asks before overwriting.
  await other.goto(link);
  await other.getByRole('button', { name: 'Import into this browser' }).click();
  await expect(other.getByTestId('import-review')).toContainText('This assessment is already in this browser');
  await ctx.close();

  // A protected link.
  await share.getByLabel('Protect with a passphrase').check();
  await share.locator('#share-pass').fill('a long shared secret');
  await share.locator('#share-repeat').fill('a long shared secret');
  await share.getByRole('button', { name: 'Create share link' }).click();
  await expect(field).toHaveValue(/#\/share\/e1\./);
  const secret = await field.inputValue();
  expect(secret).not.toBe(link);
  const ctx2 = await browser.newContext();
  const third = await ctx2.newPage();
  await third.goto(secret);
  const unlock = third.getByTestId('share-unlock');
  await unlock.getByLabel('Passphrase').fill('not the secret');
  await unlock.getByRole('button', { name: 'Open' }).click();
  await expect(third.getByTestId('share-unlock').getByRole('alert')).toHaveText('That passphrase does not open this link. Check it (letter case matters) and try again.');
  await third.getByTestId('share-unlock').getByLabel('Passphrase').fill('a long shared secret');
  await third.getByTestId('share-unlock').getByRole('button', { name: 'Open' }).click();
  await expect(third.getByTestId('share-name')).toHaveText('Shared readiness');
  await third.getByRole('button', { name: 'Import into this browser' }).click();
  await third.waitForURL(new RegExp(`#/a/${id}/overview$`));
  await expect(third.getByTestId('live-readiness')).toHaveText(readiness);
  await ctx2.close();
});

test('copy the share link to the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { id } = await createRated(page, 'Clipboard', 'Acme Ltd');
  const share = (await openTransfer(page, id)).getByTestId('share-link');
  await share.getByRole('button', { name: 'Create share link' }).click();
  const link = await share.locator('#share-url').inputValue();
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toHaveText('Link copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test('after 50 edits without an export, a dismissible reminder offers the JSON file', async ({ page }) => {
  const id = await createAssessment(page, 'Busy workshop', 'Acme Ltd');
  await page.locator('.item-row').first().focus();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('1');
    await page.keyboard.press('2');
  }
  await expect(level(page, '4.1')).toContainText('Partially implemented');
  await waitSaved(page);
  let panel = await openTransfer(page, id);
  const reminder = panel.getByTestId('export-reminder');
  await expect(reminder).toContainText('You have made 50 changes and have not saved a copy of this assessment as a file yet.');
  await reminder.getByRole('button', { name: 'Dismiss' }).click();
  await expect(reminder).toHaveCount(0);

  await page.reload();
  panel = page.getByTestId('assessment-transfer');
  await expect(panel.getByTestId('export-reminder')).toBeVisible();
  const { dl } = await download(page, () => panel.getByTestId('export-reminder').getByRole('button', { name: 'Download JSON now' }).click());
  expect(dl.suggestedFilename()).toMatch(/^busy-workshop-/);
  await expect(panel.getByTestId('export-reminder')).toHaveCount(0);
  await expect(panel.getByTestId('last-exported')).toContainText('Last exported as a gap42 file:');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('assessment-transfer').getByTestId('last-exported')).toContainText('Last exported as a gap42 file:');
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
});
