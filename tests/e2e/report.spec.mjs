// The printable report: content on screen, then printed to PDF in headless Chromium on A4 and
// US Letter, read back with pdftotext (poppler-utils).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitSaved } from './helpers.mjs';
import { seedAssessment, EXPECTED } from './results-seed.mjs';

/** Text of a PDF (all pages, or one page), as pdftotext lays it out. */
function pdfText(file, pageNo) {
  const range = pageNo ? ['-f', String(pageNo), '-l', String(pageNo)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

/** Number of pages and page size in points, from pdfinfo. */
function pdfInfo(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  const [, w, h] = info.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts/m);
  return { pages, width: Math.round(Number(w)), height: Math.round(Number(h)) };
}

test('the report prints to A4 and Letter with every section, the comparison and no app chrome', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await seedAssessment(page, 'Acme AI readiness', 'Acme Ltd');

  // A snapshot, then one more rating, so that the report has a comparison to include.
  await page.goto(`./#/a/${id}/snapshots`);
  await page.getByLabel('Snapshot name').fill('Baseline');
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(page.getByTestId('snap-table').locator('tbody tr')).toHaveCount(1);
  await page.goto(`./#/a/${id}/annex-a:A.3.2`);
  await page.locator('[id="item-A.3.2"]').focus();
  await page.keyboard.press('4');
  await expect(page.getByTestId('level-A.3.2')).toContainText('Fully implemented');
  await waitSaved(page);

  await page.goto(`./#/a/${id}/report`);
  const report = page.getByTestId('report');
  await expect(report).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible();
  // Annex A: (2.25 + 1) / 38 = 8.6% → 9%; overall (6 + 1) / 70 = 10%.
  await expect(page.getByTestId('rep-annex')).toHaveText(`${Math.round(3.25 / 38 * 100)}%`);
  await expect(page.getByTestId('rep-overall')).toHaveText(`${Math.round(7 / 70 * 100)}%`);
  await expect(page.getByTestId('rep-clauses')).toHaveText(EXPECTED.clauses);
  await expect(page.getByTestId('rep-verdict')).toHaveText(EXPECTED.verdict);
  await expect(page.getByTestId('rep-org')).toHaveText('Acme Ltd');
  await expect(page.getByTestId('rep-compare')).toHaveCount(0);
  // Include the comparison with the snapshot.
  const select = page.getByTestId('rep-compare-select');
  const snapValue = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(snapValue);
  await expect(page.getByTestId('rep-compare')).toBeVisible();
  await expect(page.getByTestId('rep-cmp-count-newlyassessed')).toHaveText('1');
  await expect(page.getByTestId('rep-cmp-delta-annex')).toHaveText('+3 pp');
  await expect(page.getByTestId('rep-cmp-delta-overall')).toHaveText('+1 pp');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gap42-report-'));
  for (const [format, size] of [['A4', [596, 842]], ['Letter', [612, 792]]]) {
    const file = path.join(dir, `report-${format}.pdf`);
    await page.pdf({ path: file, format, printBackground: true });
    if (process.env.GAP42_KEEP_PDF) fs.copyFileSync(file, path.join(process.env.GAP42_KEEP_PDF, path.basename(file)));
    const info = pdfInfo(file);
    expect(Math.abs(info.width - size[0]), `${format} page width`).toBeLessThanOrEqual(2);
    expect(Math.abs(info.height - size[1]), `${format} page height`).toBeLessThanOrEqual(2);
    // Cover, summary, charts, findings (2), clauses (2), controls (2+), SoA (2+), plan,
    // comparison, method: a real report, but not one with a page per row.
    expect(info.pages, `${format} pages`).toBeGreaterThanOrEqual(12);
    expect(info.pages, `${format} pages`).toBeLessThanOrEqual(24);

    const all = pdfText(file);
    for (const text of [
      'Acme AI readiness', 'Acme Ltd', 'Executive summary', EXPECTED.verdict, 'Readiness at a glance',
      'Predicted audit findings', 'Mandatory documented information', 'Clause by clause',
      'Control by control', 'Statement of Applicability', 'Action plan', 'Progress since the snapshot',
      'Baseline', 'Method', 'Disclaimer', 'not a certification', 'A.6.2.4',
      'AI system verification', 'Scope of the AI management system',
    ]) {
      expect(all, `${format}: "${text}"`).toContain(text);
    }
    // No app chrome in print.
    for (const text of ['Print / Save as PDF', 'All changes saved', 'Method & privacy', 'Include a comparison with']) {
      expect(all, `${format}: no "${text}"`).not.toContain(text);
    }
    // The cover is a page of its own; the summary starts the next one.
    const cover = pdfText(file, 1);
    expect(cover).toContain('ISO/IEC 42001:2023 readiness assessment'.toUpperCase());
    expect(cover).toContain('Acme Ltd');
    expect(cover).not.toContain('Executive summary');
    expect(pdfText(file, 2).trimStart().startsWith('Executive summary')).toBe(true);
    // Table headers repeat on each page the Statement of Applicability spans.
    const soaHeader = (all.match(/AUDITOR CHECK/g) || []).length;
    expect(soaHeader, `${format}: SoA header repeated`).toBeGreaterThanOrEqual(2);
    // Each major section starts on a new page.
    for (let p = 1; p <= info.pages; p++) {
      const t = pdfText(file, p);
      for (const heading of ['Statement of Applicability', 'Action plan', 'Method']) {
        const at = t.search(new RegExp(`^\\s*${heading}\\s*$`, 'm'));
        if (at > 0) expect(t.slice(0, at).trim(), `${format} p.${p}: "${heading}" starts the page`).toBe('');
      }
    }
  }
});
