// Keyboard only: from an empty app to the report with Tab, Enter and typing (no mouse), every
// control on every page reachable with Tab, and a visible focus indicator at every stop.
import { test, expect } from '@playwright/test';
import { openApp, createAssessment, waitSaved } from './helpers.mjs';

/** Describe the focused element and whether its focus is visible (outline or ring). */
function focusState(page, selector = null) {
  return page.evaluate((sel) => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { body: true };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const ring = cs.boxShadow !== 'none';
    const r = el.getBoundingClientRect();
    return {
      body: false,
      kb: el.getAttribute('data-kb'),
      matches: sel ? el.matches(sel) : false,
      visible: (outline || ring) && r.width > 0 && r.height > 0,
      what: el.outerHTML.replace(/\s+/g, ' ').slice(0, 140),
    };
  }, selector);
}

/** Press Tab (or Shift+Tab) until the focused element matches `selector`, checking that every
 * element passed on the way shows its focus. */
async function tabTo(page, selector, { back = false, max = 150 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const s = await focusState(page, selector);
    if (s.body) continue;
    expect(s.visible, `visible focus on ${s.what}`).toBe(true);
    if (s.matches) return;
  }
  throw new Error(`${selector} was not reached with ${back ? 'Shift+Tab' : 'Tab'}`);
}

const focusedId = (page) => page.evaluate(() => document.activeElement?.id);

test('keyboard only: create an assessment, rate, write a note, open the report', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Start your first assessment' })).toBeVisible();

  // Create.
  await tabTo(page, '#new-name');
  await page.keyboard.type('Keyboard readiness');
  await tabTo(page, '#new-org');
  await page.keyboard.type('Acme Ltd');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/a\/[^/]+\/clauses$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keyboard readiness');

  // Rate two items with the workshop keys.
  await tabTo(page, '.item-row');
  expect(await focusedId(page)).toBe('item-4.1');
  await page.keyboard.press('3');
  await expect(page.getByTestId('level-4.1')).toContainText('Largely implemented');
  await page.keyboard.press('j');
  expect(await focusedId(page)).toBe('item-4.2');
  // The row highlight follows: exactly one row is marked, the one with the focus.
  await expect(page.locator('li.item.focused')).toHaveCount(1);
  await expect(page.locator('li.item.focused > #item-4\\.2')).toHaveCount(1);
  await page.keyboard.press('2');
  await expect(page.getByTestId('level-4.2')).toContainText('Partially implemented');

  // Open the details, write a note, close them again.
  await page.keyboard.press('Enter');
  await expect(page.locator('#notes-4\\.2')).toBeVisible();
  await expect(page.locator('#item-4\\.2 .item-title')).toHaveAttribute('aria-expanded', 'true');
  await tabTo(page, '#notes-4\\.2');
  await page.keyboard.type('Interviewed the CISO; scope statement drafted.');
  await page.keyboard.press('Escape');
  await expect(page.locator('#notes-4\\.2')).toHaveCount(0);
  await expect(page.locator('#item-4\\.2 .item-title')).toHaveAttribute('aria-expanded', 'false');
  expect(await focusedId(page)).toBe('item-4.2');
  await waitSaved(page);

  // The keyboard help opens on "?" and closes on Escape.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  // Back up to the page tabs and open the report.
  await page.locator('#item-4\\.2').focus();
  await tabTo(page, 'nav.tabs a[href$="/report"]', { back: true });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/report$/);
  await expect(page.getByRole('navigation', { name: 'Assessment pages' }).getByRole('link', { name: 'Report' }))
    .toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('live-readiness')).not.toHaveText('not assessed');
  await expect(page.locator('.a-body')).toContainText('Keyboard readiness');

  // And the note is there when the item is opened again from the keyboard.
  await tabTo(page, 'nav.tabs a[href$="/clauses"]', { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, '#item-4\\.2');
  await page.keyboard.press('Enter');
  await expect(page.locator('#notes-4\\.2')).toHaveValue('Interviewed the CISO; scope statement drafted.');
});

