import { test, expect } from '@playwright/test';
import { openApp } from './helpers.mjs';

test('the release build loads and shows the catalog with its guidance', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, '#/catalog/clauses');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ISO/IEC 42001:2023 — Clauses 4–10');
  await expect(page.locator('details.cat-item')).toHaveCount(32);
  const item = page.locator('#cat-6\\.1\\.2');
  await expect(item).toContainText('AI risk assessment');
  await item.locator('summary').click();
  await expect(item.locator('.cat-body h3').first()).toHaveText('Evidence an auditor expects');
  await page.getByRole('link', { name: 'Annex A controls' }).first().click();
  await expect(page.locator('details.cat-item')).toHaveCount(38);
  await expect(page.locator('#cat-A\\.6\\.2\\.4')).toContainText('AI system verification and validation');
  expect(errors).toEqual([]);
});
