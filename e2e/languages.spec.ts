// Every shipped language answers in its own texts, lang and dir (on the wire for all, in the cross-site frame for a sample); auto negotiates; unknown is English.
import { expect, test, type FrameLocator } from '@playwright/test';
import { escapeHtml } from '../server/html.js';
import { shippedLanguages } from '../widget/shared/i18n/index.js';
import type { Language } from '../widget/shared/i18n/texts.js';
import { openEmbedded } from './embed.js';
import { HOST_ORIGIN } from './origins.js';

/** The frame shows `language` in full: document language, direction, title and the toggle's texts. */
async function expectLanguage(frame: FrameLocator, language: Language): Promise<void> {
  const t = language.texts;
  const root = frame.locator('html');
  await expect(root).toHaveAttribute('lang', language.tag);
  await expect(root).toHaveAttribute('dir', language.dir);
  await expect(frame.locator('title')).toHaveJSProperty('text', t.title);
  await expect(frame.getByText(t.intro).filter({ visible: true })).toBeVisible();
  await expect(frame.getByRole('status')).toHaveText(t.optedIn);
  await expect(frame.getByRole('button', { name: t.optOutButton })).toBeVisible();
}

const byTag = (tag: string): Language => {
  const found = shippedLanguages.find((language) => language.tag === tag);
  if (!found) throw new Error(`no shipped language ${tag}`);
  return found;
};

/** Every tag on the wire: the frame's first HTML is in that language, with `<html lang dir>` and `<title>`. */
for (const language of shippedLanguages) {
  test(`on the wire: lang=${language.tag} answers in ${language.name}`, async ({ request }) => {
    const response = await request.get(`${HOST_ORIGIN}/optout?lang=${language.tag}&showIntro=1`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    const t = language.texts;
    expect(html).toContain(`<html lang="${language.tag}" dir="${language.dir}" `);
    expect(html).toContain(`<title>${escapeHtml(t.title)}</title>`);
    expect(html).toContain(`<p class="intro">${escapeHtml(t.intro)}</p>`);
    // Both states' lines are in the first HTML (the first-paint script may switch to the other); the class says which shows.
    expect(html).toContain(`<p class="status in-only" role="status">${escapeHtml(t.optedIn)}</p>`);
    expect(html).toContain(`<button type="submit" name="optedOut" value="1" class="in-only">${escapeHtml(t.optOutButton)}</button>`);
  });
}

/** In a browser, a sample: both directions, the new complex scripts, region and script subtags as their own texts. */
const browserSample = ['en', 'ar', 'ur', 'th', 'bn', 'ga', 'hu', 'pt-PT', 'sr', 'sr-Latn', 'fil'];

for (const language of browserSample.map(byTag)) {
  test(`lang=${language.tag}: ${language.name} texts, lang and dir, before and after a click`, async ({ page }) => {
    const frame = await openEmbedded(page, `lang=${language.tag}&showIntro=1`);
    await expectLanguage(frame, language);
    // The Lit element took over with the same texts (they come from the boot JSON).
    await expect(frame.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
    await frame.getByRole('button', { name: language.texts.optOutButton }).click();
    await expect(frame.getByRole('status')).toHaveText(language.texts.optedOut);
    await expect(frame.getByRole('button', { name: language.texts.optInButton })).toBeVisible();
    // The layout follows the direction: the status's text starts on the right in RTL languages.
    const align = await frame.getByRole('status').evaluate((el) => getComputedStyle(el).direction);
    expect(align).toBe(language.dir);
  });
}

test.describe('lang=auto with a German browser', () => {
  test.use({ locale: 'de-AT' });
  test('picks German from Accept-Language', async ({ page }) => {
    const frame = await openEmbedded(page, 'lang=auto');
    await expectLanguage(frame, byTag('de'));
  });
});

test.describe('lang=auto with a browser in Portugal', () => {
  test.use({ locale: 'pt-PT' });
  test('picks European Portuguese, not the Brazilian texts', async ({ page }) => {
    const frame = await openEmbedded(page, 'lang=auto');
    await expectLanguage(frame, byTag('pt-PT'));
  });
});

test('on the wire: lang=auto follows region and script subtags (pt-PT, sr-Latn, tl)', async ({ request }) => {
  const cases: [acceptLanguage: string, tag: string][] = [
    ['pt-PT,pt;q=0.9', 'pt-PT'],
    ['pt-BR,pt;q=0.9', 'pt'],
    ['sr-Latn-RS,sr;q=0.8', 'sr-Latn'],
    ['sr-Cyrl-RS', 'sr'],
    ['tl-PH,en;q=0.5', 'fil'],
  ];
  for (const [acceptLanguage, tag] of cases) {
    const response = await request.get(`${HOST_ORIGIN}/optout?lang=auto`, { headers: { 'Accept-Language': acceptLanguage } });
    expect(await response.text(), acceptLanguage).toContain(`<html lang="${tag}" `);
  }
});

test.describe('no lang parameter with a Persian browser', () => {
  test.use({ locale: 'fa-IR' });
  test('picks Persian, laid out right to left', async ({ page }) => {
    const frame = await openEmbedded(page, '');
    await expectLanguage(frame, byTag('fa'));
  });
});

test('on the wire: lang=auto skips unshipped languages and follows quality order', async ({ request }) => {
  const response = await request.get(`${HOST_ORIGIN}/optout?lang=auto`, {
    headers: { 'Accept-Language': 'tlh, en;q=0.5, ja-JP;q=0.8' },
  });
  expect(await response.text()).toContain('<html lang="ja" dir="ltr" ');
});

test('an explicit lang wins over Accept-Language, and the answer varies on it', async ({ request }) => {
  const response = await request.get(`${HOST_ORIGIN}/optout?lang=he`, { headers: { 'Accept-Language': 'de' } });
  const html = await response.text();
  expect(html).toContain('<html lang="he" dir="rtl" ');
  expect(response.headers()['vary']).toMatch(/Accept-Language/i);
});

test('an unknown language falls back to English', async ({ page }) => {
  const frame = await openEmbedded(page, 'lang=tlh&showIntro=1');
  await expectLanguage(frame, byTag('en'));
});

test("the frame's script carries no texts: each frame gets only its own language, in the boot JSON", async ({ request }) => {
  const html = await (await request.get(`${HOST_ORIGIN}/optout?lang=de`)).text();
  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((match) => match[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  const code = (await Promise.all(scripts.map(async (src) => (await request.get(`${HOST_ORIGIN}${src}`)).text()))).join('\n');
  for (const language of shippedLanguages.filter((l) => l.tag !== 'en')) {
    expect(code, language.tag).not.toContain(language.texts.optedIn);
    // Of all the languages, only German reaches this page.
    if (language.tag !== 'de') expect(html, language.tag).not.toContain(language.texts.optedOut);
  }
  expect(html).toContain(byTag('de').texts.optedOut);
});
