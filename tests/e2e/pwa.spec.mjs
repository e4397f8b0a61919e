// Installable, offline, hosted under a sub-path, and updated only with the user's consent.
import { test, expect } from '@playwright/test';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openApp, createAssessment, waitSaved } from './helpers.mjs';

const dist = path.resolve(process.env.GAP42_DIST || 'dist');
const port = +(process.env.GAP42_PORT || 8043);
const subPathBase = `http://127.0.0.1:${port + 1}/tools/gap42/`;

/** Wait until the service worker controls the page (first visit: after it activated and claimed). */
async function waitControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Rate one item from the keyboard in the open editor. */
async function rate(page, item, level) {
  await page.locator(`#item-${item.replace(/\./g, '\\.')}`).focus();
  await page.keyboard.press(String(level));
}

/** The level text of one item ("Largely implemented", "target 3" on a second line). */
const levelOf = (page, item) => page.getByTestId(`level-${item}`);

test('the manifest makes the app installable, with relative start URL and scope', async ({ page, context }) => {
  await openApp(page);
  await waitControlled(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('manifest.webmanifest');
  const res = await page.request.get('./manifest.webmanifest');
  expect(res.headers()['content-type']).toContain('application/manifest+json');
  const m = await res.json();
  expect(m.name).toBe('gap42 — ISO/IEC 42001 readiness');
  expect(m.short_name).toBe('gap42');
  expect(m.start_url).toBe('./');
  expect(m.scope).toBe('./');
  expect(m.display).toBe('standalone');
  expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/);
  // Each PNG icon exists, is a PNG, and has the size the manifest says.
  const pngs = m.icons.filter((i) => i.type === 'image/png');
  for (const want of ['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable']) {
    expect(pngs.map((i) => `${i.sizes} ${i.purpose}`)).toContain(want);
  }
  for (const icon of pngs) {
    const body = await (await page.request.get(new URL(icon.src, res.url()).href)).body();
    expect(body.subarray(1, 4).toString()).toBe('PNG');
    const [w, h] = [body.readUInt32BE(16), body.readUInt32BE(20)];
    expect(`${w}x${h}`).toBe(icon.sizes);
  }
  // Chromium's own verdict: the manifest parses cleanly and nothing but the test browser's
  // private mode stands in the way of installing.
  const cdp = await context.newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

test('the service worker precaches every built file', async ({ page }) => {
  await openApp(page);
  await waitControlled(page);
  const sw = await (await page.request.get('./sw.js')).text();
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[[^\]]*\]);/)[1]);
  const version = sw.match(/const VERSION = '([^']*)';/)[1];
  expect(version).toMatch(/^[0-9a-f]{16}$/);
  const built = [];
  const walk = (d, rel = '') => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (!['sw.js', 'headers.json', '_headers'].includes(r)) built.push('./' + r);
    }
  };
  walk(dist);
  expect(precache.sort()).toEqual(['./', ...built].sort());
  // All of them are in this version's cache, and no other cache exists.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => r.url) };
  });
  expect(cached.names).toEqual([`gap42:${new URL('./', page.url()).href}:${version}`]);
  const base = new URL('./', page.url()).href;
  expect(cached.urls.sort()).toEqual(precache.map((p) => new URL(p, base).href).sort());
});

