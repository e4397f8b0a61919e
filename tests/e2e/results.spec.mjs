// Results pages: dashboard, predicted findings, Statement of Applicability, action plan and
// snapshots, checked against figures worked out by hand from the scoring formula for an
// assessment rated through the UI (see results-seed.mjs).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { createAssessment, waitSaved } from './helpers.mjs';
import { seedAssessment, EXPECTED } from './results-seed.mjs';

/** Rate one item from its deep link with the keyboard. */
async function rate(page, id, item, level) {
  const part = item.startsWith('A.') ? 'annex-a' : 'clauses';
  await page.goto(`./#/a/${id}/${part}:${item}`);
  const row = page.locator(`[id="item-${item}"]`);
  await row.focus();
  await page.keyboard.press(String(level));
  await expect(page.getByTestId(`level-${item}`)).not.toContainText('Not assessed');
  await waitSaved(page);
}

test('an unrated assessment shows "not assessed", never 0%', async ({ page }) => {
  const id = await createAssessment(page, 'Empty one', 'Nobody Ltd');
  await page.goto(`./#/a/${id}/overview`);
  await expect(page.getByTestId('dash-overall')).toHaveText('not assessed');
  await expect(page.getByTestId('dash-clauses')).toHaveText('not assessed');
  await expect(page.getByTestId('dash-annex')).toHaveText('not assessed');
  await expect(page.getByTestId('dash-coverage')).toHaveText('0%');
  await expect(page.getByTestId('dash-verdict')).toHaveText('Not assessed');
  await expect(page.getByTestId('dash-group-4')).toHaveText('not assessed');
  await expect(page.locator('svg.radar desc')).toContainText('4 Context of the organization: readiness not assessed');
  await expect(page.locator('.level-mix li[data-level="na"] .legend-count')).toHaveText('70');
  await page.goto(`./#/a/${id}/plan`);
  await expect(page.getByTestId('plan-empty')).toContainText('Nothing is rated yet');
});

