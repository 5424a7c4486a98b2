// WCAG 2.2 AA with axe-core on the embed-code builder, in its light and dark schemes, with trackers chosen and with a field invalid.
import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe.js';
import { HOST_ORIGIN } from './origins.js';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    test('the builder has no WCAG 2.2 AA violations, with trackers chosen and while a field is invalid', async ({ page }) => {
      await page.goto(`${HOST_ORIGIN}/?trackers=plausible,google-analytics`);
      await expect(page.frameLocator('#preview').getByRole('status')).toBeVisible();
      // The page really is in the scheme under test.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(246, 248, 250)',
      );
      await expectNoViolations(page);
      await page.getByLabel('Font size').fill('huge');
      await expect(page.getByLabel('Font size')).toHaveAttribute('aria-invalid', 'true');
      await expectNoViolations(page);
    });
  });
}

test('the builder: every control is labelled and focus is visible by keyboard', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/`);
  for (const label of [
    'Language',
    'Text colour',
    'Background colour',
    'Font size',
    'Font family',
    'Google Analytics measurement ID',
    'Cookie domain',
  ]) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  for (const block of ['On your privacy page', 'On every other page'])
    await expect(page.getByRole('textbox', { name: block })).toBeVisible();
  for (const group of ['Theme', 'Trackers on your site', 'Pages without the opt-out'])
    await expect(page.getByRole('group', { name: group })).toBeVisible();
  const copy = page.getByRole('button', { name: 'Copy code: on every other page' });
  await copy.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(copy).toBeFocused();
  expect(await copy.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
});
