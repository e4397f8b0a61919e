// Privacy by construction: nothing leaves the device (no request to another origin), the
// Content-Security-Policy is in force and the app runs under it without a single violation, and
// "Erase all data" really erases.
import { test, expect } from '@playwright/test';
import { openApp, createAssessment, waitSaved } from './helpers.mjs';

/** Collects CSP violations (events and console reports) and page errors for one page. */
async function watch(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    window.__cspBy = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
      // Only the header policy carries frame-ancestors.
      window.__cspBy.push(`${e.effectiveDirective} ${e.originalPolicy.includes('frame-ancestors') ? 'header' : 'meta'}`);
    });
  });
  const log = { console: [], errors: [] };
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) log.console.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(e.message));
  return log;
}
const violations = (page) => page.evaluate(() => window.__csp);

async function rate(page, item, level) {
  await page.locator(`#item-${item.replace(/\./g, '\\.')}`).focus();
  await page.keyboard.press(String(level));
}

test('a full session makes no request to another origin and breaks no CSP rule', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const log = await watch(page);

  await openApp(page);
  const id = await createAssessment(page, 'Privacy walkthrough', 'Acme Ltd');
  for (const [item, level] of [['4.1', 3], ['4.2', 2], ['5.2', 4], ['6.1.2', 1]]) await rate(page, item, level);
  // Meters are drawn through CSSOM, which the policy allows: the bar has its width.
  const bar = page.locator('section.group').first().locator('.meter-bar');
  await expect.poll(async () => (await bar.boundingBox())?.width ?? 0).toBeGreaterThan(0);
  await page.locator('#item-4\\.1 .item-title').click();
  await page.locator('#notes-4\\.1').fill('Context register exists; review pending.');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await waitSaved(page);

  await page.getByRole('link', { name: 'Annex A' }).click();
  await rate(page, 'A.2.2', 2);
  await waitSaved(page);

  const tabs = page.getByRole('navigation', { name: 'Assessment pages' });
  for (const tab of ['Dashboard', 'Predicted findings', 'Statement of Applicability', 'Action plan', 'Snapshots', 'Report']) {
    await tabs.getByRole('link', { name: tab }).click();
    await expect(tabs.getByRole('link', { name: tab })).toHaveAttribute('aria-current', 'page');
  }
  await tabs.getByRole('link', { name: 'Snapshots' }).click();
  await page.getByRole('button', { name: 'Save snapshot' }).click();

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Catalog' }).click();
  await page.locator('details.cat-item summary').first().click();
  await nav.getByRole('link', { name: 'Method & privacy' }).click();
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Dark' }).click();
  await nav.getByRole('link', { name: 'Assessments' }).click();
  await expect(page.getByTestId('assessment-row')).toHaveCount(1);
  expect(await violations(page)).toEqual([]);

  // A reload and a deep link, then the whole list of requests.
  await page.reload();
  await page.goto(`./#/a/${id}/report`);
  await expect(page.getByRole('navigation', { name: 'Assessment pages' }).getByRole('link', { name: 'Report' }))
    .toHaveAttribute('aria-current', 'page');
  expect(await violations(page)).toEqual([]);

  expect(requests.length).toBeGreaterThan(10);
  const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
  expect(log.console).toEqual([]);
  expect(log.errors).toEqual([]);
});

test('the Content-Security-Policy is in force: inline script, inline style and other origins are refused', async ({ page }) => {
  const log = await watch(page);
  const response = await page.goto('./#/');
  await expect(page.locator('header.topbar')).toBeVisible();
  // Sent as a header (with frame-ancestors, which a <meta> policy cannot carry) and as <meta>.
  const header = response.headers()['content-security-policy'];
  for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
    "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'none'"]) {
    expect(header).toContain(d);
  }
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(meta).not.toContain('unsafe-inline');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');

  const outcome = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.head.append(s);
    const probe = document.createElement('div');
    probe.setAttribute('style', 'width: 123px');
    document.body.append(probe);
    let fetched = 'allowed';
    try { await fetch('https://example.com/collect', { mode: 'no-cors' }); } catch { fetched = 'refused'; }
    await new Promise((r) => setTimeout(r, 0));
    return { inline: window.__inlineRan === true, styled: probe.getBoundingClientRect().width === 123, fetched };
  });
  expect(outcome).toEqual({ inline: false, styled: false, fetched: 'refused' });
  // Each attempt is refused by both policies: the header's and the <meta> one.
  const refused = () => page.evaluate(() => window.__cspBy.slice().sort());
  await expect.poll(refused).toEqual([
    'connect-src header', 'connect-src meta', 'script-src-elem header', 'script-src-elem meta',
    'style-src-attr header', 'style-src-attr meta',
  ]);
  expect(log.errors).toEqual([]);
});

test('"Erase all data" on the Method & privacy page removes every assessment and preference', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'To be erased', 'Acme Ltd');
  await rate(page, '4.1', 3);
  await waitSaved(page);
  await page.getByRole('navigation', { name: 'Assessment pages' }).getByRole('link', { name: 'Snapshots' }).click();
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await page.goto('./#/settings');
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  const stored = () => page.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('gap42');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const count = (store) => new Promise((res) => {
      const r = db.transaction(store).objectStore(store).count();
      r.onsuccess = () => res(r.result);
    });
    const counts = { assessments: await count('assessments'), snapshots: await count('snapshots') };
    db.close();
    return { ...counts, local: Object.keys(localStorage).filter((k) => k.startsWith('gap42')).sort() };
  });
  await expect.poll(stored).toEqual({ assessments: 1, snapshots: 1, local: ['gap42.prefs'] });

  await page.goto('./#/about');
  await expect(page.getByRole('heading', { name: 'Privacy: what is stored where' })).toBeVisible();
  // Declining the confirmation keeps everything.
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: 'Erase all data…' }).click();
  await expect.poll(stored).toEqual({ assessments: 1, snapshots: 1, local: ['gap42.prefs'] });

  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Erase all data…' }).click();
  await expect(page.getByRole('status')).toContainText('All gap42 data on this device was erased.');
  await expect.poll(stored).toEqual({ assessments: 0, snapshots: 0, local: [] });
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);

  await page.goto('./#/');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Start your first assessment' })).toBeVisible();
  await expect(page.getByTestId('assessment-row')).toHaveCount(0);
});
