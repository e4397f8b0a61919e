// Seeding for the results and report specs: an assessment created and rated through the UI with
// the keyboard, and the figures the domain must compute for it, worked out by hand below.
import { expect } from '@playwright/test';
import { createAssessment, waitSaved } from './helpers.mjs';

/** Ratings given, in catalog order from the first item of each part (null = skip with j). */
export const CLAUSE_RATINGS = [
  ['4.1', 4], ['4.2', 2], ['4.3', 0], ['4.4', 2], ['5.1', 5], ['5.2', 2], ['5.3', 1],
];
export const ANNEX_RATINGS = [['A.2.2', 4], ['A.2.3', 3], ['A.2.4', 2]];

// Item readiness = min(level, 4) / 4; a group's readiness = sum over its applicable items / count.
const r = (level) => Math.min(level, 4) / 4;
const sum = (pairs) => pairs.reduce((s, [, l]) => s + r(l), 0);
const pct = (share) => `${Math.round(share * 100)}%`;

/** What the pages must show for the seed (targets all default to 3 = 75%). */
export const EXPECTED = {
  // clause 4: (1 + .5 + 0 + .5) / 4 = 50%
  clause4: pct(sum(CLAUSE_RATINGS.slice(0, 4)) / 4),
  // clause 5: (1 + .5 + .25) / 3 = 58.3% → 58%
  clause5: pct(sum(CLAUSE_RATINGS.slice(4)) / 3),
  // clauses: 3.75 / 32 = 11.7% → 12%
  clauses: pct(sum(CLAUSE_RATINGS) / 32),
  // A.2: (1 + .75 + .5) / 3 = 75%
  a2: pct(sum(ANNEX_RATINGS) / 3),
  // Annex A: 2.25 / 38 = 5.9% → 6%
  annex: pct(sum(ANNEX_RATINGS) / 38),
  // overall: 6 / 70 = 8.6% → 9%
  overall: pct((sum(CLAUSE_RATINGS) + sum(ANNEX_RATINGS)) / 70),
  // coverage: 10 of 70 = 14%
  coverage: pct(10 / 70),
  target: '75%',
  // R1: 4.3 (0) and 5.3 (1); R2: the scope document of 4.3 (rated 0); R4: clause 4 has two
  // minors (4.2, 4.4) → one systemic major. Minors (R3): 4.2, 4.4, 5.2, A.2.4. No observation
  // (R5 needs a target of 4 or 5).
  majors: 4,
  minors: 4,
  observations: 0,
  verdict: 'Not ready for certification audit',
  // Below the default target 3: 4.2, 4.3, 4.4, 5.2, 5.3, A.2.4.
  planRows: ['4.2', '4.3', '4.4', '5.2', '5.3', 'A.2.4'],
  // Level mix over the 70 applicable items.
  levels: { 0: 1, 1: 1, 2: 4, 3: 1, 4: 2, 5: 1, na: 60 },
};

/** Rate items on one editor page with the keyboard: focus the first row, digits rate, j moves. */
async function rateWithKeyboard(page, ratings) {
  const first = page.locator('.item-row').first();
  await first.focus();
  for (let i = 0; i < ratings.length; i++) {
    const [id, level] = ratings[i];
    await expect(page.locator(`[id="item-${id}"]`)).toBeFocused();
    await page.keyboard.press(String(level));
    await expect(page.getByTestId(`level-${id}`)).not.toContainText('Not assessed');
    if (i < ratings.length - 1) await page.keyboard.press('j');
  }
}

/** Create the seeded assessment; resolves with its id. */
export async function seedAssessment(page, name = 'Acme AI readiness', org = 'Acme Ltd') {
  const id = await createAssessment(page, name, org);
  await expect(page.locator('.item-row').first()).toBeVisible();
  await rateWithKeyboard(page, CLAUSE_RATINGS);
  await page.goto(`./#/a/${id}/annex-a`);
  await expect(page.locator('.item-row').first()).toHaveAttribute('data-item', 'A.2.2');
  await rateWithKeyboard(page, ANNEX_RATINGS);
  await waitSaved(page);
  return id;
}
