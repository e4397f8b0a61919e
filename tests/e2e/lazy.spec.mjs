// The release build is split (src/ui/lazy.rs, scripts/split-wasm.mjs): the home page loads only
// the main module; every other page fetches its own module the first time it is opened.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, createAssessment } from './helpers.mjs';

const dist = path.resolve(process.env.GAP42_DIST || 'dist');
const isSplit = (url) => /\/(split|chunk)-[a-z0-9-]+\.wasm$/.test(url);
const splitName = (prefix) => fs.readdirSync(dist).find((f) => f.startsWith(prefix) && f.endsWith('.wasm'));

// Requests are watched at the network level: no service worker answers them here.
test.use({ serviceWorkers: 'block' });

test('the build has split modules, and the home page loads none of them', async ({ page }) => {
  for (const p of ['split-assessment-view-', 'split-assessment-page-', 'split-catalog-view-', 'split-import-flow-', 'split-backup-everything-']) {
    expect(splitName(p), `${p}*.wasm in ${dist}`).toBeTruthy();
  }
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Create assessment' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Back up everything' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(wasm.filter(isSplit)).toEqual([]);
  expect(wasm).toHaveLength(1);

  // Opening an assessment fetches its module, once.
  await createAssessment(page, 'Split check', 'Acme Ltd');
  await expect(page.locator('#item-4\\.1')).toBeVisible();
  const assessment = wasm.filter((u) => u.includes('/split-assessment-view-'));
  expect(assessment).toHaveLength(1);
  const editor = page.url();
  await page.goto('./#/');
  await expect(page.getByTestId('assessment-row')).toHaveCount(1);
  await page.goto(editor);
  await expect(page.locator('#item-4\\.1')).toBeVisible();
  expect(wasm.filter((u) => u.includes('/split-assessment-view-'))).toHaveLength(1);

  // The editor does not need the other pages' module; the first of them fetches it, once.
  const pages = () => wasm.filter((u) => u.includes('/split-assessment-page-'));
  expect(pages()).toEqual([]);
  const tabs = page.getByRole('navigation', { name: 'Assessment pages' });
  await tabs.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('button', { name: /JSON/ }).first()).toBeVisible();
  expect(pages()).toHaveLength(1);
  await tabs.getByRole('link', { name: 'Predicted findings' }).click();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await tabs.getByRole('link', { name: 'Statement of Applicability' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  expect(pages()).toHaveLength(1);
});

test('a results page opened directly fetches its module alongside the assessment module', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Direct link', 'Acme Ltd');
  const dashboard = page.url().replace(/\/clauses$/, '/overview');
  // A fresh page (modules are fetched once per page load), on the dashboard's address.
  const events = [];
  const fresh = await page.context().newPage();
  fresh.on('request', (r) => events.push(['request', new URL(r.url()).pathname]));
  fresh.on('requestfinished', (r) => events.push(['finished', new URL(r.url()).pathname]));
  await fresh.goto(dashboard);
  await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Direct link');
  await expect(fresh.getByRole('button', { name: /JSON/ }).first()).toBeVisible();
  const at = (kind, prefix) => events.findIndex(([k, p]) => k === kind && p.includes(prefix));
  expect(at('request', '/split-assessment-page-')).toBeGreaterThan(-1);
  // Requested before the assessment's own module had even arrived: one round trip, not two.
  expect(at('request', '/split-assessment-page-')).toBeLessThan(at('finished', '/split-assessment-view-'));
  await fresh.close();
});

test('a page whose module cannot be fetched says so, and reloading brings it back', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let refuse = true;
  await page.route('**/split-catalog-view-*.wasm', (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
  await openApp(page, '#/catalog/clauses');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('This page could not be loaded');
  // The rest of the app still works: the app did not crash.
  await page.getByRole('link', { name: 'Assessments' }).click();
  await expect(page.getByRole('button', { name: 'Create assessment' })).toBeEnabled();
  await page.goto('./#/catalog/clauses');
  await expect(alert.getByRole('heading')).toHaveText('This page could not be loaded');

  refuse = false;
  await alert.getByRole('button', { name: 'Reload gap42' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ISO/IEC 42001:2023 — Clauses 4–10');
  await expect(page.locator('details.cat-item')).toHaveCount(32);
  expect(errors).toEqual([]);
});