test('dashboard, findings and SoA show what the domain computes for the seeded ratings', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const id = await seedAssessment(page);

  // Dashboard: headline figures against target.
  await page.goto(`./#/a/${id}/overview`);
  await expect(page.getByTestId('dash-overall')).toHaveText(EXPECTED.overall);
  await expect(page.getByTestId('dash-clauses')).toHaveText(EXPECTED.clauses);
  await expect(page.getByTestId('dash-annex')).toHaveText(EXPECTED.annex);
  await expect(page.getByTestId('dash-coverage')).toHaveText(EXPECTED.coverage);
  await expect(page.getByTestId('dash-assessed')).toHaveText('10 of 70 applicable items assessed');
  await expect(page.locator('.headline').first()).toContainText(`Target ${EXPECTED.target}`);
  // Per clause and per category, in the tables beside the charts.
  await expect(page.getByTestId('dash-group-4')).toHaveText(EXPECTED.clause4);
  await expect(page.getByTestId('dash-group-5')).toHaveText(EXPECTED.clause5);
  await expect(page.getByTestId('dash-group-6')).toHaveText('not assessed');
  await expect(page.getByTestId('dash-group-A.2')).toHaveText(EXPECTED.a2);
  await expect(page.getByTestId('dash-group-A.3')).toHaveText('not assessed');
  // The charts are images with a text alternative carrying the same numbers.
  const radar = page.locator('svg.radar');
  await expect(radar).toHaveAttribute('role', 'img');
  await expect(radar.locator('desc')).toContainText(`4 Context of the organization: readiness ${EXPECTED.clause4}, target 75%, 4 of 4 assessed`);
  await expect(radar.locator('desc')).toContainText('6 Planning: readiness not assessed');
  await expect(page.locator('svg.bars desc')).toContainText(`A.2 Policies related to AI: readiness ${EXPECTED.a2}`);
  await expect(page.locator('svg.bars rect.bar')).toHaveCount(1); // only A.2 is assessed
  // Mix of levels, in the legend.
  for (const [level, n] of Object.entries(EXPECTED.levels)) {
    await expect(page.locator(`.level-mix li[data-level="${level}"] .legend-count`)).toHaveText(String(n));
  }
  // Verdict and its reason.
  await expect(page.getByTestId('dash-verdict')).toHaveText(EXPECTED.verdict);
  await expect(page.getByTestId('dash-verdict-reason')).toHaveText(
    '4 major nonconformities predicted; any major nonconformity blocks certification. Also 4 minors and 0 observations.');
  await expect(page.getByTestId('dash-majors')).toHaveText(String(EXPECTED.majors));
  await expect(page.getByTestId('dash-minors')).toHaveText(String(EXPECTED.minors));
  await expect(page.getByTestId('dash-observations')).toHaveText(String(EXPECTED.observations));
  // Largest gap first: 4.3 is rated 0 against target 3.
  const firstGap = page.getByTestId('dash-gaps').locator('tbody tr').first();
  await expect(firstGap).toContainText('4.3');
  await expect(firstGap).toContainText('−3');
  await expect(page.getByTestId('dash-gaps').locator('tbody tr')).toHaveCount(EXPECTED.planRows.length);

  // Findings: counts, rules, escalations, links to the items.
  await page.getByRole('link', { name: 'See the predicted findings' }).click();
  await expect(page.getByTestId('findings-majors')).toHaveText('4');
  await expect(page.getByTestId('findings-minors')).toHaveText('4');
  await expect(page.getByTestId('findings-observations')).toHaveText('0');
  await expect(page.getByTestId('fp-count-major')).toHaveText('4');
  const r1 = page.getByTestId('fp-rule-R1');
  await expect(r1.locator('tbody tr')).toHaveCount(2);
  await expect(r1).toContainText('4.3');
  await expect(r1).toContainText('5.3');
  await expect(page.getByTestId('fp-rule-R2')).toContainText('Scope of the AI management system');
  const r4 = page.getByTestId('fp-rule-R4');
  await expect(r4.locator('.related')).toHaveText('Related items: 4.2, 4.4');
  await expect(page.getByTestId('fp-rule-R3').locator('tbody tr')).toHaveCount(4);
  await expect(page.locator('tr.finding.escalated')).toHaveCount(2);
  await expect(page.locator('tr.finding.escalated').first()).toContainText('Escalated');
  await expect(page.getByTestId('fp-count-observation')).toHaveText('0');
  // Documented information: 4.3 rated 0 → missing; 4.4 and 5.2 rated 2 → partial.
  await expect(page.getByTestId('doc-checklist').locator('tbody tr')).toHaveCount(20);
  await expect(page.getByTestId('doc-summary')).toContainText('0 in place, 2 partial, 1 missing, 17 unknown.');
  // A finding links to its item, opened in the editor.
  await r1.getByRole('link', { name: '5.3' }).click();
  await expect(page).toHaveURL(new RegExp(`#/a/${id}/clauses:5\\.3$`));
  await expect(page.locator('[id="details-5.3"]')).toBeVisible();

  // Statement of Applicability: 38 controls, statuses and auditor flags.
  await page.goto(`./#/a/${id}/soa`);
  const soa = page.getByTestId('soa-table');
  await expect(soa.locator('tbody tr')).toHaveCount(38);
  await expect(page.getByTestId('soa-summary')).toHaveText('38 controls: 38 applicable, 0 excluded; 38 rows to review before an audit.');
  await expect(soa.locator('tr[data-id="A.2.2"]')).toContainText('Implemented');
  await expect(soa.locator('tr[data-id="A.2.4"]')).toContainText('Partially implemented');
  const a32 = soa.locator('tr[data-id="A.3.2"]');
  await expect(a32).toContainText('Not assessed');
  await expect(a32.locator('.review')).toContainText('Review:');
  await expect(a32.locator('.review')).toContainText('Implementation not assessed');
  await expect(a32.locator('.review')).toContainText('No reason for inclusion');
  expect(errors).toEqual([]);
});

