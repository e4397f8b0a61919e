// Accessibility: axe-core finds no violation on any route, in the light and the dark theme; the
// theme follows the system unless the user picks one; reduced motion is honoured; maturity is
// never told by colour alone.
import { test, expect } from '@playwright/test';
import { openApp, createAssessment, waitSaved } from './helpers.mjs';
import { axeViolations } from './axe.mjs';

const esc = (id) => id.replace(/\./g, '\\.');

async function rate(page, item, level) {
  await page.locator(`#item-${esc(item)}`).focus();
  await page.keyboard.press(String(level));
}

/** An assessment with content on every page: ratings, notes, evidence, an exclusion, a snapshot. */
async function populated(page) {
  const id = await createAssessment(page, 'Accessibility review', 'Acme Ltd');
  for (const [item, level] of [['4.1', 3], ['4.2', 2], ['5.2', 4], ['6.1.2', 0], ['7.5.1', 1], ['9.2.1', 5]]) {
    await rate(page, item, level);
  }
  await page.locator('#item-4\\.1 .item-title').click();
  await page.locator('#notes-4\\.1').fill('Context register exists; review pending.');
  await page.locator('#owner-4\\.1').fill('Head of compliance');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await waitSaved(page);
  await page.goto(`./#/a/${id}/annex-a`);
  for (const [item, level] of [['A.2.2', 2], ['A.6.2.4', 1], ['A.3.2', 3]]) await rate(page, item, level);
  await page.locator('#item-A\\.10\\.4 .item-title').click();
  await page.locator('#item-A\\.10\\.4').locator('..').getByLabel('Excluded').check();
  await page.locator('#just-A\\.10\\.4').fill('We have no customers of our AI systems.');
  await page.getByRole('button', { name: 'Exclude this control' }).click();
  await waitSaved(page);
  await page.goto(`./#/a/${id}/snapshots`);
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  return id;
}

/** Visit every route; resolves with { route: violations } for the routes that have any. */
async function auditAllRoutes(page) {
  const found = {};
  const audit = async (route, ready) => {
    await ready();
    const v = await axeViolations(page);
    if (v.length) found[route] = v;
  };
  const h1 = () => expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

  await openApp(page);
  await audit('home (empty)', () => expect(page.getByRole('heading', { name: 'Start your first assessment' })).toBeVisible());
  const id = await populated(page);
  await page.goto('./#/');
  await audit('home (one assessment)', () => expect(page.getByTestId('assessment-row')).toHaveCount(1));
  await page.goto('./#/catalog/clauses');
  await page.locator('details.cat-item summary').first().click();
  await audit('catalog clauses', h1);
  await page.goto('./#/catalog/annex-a');
  await audit('catalog annex-a', h1);
  await page.goto('./#/about');
  await audit('about', h1);
  await page.goto('./#/settings');
  await audit('settings', () => expect(page.getByTestId('usage')).not.toHaveText('Measuring…'));
  await page.goto('./#/nowhere');
  await audit('not found', h1);

  const tabs = page.getByRole('navigation', { name: 'Assessment pages' });
  const onTab = (name) => () => expect(tabs.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  await page.goto(`./#/a/${id}/overview`);
  await audit('dashboard', onTab('Dashboard'));
  await page.goto(`./#/a/${id}/clauses:4.1`);
  await audit('clauses, item expanded', () => expect(page.locator('#notes-4\\.1')).toBeVisible());
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await audit('keyboard help', () => expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible());
  await page.keyboard.press('Escape');
  await page.goto(`./#/a/${id}/annex-a:A.10.4`);
  await audit('annex-a, excluded item expanded', () => expect(page.locator('#just-A\\.10\\.4')).toBeVisible());
  for (const [slug, name] of [['findings', 'Predicted findings'], ['soa', 'Statement of Applicability'],
    ['plan', 'Action plan'], ['snapshots', 'Snapshots'], ['report', 'Report']]) {
    await page.goto(`./#/a/${id}/${slug}`);
    await audit(name, onTab(name));
  }
  return found;
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation on any route (${colorScheme} theme)`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    expect(await auditAllRoutes(page)).toEqual({});
  });
}

test('the theme follows the system until the user picks one, and the choice is kept', async ({ page }) => {
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const LIGHT = 'rgb(246, 247, 249)';
  const DARK = 'rgb(17, 22, 28)';
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  const toggle = page.getByRole('button', { name: /^Theme:/ });
  await expect(toggle).toHaveText('Theme: System');
  expect(await bg()).toBe(DARK);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await bg()).toBe(LIGHT);

  // System → Light → Dark → System, from the keyboard.
  await page.emulateMedia({ colorScheme: 'dark' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveText('Theme: Light');
  expect(await bg()).toBe(LIGHT);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveText('Theme: Dark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await bg()).toBe(DARK);
  await page.reload();
  await expect(page.getByRole('button', { name: /^Theme:/ })).toHaveText('Theme: Dark');
  expect(await bg()).toBe(DARK);
  await page.getByRole('button', { name: /^Theme:/ }).press('Enter');
  await expect(page.getByRole('button', { name: /^Theme:/ })).toHaveText('Theme: System');
  expect(await bg()).toBe(LIGHT);
});

test('reduced motion switches transitions and animations off', async ({ page }) => {
  await openApp(page);
  // A transition set through CSSOM (as a component would) survives normally…
  const probe = () => page.evaluate(() => {
    const el = document.createElement('div');
    el.style.transition = 'opacity 1s';
    el.style.animation = 'spin 2s infinite';
    document.body.append(el);
    const cs = getComputedStyle(el);
    const out = `${cs.transitionDuration} ${cs.animationName}`;
    el.remove();
    return out;
  });
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await probe()).toBe('1s spin');
  // …and is cancelled when the user asks for reduced motion.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await probe()).toBe('0s none');
});

test('maturity is never shown by colour alone', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Colour check', 'Acme Ltd');
  await rate(page, '4.1', 3);
  // The level buttons carry their number and an accessible name with the label…
  const buttons = page.locator('#item-4\\.1 .rating button');
  await expect(buttons).toHaveText(['–', '0', '1', '2', '3', '4', '5']);
  await expect(page.locator('#item-4\\.1').getByRole('button', { name: '3 Largely implemented' }))
    .toHaveAttribute('aria-pressed', 'true');
  // …the chosen level is written out next to them, and in the row's accessible name.
  await expect(page.getByTestId('level-4.1')).toContainText('Largely implemented');
  await expect(page.locator('#item-4\\.1')).toHaveAttribute('aria-label', /rated 3 Largely implemented/);
  // Group meters have a value in words.
  await expect(page.getByRole('meter', { name: 'Readiness of 4' })).toHaveAttribute('aria-valuetext', /\d+%/);
});