test('rows walked with j and k stay in view below the sticky top bar', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 600 });
  await createAssessment(page, 'Scroll check');
  await page.locator('#item-4\\.1').focus();
  // Down far enough to scroll the page, then all the way back up.
  for (let i = 0; i < 12; i++) await page.keyboard.press('j');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('k');
    const gap = await page.evaluate(() => {
      const bar = document.querySelector('.topbar').getBoundingClientRect();
      const row = document.activeElement.getBoundingClientRect();
      return { top: row.top - bar.bottom, bottom: window.innerHeight - row.bottom, id: document.activeElement.id };
    });
    expect(gap.top, `${gap.id} is below the bar`).toBeGreaterThanOrEqual(0);
    expect(gap.bottom, `${gap.id} is above the window's bottom edge`).toBeGreaterThanOrEqual(0);
  }
  expect(await focusedId(page)).toBe('item-4.1');
});

test('the skip link moves focus to the page content', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  expect((await focusState(page)).visible).toBe(true);
  await page.keyboard.press('Enter');
  expect(await focusedId(page)).toBe('main');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('main').contains(document.activeElement))).toBe(true);
});

/** Tab through the whole page once; every visible, enabled control must be reached (apart from
 * the editor's rating buttons and item titles, which have the documented keys 0–5, n and Enter
 * on their focusable row instead), each with a visible focus. */
async function everyControlReachable(page) {
  const candidates = await page.evaluate(() => {
    const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')];
    const list = [];
    all.forEach((el, i) => {
      const hidden = !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden';
      const keyAlternative = el.matches('.rating button, .item-title, #main');
      // Toasts hide themselves after a few seconds: too transient for a walk round the page.
      if (hidden || el.disabled || keyAlternative || el.closest('[inert], .toast-region')) return;
      el.setAttribute('data-kb', String(i));
      list.push({ kb: String(i), what: el.outerHTML.replace(/\s+/g, ' ').slice(0, 140), tabindex: el.tabIndex });
    });
    return list;
  });
  // Tab round the page once: from wherever the sequential focus starts, through the end (focus
  // leaves the document), round to the start, until the first element is reached again.
  const reached = new Set();
  const problems = [];
  let first = null;
  for (let i = 0; i < candidates.length * 3 + 20; i++) {
    await page.keyboard.press('Tab');
    const s = await focusState(page);
    if (s.body) continue;
    if (first === null) first = s.what;
    else if (s.what === first) break;
    if (!s.visible) problems.push(`no visible focus: ${s.what}`);
    if (s.kb) reached.add(s.kb);
  }
  const missed = candidates.filter((c) => !reached.has(c.kb)).map((c) => `not reachable: ${c.what}`);
  return [...problems, ...missed];
}

test('every control of every page is reachable with Tab and shows its focus', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const id = await createAssessment(page, 'Tab order review', 'Acme Ltd');
  await page.locator('#item-4\\.1').focus();
  await page.keyboard.press('2');
  await waitSaved(page);
  await page.goto(`./#/a/${id}/snapshots`);
  await page.getByRole('button', { name: 'Save snapshot' }).click();

  const found = {};
  const routes = [
    ['home', '#/'], ['catalog', '#/catalog/annex-a'], ['about', '#/about'], ['settings', '#/settings'],
    ['dashboard', `#/a/${id}/overview`], ['clauses, item open', `#/a/${id}/clauses:4.1`],
    ['annex-a', `#/a/${id}/annex-a`], ['findings', `#/a/${id}/findings`], ['soa', `#/a/${id}/soa`],
    ['plan', `#/a/${id}/plan`], ['snapshots', `#/a/${id}/snapshots`], ['report', `#/a/${id}/report`],
  ];
  for (const [name, hash] of routes) {
    await page.goto('./' + hash);
    await expect(page.locator('main h1').first()).toBeVisible();
    if (name === 'clauses, item open') await expect(page.locator('#notes-4\\.1')).toBeVisible();
    const p = await everyControlReachable(page);
    if (p.length) found[name] = p;
  }
  expect(found).toEqual({});
});
