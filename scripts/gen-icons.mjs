// Renders the app icons (PNG) from their SVG sources in public/icons/ with the local Chromium:
//   node scripts/gen-icons.mjs
// The PNGs are committed; run this again only when an SVG changes.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve('public/icons');
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-192.png', 192],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [src, out, size] of jobs) {
  const svg = fs.readFileSync(path.join(dir, src), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">` +
    svg.replace('<svg ', `<svg width="${size}" height="${size}" style="display:block" `) + `</body></html>`);
  await page.screenshot({ path: path.join(dir, out), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`${out} (${size}×${size})`);
}
await browser.close();
