// The assessment workspace: keyboard rating, durable saving, and two tabs.
import { test, expect } from '@playwright/test';
import { openApp, createAssessment, waitSaved } from './helpers.mjs';

async function rateFromKeyboard(page, keys) {
  await page.locator('.item-row').first().focus();
  for (const k of keys) await page.keyboard.press(k);
}

const level = (page, id) => page.getByTestId(`level-${id}`);

test('create an assessment, rate from the keyboard, reload: everything is there', async ({ page }) => {
  const id = await createAssessment(page, 'Workshop 1', 'Acme Ltd');
  // 4.1 → 3, 4.2 → 2, 4.3 → 4, 4.4 → n (not assessed again after a 1), 5.1 → 0
  await rateFromKeyboard(page, ['3', 'j', '2', 'ArrowDown', '4', 'j', '1', 'n', 'j', '0']);
  await expect(level(page, '4.1')).toContainText('Largely implemented');
  await expect(level(page, '4.4')).toContainText('Not assessed');
  // Live scores: (0.75 + 0.5 + 1 + 0) / 70 = 3.2% → 3%; coverage 4 / 70 = 5.7% → 6%
  await expect(page.getByTestId('live-readiness')).toHaveText('3%');
  await expect(page.getByTestId('live-coverage')).toHaveText('6%');
  // Each group's figures follow its own ratings only: clause 4 (0.75 + 0.5 + 1 + 0) / 4 → 56%,
  // clause 5 one of three rated (at 0) → 0%, coverage 33%; clause 6 untouched.
  const meter = (g) => page.getByRole('meter', { name: `Readiness of ${g}`, exact: true });
  await expect(meter('4')).toHaveAttribute('aria-valuetext', '56%');
  await expect(meter('5')).toHaveAttribute('aria-valuetext', '0%');
  await expect(page.locator('section.group', { has: meter('5') }).locator('.group-score')).toContainText('coverage 33%');
  await expect(meter('6')).toHaveAttribute('aria-valuetext', 'not assessed');

  // Enter opens the details of the focused item; type notes and an owner.
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await page.locator('#notes-4\\.4').fill('AIMS process map exists only as a draft.');
  await page.locator('#owner-4\\.4').fill('Head of AI governance');
  await waitSaved(page);

  await page.reload();
  await expect(level(page, '4.1')).toContainText('Largely implemented');
  await expect(level(page, '4.2')).toContainText('Partially implemented');
  await expect(level(page, '4.3')).toContainText('Fully implemented');
  await expect(level(page, '4.4')).toContainText('Not assessed');
  await expect(level(page, '5.1')).toContainText('None');
  await expect(page.getByTestId('live-readiness')).toHaveText('3%');
  await page.locator('#item-4\\.4 .item-title').click();
  await expect(page.locator('#notes-4\\.4')).toHaveValue('AIMS process map exists only as a draft.');
  await expect(page.locator('#owner-4\\.4')).toHaveValue('Head of AI governance');

  // The home list shows the same figures.
  await openApp(page, '#/');
  const row = page.getByTestId('assessment-row').filter({ hasText: 'Workshop 1' });
  await expect(row).toContainText('3%');
  await expect(row).toContainText('6%');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
});

test('the help overlay lists the shortcuts and closes with Escape', async ({ page }) => {
  await createAssessment(page, 'Help');
  await page.locator('.item-row').first().focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Mark as not assessed');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('an exclusion without justification is refused; with one it is saved', async ({ page }) => {
  await createAssessment(page, 'SoA');
  await page.getByRole('link', { name: 'Annex A' }).click();
  await page.locator('#item-A\\.10\\.4 .item-title').click();
  const details = page.locator('#details-A\\.10\\.4');
  await details.getByLabel('Excluded').check();
  await details.getByRole('button', { name: 'Exclude this control' }).click();
  await expect(details.getByRole('alert')).toContainText('needs a justification');
  await expect(page.locator('#item-A\\.10\\.4')).not.toContainText('Excluded');
  await details.getByLabel('Justification for the exclusion (required)').fill('We have no customers for AI systems: internal use only.');
  await details.getByRole('button', { name: 'Exclude this control' }).click();
  await expect(page.locator('#item-A\\.10\\.4')).toContainText('Excluded');
  await waitSaved(page);
  await page.reload();
  await expect(page.locator('#item-A\\.10\\.4')).toContainText('Excluded');
});

test('closing the tab within 100 ms of an edit loses nothing', async ({ context }) => {
  const page = await context.newPage();
  const id = await createAssessment(page, 'Close fast');
  await page.locator('.item-row').first().focus();
  await page.keyboard.press('4');
  await page.locator('#item-4\\.1 .item-title').click();
  await page.locator('#notes-4\\.1').fill('typed just before closing');
  // Well inside the 300 ms debounce: the page-hide journal must carry it.
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await openApp(again, `#/a/${id}/clauses`);
  await expect(level(again, '4.1')).toContainText('Fully implemented');
  await again.locator('#item-4\\.1 .item-title').click();
  await expect(again.locator('#notes-4\\.1')).toHaveValue('typed just before closing');
});

