import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 800)));
page.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 800)));
await page.goto('http://127.0.0.1:8054/#/');
await page.waitForTimeout(3000);
await browser.close();
