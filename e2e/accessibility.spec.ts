// WCAG 2.2 AA with axe-core: the frame in each state, light and dark, right to left (the builder's: builder-accessibility.spec.ts).
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations, WCAG_AA } from './axe.js';
import { HOST_ORIGIN } from './origins.js';
import { texts } from './frame.js';

/** The frame document, upgraded by Lit (axe then sees the shadow DOM the visitor sees). */
async function openFrame(page: Page, query: string): Promise<void> {
  await page.goto(`${HOST_ORIGIN}/optout?${query}`);
  await expect(page.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
}

const scenarios: [name: string, query: string, colorScheme: 'light' | 'dark', optedOut: boolean][] = [
  ['opted in, light', 'theme=light', 'light', false],
  ['opted out, light', 'theme=light', 'light', true],
  ['opted in, dark', 'theme=dark', 'light', false],
  ['opted out, dark', 'theme=dark', 'light', true],
  ['auto in a dark browser', 'theme=auto', 'dark', false],
  ['Arabic, right to left', 'lang=ar', 'light', false],
  ['Hebrew, right to left, dark, opted out', 'lang=he&theme=dark', 'light', true],
  ['Urdu, right to left, opted out', 'lang=ur', 'light', true],
  ['Thai, a script without spaces between words, dark', 'lang=th&theme=dark', 'light', false],
  ['Bengali, a complex script, opted out', 'lang=bn', 'light', true],
  ['Serbian in Latin script, a script subtag', 'lang=sr-Latn', 'light', false],
  ['no intro, large font', 'showIntro=0&fontSize=150%25', 'light', false],
];

for (const [name, query, colorScheme, optedOut] of scenarios) {
  test.describe(`the frame: ${name}`, () => {
    test.use({ colorScheme });
    test('has no WCAG 2.2 AA violations', async ({ page }) => {
      await openFrame(page, query.includes('showIntro') ? query : `${query}&showIntro=1`);
      if (optedOut) {
        await page.getByRole('button').click();
        await expect(page.locator('optout-toggle')).toHaveAttribute('opted-out', '');
      }
      await expectNoViolations(page);
    });
  });
}

test('the frame: the button is a large target with a visible focus ring', async ({ page }) => {
  await openFrame(page, 'theme=light');
  const button = page.getByRole('button', { name: texts.optOutButton });
  const box = (await button.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.width).toBeGreaterThanOrEqual(44);
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  const outline = await button.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});

test.describe('the frame: Global Privacy Control honoured', () => {
  test.use({ extraHTTPHeaders: { 'Sec-GPC': '1' } });
  test('has no WCAG 2.2 AA violations', async ({ page }) => {
    await openFrame(page, 'theme=dark&lang=fa');
    await expect(page.locator('optout-toggle')).toHaveAttribute('reason', 'gpc');
    await expectNoViolations(page);
  });
});

test('the scan sees inside the element: a low-contrast pair chosen by a site owner is reported', async ({ page }) => {
  await openFrame(page, 'fontColor=8a8a8a&backgroundColor=999999');
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const contrast = results.violations.find((violation) => violation.id === 'color-contrast');
  expect(contrast?.nodes.length).toBeGreaterThan(0);
});
