import { test, expect } from '@playwright/test';
import { createAssessment, waitSaved } from './helpers.mjs';
test('scratch full', async ({ page }) => {
  test.setTimeout(180000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  const id = await createAssessment(page, 'Northwind AI management system 2026', 'Northwind Traders plc');
  const levels = '43443343432343433443423433444443';
  await page.locator('.item-row').first().focus();
  for (let i = 0; i < levels.length; i++) { await page.keyboard.press(levels[i]); if (i < levels.length - 1) await page.keyboard.press('j'); }
  await page.goto(`./#/a/${id}/annex-a`);
  await page.locator('.item-row').first().focus();
  const al = '44332434243342434234423342434234343422';
  for (let i = 0; i < al.length; i++) { await page.keyboard.press(al[i]); if (i < al.length - 1) await page.keyboard.press('j'); }
  await page.goto(`./#/a/${id}/clauses:4.1`);
  await page.getByLabel('Notes / findings').fill('Context analysis done in the 2025 strategy workshop; external issues list kept by the risk office.\nReviewed yearly.');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await page.getByLabel('Title').first().fill('Context analysis 2025');
  await page.getByLabel('Link or reference').first().fill('https://intranet.example/aims/context-2025.pdf');
  await waitSaved(page);
  for (const p of ['overview', 'report']) {
    await page.goto(`./#/a/${id}/${p}`);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/rs/full-${p}.png`, fullPage: p === 'overview' });
  }
  await page.pdf({ path: '/tmp/rs/full-A4.pdf', format: 'A4', printBackground: true });
  console.log(errors);
});