test('SoA shows an exclusion with its justification and downloads as CSV', async ({ page }) => {
  const id = await seedAssessment(page);
  await page.goto(`./#/a/${id}/annex-a:A.10.4`);
  await expect(page.locator('[id="details-A.10.4"]')).toBeVisible();
  await page.getByRole('radio', { name: 'Excluded' }).check();
  await page.getByLabel('Justification for the exclusion (required)').fill('We have no customers for AI systems.');
  await page.getByRole('button', { name: 'Exclude this control' }).click();
  await waitSaved(page);

  await page.goto(`./#/a/${id}/soa`);
  await expect(page.getByTestId('soa-summary')).toHaveText('38 controls: 37 applicable, 1 excluded; 37 rows to review before an audit.');
  const row = page.locator('tr[data-id="A.10.4"]');
  await expect(row).toContainText('Excluded');
  await expect(row).toContainText('We have no customers for AI systems.');
  await expect(row.locator('.review')).toHaveText('✓ No issue');
  // Only flagged rows on request.
  await page.getByLabel('Show only rows to review').check();
  await expect(page.getByTestId('soa-table').locator('tbody tr')).toHaveCount(37);
  // The excluded control leaves the Annex A denominator: 2.25 / 37 = 6.1% → 6%.
  await page.goto(`./#/a/${id}/overview`);
  await expect(page.getByTestId('dash-annex')).toHaveText(`${Math.round(2.25 / 37 * 100)}%`);
  await expect(page.getByTestId('dash-assessed')).toHaveText('10 of 69 applicable items assessed');

  await page.goto(`./#/a/${id}/soa`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('acme-ai-readiness-soa.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFId,Title,Category,Applicable,Reasons for inclusion,Justification for exclusion,Implementation status,Maturity,Evidence,Flags\r\n')).toBe(true);
  expect(csv).toContain('A.10.4,Customers,A.10,No,,We have no customers for AI systems.,Excluded,,,\r\n');
  expect(csv).toContain('A.2.2,');
});