test('after one visit the app and its data work offline', async ({ page, context }) => {
  await openApp(page);
  await waitControlled(page);
  await createAssessment(page, 'Offline readiness', 'Acme Ltd');
  await rate(page, '4.1', 3);
  await expect(levelOf(page, '4.1')).toContainText('Largely implemented');
  await waitSaved(page);

  await context.setOffline(true);
  const responses = [];
  page.on('response', (r) => responses.push(r));
  const res = await page.reload();
  expect(res.fromServiceWorker()).toBe(true);
  await expect(page.locator('header.topbar')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Offline readiness');
  await expect(levelOf(page, '4.1')).toContainText('Largely implemented');
  // Everything the page loaded came from the service worker, and nothing failed.
  expect(responses.length).toBeGreaterThan(3);
  expect(responses.filter((r) => !r.fromServiceWorker()).map((r) => r.url())).toEqual([]);
  expect(responses.filter((r) => !r.ok()).map((r) => r.url())).toEqual([]);

  // Still offline: editing and saving keep working, and a start with a query string (as an
  // installed app's start URL may carry) opens the cached app.
  await rate(page, '4.2', 2);
  await waitSaved(page);
  await page.goto('./?source=pwa#/');
  await expect(page.getByTestId('assessment-row')).toHaveCount(1);
  await expect(page.getByTestId('assessment-row')).toContainText('Offline readiness');
  // A page never opened online works too: its split module was precached at install.
  await page.goto('./#/catalog/annex-a');
  await expect(page.locator('details.cat-item')).toHaveCount(38);
});

test('the same build works under a sub-path (/tools/gap42/)', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: subPathBase });
  const page = await context.newPage();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await createAssessment(page, 'Sub-path readiness', 'Acme Ltd');
  await rate(page, '5.2', 4);
  await expect(levelOf(page, '5.2')).toContainText('Fully implemented with evidence');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sub-path readiness');
  await expect(levelOf(page, '5.2')).toContainText('Fully implemented with evidence');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL(/\/tools\/gap42\/#\/a\/[^/]+\/overview$/);

  // The worker is registered for the sub-path, controls the page, and every request stayed in it.
  await waitControlled(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  expect(scope).toBe(subPathBase);
  expect(requests.length).toBeGreaterThan(5);
  expect(requests.filter((u) => !u.startsWith(subPathBase))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

// ---- Updates -------------------------------------------------------------------------------

/** A static server for a copy of the build that the test can change while it is served. */
async function serveCopy(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
    '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
    '.webmanifest': 'application/manifest+json' };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname.slice(1)) || 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end(); return;
    }
    const headers = JSON.parse(fs.readFileSync(path.join(root, 'headers.json'), 'utf8'));
    const ext = path.extname(file);
    res.writeHead(200, {
      'Content-Type': types[ext] || 'application/octet-stream',
      'Cache-Control': ext === '.html' || rel === 'sw.js' ? 'no-cache' : 'public, max-age=31536000, immutable',
      ...headers,
    });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Turn the copy into a "next release": a changed index.html, then the real post-build hook, which
 * recomputes the service worker's version from the files. */
function publishNextVersion(root) {
  const index = path.join(root, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8')
    .replace('<head>', '<head>\n  <meta name="gap42-test-build" content="next">'));
  execFileSync('node', ['scripts/post-build.mjs'], { env: { ...process.env, TRUNK_STAGING_DIR: root } });
}

const swVersion = (root) => fs.readFileSync(path.join(root, 'sw.js'), 'utf8').match(/const VERSION = '([^']*)';/)[1];

test('a new version waits for consent, and an unsaved edit survives the update', async ({ page }) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gap42-update-'));
  fs.cpSync(dist, root, { recursive: true });
  const server = await serveCopy(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    await page.goto(base + '#/');
    await waitControlled(page);
    await page.getByLabel('Name', { exact: true }).fill('Update readiness');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.waitForURL(/#\/a\/[^/]+\/clauses/);
    await rate(page, '4.1', 2);
    await waitSaved(page);
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);

    const oldVersion = swVersion(root);
    publishNextVersion(root);
    expect(swVersion(root)).not.toBe(oldVersion);

    // The open tab finds the new version; it installs and waits, the old one keeps running.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toContainText('A new version of gap42 is available.');
    expect(await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: !!r.waiting, marker: !!document.querySelector('meta[name="gap42-test-build"]') };
    })).toEqual({ waiting: true, marker: false });

    // "Later" hides it for now; a reload still runs the old version (the new one waits) and asks again.
    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect(prompt).toHaveCount(0);
    await page.reload();
    await expect(prompt).toBeVisible();
    await expect(page.locator('meta[name="gap42-test-build"]')).toHaveCount(0);

    // An edit typed just before "Update now" (its debounced save not yet run) is written first.
    await page.locator('#item-4\\.1 .item-title').click();
    const notes = page.locator('#notes-4\\.1');
    await expect(notes).toBeVisible();
    await page.evaluate(() => {
      const t = document.querySelector('#notes-4\\.1');
      t.value = 'Typed right before the update';
      t.dispatchEvent(new Event('input', { bubbles: true }));
      [...document.querySelectorAll('[data-testid="update-prompt"] button')]
        .find((b) => b.textContent === 'Update now').click();
    });

    // The page reloads into the new version, served by the new worker; the old cache is gone.
    await expect(page.locator('meta[name="gap42-test-build"]')).toHaveCount(1);
    await expect(page.locator('header.topbar')).toBeVisible();
    await expect(prompt).toHaveCount(0);
    const cacheNames = await page.evaluate(async () => caches.keys());
    expect(cacheNames).toEqual([`gap42:${base}:${swVersion(root)}`]);

    await expect(levelOf(page, '4.1')).toContainText('Partially implemented');
    await page.locator('#item-4\\.1 .item-title').click();
    await expect(page.locator('#notes-4\\.1')).toHaveValue('Typed right before the update');
  } finally {
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