test('two tabs: a clean tab follows the other; concurrent edits are never silently overwritten', async ({ context }) => {
  const a = await context.newPage();
  const id = await createAssessment(a, 'Two tabs');
  const b = await context.newPage();
  await openApp(b, `#/a/${id}/clauses`);
  await expect(level(b, '4.1')).toContainText('Not assessed');

  // Tab A saves; tab B has no edits and follows.
  await a.locator('.item-row').first().focus();
  await a.keyboard.press('3');
  await waitSaved(a);
  await expect(level(b, '4.1')).toContainText('Largely implemented');

  // Both tabs edit the same revision: B types notes on 4.2, A rates 4.3. Whichever tab saves
  // second must be told, and must not overwrite the first.
  await b.locator('#item-4\\.2 .item-title').click();
  await b.locator('#notes-4\\.2').fill('tab B notes');
  await a.locator('#item-4\\.3').focus();
  await a.keyboard.press('5');

  const bannerA = a.getByTestId('conflict-banner');
  const bannerB = b.getByTestId('conflict-banner');
  await expect
    .poll(async () => (await bannerA.isVisible()) || (await bannerB.isVisible()))
    .toBe(true);
  const [winner, loser] = (await bannerA.isVisible()) ? [b, a] : [a, b];
  await expect(winner.getByTestId('conflict-banner')).toBeHidden();
  await expect(loser.getByTestId('conflict-banner')).toContainText('changed in another tab');

  // The loser keeps its version as a copy and loads the winner's.
  await loser.getByTestId('conflict-banner').getByRole('button', { name: 'Keep mine as a copy, load theirs' }).click();
  await expect(loser.getByTestId('conflict-banner')).toBeHidden();

  // Both edits survive: the winner's in the original, the loser's in the copy.
  const check = async (page, assessmentHash, who) => {
    await openApp(page, assessmentHash);
    await page.reload();
    if (who === a) {
      await expect(level(page, '4.3')).toContainText('Measured and improving');
    } else {
      await page.locator('#item-4\\.2 .item-title').click();
      await expect(page.locator('#notes-4\\.2')).toHaveValue('tab B notes');
    }
  };
  await check(winner, `#/a/${id}/clauses`, winner);
  await openApp(loser, '#/');
  const copy = loser.getByTestId('assessment-row').filter({ hasText: 'Two tabs (copy from another tab)' });
  await expect(copy).toBeVisible();
  const href = await copy.getByRole('link').first().getAttribute('href');
  const copyId = href.match(/#\/a\/([^/]+)\//)[1];
  await check(loser, `#/a/${copyId}/clauses`, loser);
});

test('delete asks for confirmation and can be undone', async ({ page }) => {
  await createAssessment(page, 'To delete');
  await openApp(page, '#/');
  const row = page.getByTestId('assessment-row').filter({ hasText: 'To delete' });
  page.once('dialog', (d) => d.dismiss());
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toBeVisible();
  page.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('assessment-row').filter({ hasText: 'To delete' })).toBeVisible();
});

test('rename and duplicate as a template', async ({ page }) => {
  await createAssessment(page, 'Client A');
  await page.locator('.item-row').first().focus();
  await page.keyboard.press('4');
  await waitSaved(page);
  await openApp(page, '#/');
  const row = page.getByTestId('assessment-row').filter({ hasText: 'Client A' });
  await row.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('Client A — 2026');
  await page.getByLabel('New name').press('Enter');
  await expect(page.getByTestId('assessment-row').filter({ hasText: 'Client A — 2026' })).toBeVisible();
  await page.getByTestId('assessment-row').filter({ hasText: 'Client A — 2026' }).getByRole('button', { name: 'Duplicate' }).click();
  const tpl = page.getByTestId('assessment-row').filter({ hasText: '(template)' });
  await expect(tpl).toBeVisible();
  await expect(tpl).toContainText('not assessed');
});

test('filters, search and remembered preferences (collapsed groups, last opened)', async ({ page }) => {
  const id = await createAssessment(page, 'Filters');
  await page.locator('.item-row').first().focus();
  // 4.1 → 2 (below target 3), 4.2 → 4
  await page.keyboard.press('2');
  await page.keyboard.press('j');
  await page.keyboard.press('4');
  await waitSaved(page);
  const rows = page.locator('.item-row');
  const filters = page.getByRole('group', { name: 'Filter' });
  await expect(rows).toHaveCount(32);
  await filters.getByRole('button', { name: 'Below target' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-item', '4.1');
  await filters.getByRole('button', { name: 'Not assessed' }).click();
  await expect(rows).toHaveCount(30);
  await filters.getByRole('button', { name: 'All', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search items' }).fill('internal audit');
  await expect(rows).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search items' }).fill('');
  await page.getByLabel('Group').selectOption('9');
  await expect(rows).toHaveCount(6);
  await page.getByLabel('Group').selectOption('');

  // Collapse clause 5; it stays collapsed after a reload.
  await page.getByRole('button', { name: '5 Leadership' }).click();
  await expect(page.locator('#item-5\\.1')).toBeHidden();
  await page.reload();
  await expect(page.locator('#item-4\\.1')).toBeVisible();
  await expect(page.locator('#item-5\\.1')).toBeHidden();

  // The home page offers to continue with the assessment opened last.
  await openApp(page, '#/');
  await expect(page.getByTestId('resume')).toHaveText('Continue “Filters”');
  await page.getByTestId('resume').click();
  await expect(page).toHaveURL(new RegExp(`#/a/${id}/clauses`));
});