test('action plan: edit in place, sort by column, filter, overdue, CSV', async ({ page }) => {
  const id = await seedAssessment(page);
  await page.goto(`./#/a/${id}/plan`);
  const rows = page.getByTestId('plan-table').locator('tbody tr');
  const ids = async () => rows.evaluateAll((trs) => trs.map((t) => t.dataset.id));
  // Default order: priority (all Medium), no due dates → catalog order.
  await expect(rows).toHaveCount(EXPECTED.planRows.length);
  expect(await ids()).toEqual(EXPECTED.planRows);
  const prioHeader = page.locator('th.col-priority');
  await expect(prioHeader).toHaveAttribute('aria-sort', 'descending');

  // Sort by gap, largest first, then smallest first.
  await page.locator('th.col-gap button').click();
  await expect(page.locator('th.col-gap')).toHaveAttribute('aria-sort', 'descending');
  await expect(prioHeader).toHaveAttribute('aria-sort', 'none');
  expect((await ids()).slice(0, 2)).toEqual(['4.3', '5.3']);
  await page.locator('th.col-gap button').click();
  await expect(page.locator('th.col-gap')).toHaveAttribute('aria-sort', 'ascending');
  expect((await ids()).slice(-2)).toEqual(['5.3', '4.3']);

  // Edit in place.
  await page.getByLabel('Owner of 4.3').fill('Dana Smith');
  await page.getByLabel('Action for 4.3').fill('Write and approve the AIMS scope statement');
  await page.getByLabel('Priority of 5.2').selectOption('High');
  await page.getByLabel('Due date of 4.4').fill('2020-01-31');
  await page.getByLabel('Status of A.2.4').selectOption('Done');
  await waitSaved(page);
  // Overdue: highlighted and marked in words.
  const r44 = page.locator('tr.plan-row[data-id="4.4"]');
  await expect(r44).toHaveClass(/overdue/);
  await expect(r44).toContainText('Overdue');
  await expect(page.locator('tr.plan-row.overdue')).toHaveCount(1);
  await expect(page.getByTestId('plan-summary')).toContainText('6 items below target; 1 done; 1 overdue.');

  // Sort by priority: the first click sorts High first, the next one High last.
  await prioHeader.locator('button').click();
  await expect(prioHeader).toHaveAttribute('aria-sort', 'descending');
  expect((await ids())[0]).toBe('5.2');
  await prioHeader.locator('button').click();
  await expect(prioHeader).toHaveAttribute('aria-sort', 'ascending');
  expect((await ids()).at(-1)).toBe('5.2');
  // Sort by owner: the only owner first.
  await page.locator('th.col-owner button').click();
  expect((await ids())[0]).toBe('4.3');

  // Filters.
  await page.getByLabel('Overdue only').check();
  await expect(rows).toHaveCount(1);
  expect(await ids()).toEqual(['4.4']);
  await page.getByLabel('Overdue only').uncheck();
  await page.getByLabel('Filter by status').selectOption('Done');
  expect(await ids()).toEqual(['A.2.4']);
  await page.getByLabel('Filter by status').selectOption('');
  await page.getByLabel('Filter by priority').selectOption('High');
  expect(await ids()).toEqual(['5.2']);
  await page.getByLabel('Filter by priority').selectOption('');
  await page.getByPlaceholder('Search items, actions, owners…').fill('dana');
  expect(await ids()).toEqual(['4.3']);
  await page.getByPlaceholder('Search items, actions, owners…').fill('');
  await expect(rows).toHaveCount(6);

  // The edits were saved: they survive a reload.
  await page.reload();
  await expect(page.getByLabel('Owner of 4.3')).toHaveValue('Dana Smith');
  await expect(page.getByLabel('Priority of 5.2')).toHaveValue('High');
  await expect(page.getByLabel('Due date of 4.4')).toHaveValue('2020-01-31');
  await expect(page.getByLabel('Status of A.2.4')).toHaveValue('Done');
  // Default order after reload: High first, then Medium by due date (4.4 dated), then catalog order.
  expect(await ids()).toEqual(['5.2', '4.4', '4.2', '4.3', '5.3', 'A.2.4']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('acme-ai-readiness-action-plan.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('4.3,Determining the scope of the AI management system,Clauses 4–10,4,0,3,3,Write and approve the AIMS scope statement,Dana Smith,,Medium,Not started,No\r\n');
  expect(csv).toContain(',2020-01-31,Medium,Not started,Yes\r\n');
});

test('snapshots: save, keep across reloads, compare with now, delete', async ({ page }) => {
  const id = await seedAssessment(page);
  await page.goto(`./#/a/${id}/snapshots`);
  await expect(page.getByTestId('snap-empty')).toBeVisible();
  await page.getByLabel('Snapshot name').fill('Baseline');
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(page.getByTestId('snap-table').locator('tbody tr')).toHaveCount(1);
  const snapRow = page.getByTestId('snap-table').locator('tbody tr').first();
  await expect(snapRow).toContainText('Baseline');
  await expect(snapRow).toContainText(EXPECTED.overall);

  // Stored durably.
  await page.reload();
  await expect(page.getByTestId('snap-table').locator('tbody tr')).toHaveCount(1);

  // Improve 4.3 from 0 to 3: clause 4 goes from (1+.5+0+.5)/4 = 50% to (1+.5+.75+.5)/4 = 68.75% → 69%;
  // overall from 6/70 = 9% to 6.75/70 = 10%.
  await rate(page, id, '4.3', 3);
  await page.goto(`./#/a/${id}/snapshots`);
  const cmp = page.getByTestId('snap-compare');
  await expect(cmp).toContainText('Now compared with “Baseline');
  await expect(page.getByTestId('cmp-delta-4')).toHaveText('+19 pp');
  await expect(page.getByTestId('cmp-delta-overall')).toHaveText('+1 pp');
  await expect(page.getByTestId('cmp-delta-5')).toHaveText('no change');
  await expect(page.getByTestId('cmp-delta-6')).toHaveText('—');
  await expect(page.getByTestId('cmp-count-improved')).toHaveText('1');
  await expect(page.getByTestId('cmp-count-regressed')).toHaveText('0');
  await expect(page.getByTestId('cmp-count-newlyassessed')).toHaveText('0');
  await expect(cmp.locator('.change-improved li')).toContainText('4.3');
  await expect(cmp.locator('.change-improved li')).toContainText('0 → 3');

  // Delete, after confirming.
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: 'Delete Baseline' }).click();
  await expect(page.getByTestId('snap-table').locator('tbody tr')).toHaveCount(1);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Delete Baseline' }).click();
  await expect(page.getByTestId('snap-empty')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('snap-empty')).toBeVisible();
});
