// The embed-code builder: options drive a live preview and the code; the copied code, pasted into another site's page, works.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { shippedLanguages } from '../widget/shared/i18n/index.js';
import { HOST_ORIGIN } from './origins.js';
import { startPageServer } from './page-server.js';
import { startTestSite } from './servers.js';

const de = {
  optedIn: 'Sie nehmen derzeit an der Besuchsmessung teil.',
  optOutButton: 'Hier klicken, um nicht mehr teilzunehmen.',
};
const fr = {
  title: 'Refus de la mesure d’audience',
  optedIn: 'Vous participez actuellement à la mesure d’audience.',
  optedOut: 'Vous ne participez pas actuellement à la mesure d’audience.',
  optOutButton: 'Cliquez ici pour ne plus participer.',
  optInButton: 'Cliquez ici pour participer de nouveau.',
  intro: 'Ce site mesure sa fréquentation',
};

const snippet = (page: Page) => page.getByRole('textbox', { name: 'On your privacy page' });
const everyPage = (page: Page) => page.getByRole('textbox', { name: 'On every other page' });
const preview = (page: Page) => page.frameLocator('#preview');

test('the language list names every shipped language in its own language, and the preview follows', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/`);
  const select = page.getByLabel('Language');
  // Every shipped language, plus "auto".
  await expect(select.locator('option')).toHaveCount(shippedLanguages.length + 1);
  for (const language of shippedLanguages) {
    const option = select.locator(`option[value="${language.tag}"]`);
    await expect(option).toHaveText(`${language.name} (${language.tag})`);
    await expect(option).toHaveAttribute('lang', language.tag);
  }
  for (const label of [
    'Magyar (hu)',
    'Gaeilge (ga)',
    'Português (Portugal) (pt-PT)',
    'Português (Brasil) (pt)',
    'Српски (sr)',
    'Srpski (sr-Latn)',
    'اردو (ur)',
    'ไทย (th)',
  ]) {
    await expect(select.getByRole('option', { name: label, exact: true })).toHaveCount(1);
  }
  await select.selectOption('sr-Latn');
  await expect(preview(page).getByRole('status')).toHaveText('Trenutno učestvujete u merenju poseta.');
  await expect(snippet(page)).toHaveValue(/optout\?lang=sr-Latn/);
});

test('options drive the live preview of the real frame and the code', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/`);
  await expect(page).toHaveTitle(/Embed code builder/);
  await expect(preview(page).getByRole('status')).toBeVisible();

  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByLabel('Text colour', { exact: true }).fill('ffcc00');
  await page.getByLabel('Font size').fill('20px');

  await expect(preview(page).getByRole('status')).toHaveText(de.optedIn);
  await expect(preview(page).getByRole('button', { name: de.optOutButton })).toBeVisible();
  // Each change reloads the preview; the last one shows every option.
  await expect
    .poll(() =>
      preview(page)
        .getByRole('status')
        .evaluate((el) => ({ color: getComputedStyle(el).color, size: getComputedStyle(el).fontSize })),
    )
    .toEqual({ color: 'rgb(255, 204, 0)', size: '20px' });
  const code = await snippet(page).inputValue();
  expect(code).toContain(`<iframe src="${HOST_ORIGIN}/optout?lang=de&amp;fontColor=ffcc00&amp;fontSize=20px&amp;theme=dark"`);
  expect(code).toContain('title="Widerspruch gegen die Besuchsmessung" loading="lazy"');
  expect(code).toContain(`<script src="${HOST_ORIGIN}/client.js" async></script>`);

  // An invalid value is named on its field and changes neither the preview nor the code.
  await page.getByLabel('Font size').fill('huge');
  await expect(page.getByLabel('Font size')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Not valid: expected a number with px/)).toBeVisible();
  expect(await snippet(page).inputValue()).toBe(code);
  await page.getByLabel('Font size').fill('');
  await expect(page.getByLabel('Font size')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(snippet(page)).not.toHaveValue(/fontSize/);

  // The address keeps the options: reloading (or sharing it) shows the same choice.
  await page.reload();
  await expect(page.getByLabel('Language')).toHaveValue('de');
  await expect(snippet(page)).toHaveValue(/lang=de&amp;fontColor=ffcc00&amp;theme=dark/);
});

test('on the wire: the builder is protected by a hash CSP, its script is a hashed asset, nothing inline runs', async ({ request }) => {
  const response = await request.get(`${HOST_ORIGIN}/`);
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).not.toContain('nonce');
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).toContain("frame-src 'self'");
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
  expect(scripts).toEqual([expect.stringMatching(/^ type="module" src="\/assets\/builder-[A-Za-z0-9_-]{8}\.js"$/)]);
  // The one inline style is allowed by its hash, and by nothing looser.
  const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(style).digest('base64');
  expect(csp).toMatch(new RegExp(`style-src 'self' '${`sha256-${hash}`.replace(/[+/=]/g, '\\$&')}'(;|$)`));
  expect(html).not.toMatch(/\son[a-z]+=|style="/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the form still updates the preview and the code', async ({ page }) => {
    await page.goto(`${HOST_ORIGIN}/`);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('radio', { name: 'Hidden' }).check();
    await page.getByRole('button', { name: 'Update preview and code' }).click();
    await expect(snippet(page)).toHaveValue(/optout\?lang=fr&amp;showIntro=0"/);
    await expect(preview(page).getByRole('status')).toHaveText(fr.optedIn);
  });
});

test('code copied from the builder, pasted into a page on another site, shows the frame, toggles and sizes it', async ({
  page,
  context,
}) => {
  const pages: Record<string, string> = {};
  const otherSite = await startPageServer({ hostname: 'localhost', pages });
  const site = await startTestSite({ OPTOUT_ALLOWED_ORIGINS: otherSite.origin });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.hostOrigin });
    await page.goto(`${site.hostOrigin}/`);
    await page.getByLabel('Language').selectOption('fr');
    await expect(snippet(page)).toHaveValue(/lang=fr/);
    await page.getByRole('button', { name: 'Copy code: on your privacy page' }).click();
    await expect(page.locator('#privacy-code-status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await snippet(page).inputValue());

    // A site owner's privacy page with the code pasted as it is.
    pages['/privacy'] = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Confidentialité</title></head>
<body><h1>Confidentialité</h1>\n${copied}\n<p>Fin.</p></body></html>`;
    expect(copied).toMatch(/<iframe src="[^"]+"\s+title="Refus de la mesure d’audience" loading="lazy"/);
    await page.goto(`${otherSite.origin}/privacy`);
    const iframe = page.locator(`iframe[src^="${site.hostOrigin}/optout"]`);
    await expect(iframe).toHaveAttribute('title', fr.title);
    const frame = page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`);
    await expect(frame.getByRole('status')).toHaveText(fr.optedIn);
    await frame.getByRole('button', { name: fr.optOutButton }).click();
    await expect(frame.getByRole('status')).toHaveText(fr.optedOut);
    // client.js from the snippet: the page's scripts learn the choice, and the frame fits its content.
    await expect.poll(() => page.evaluate(() => window.optout?.isOptedOut())).toBe(true);
    const contentHeight = await frame.locator('html').evaluate((root) => Math.ceil(root.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await iframe.boundingBox())!.height - contentHeight)).toBeLessThanOrEqual(2);

    await page.reload();
    await expect(page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`).getByRole('status')).toHaveText(fr.optedOut);
    await page.frameLocator(`iframe[src^="${site.hostOrigin}/optout"]`).getByRole('button', { name: fr.optInButton }).click();
    await expect.poll(() => page.evaluate(() => window.optout?.isOptedOut())).toBe(false);
  } finally {
    await Promise.all([site.close(), otherSite.close()]);
  }
});

test.describe('the integration, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('GET /?trackers=plausible writes the adapters on both blocks, rendered by the server', async ({ page }) => {
    await page.goto(`${HOST_ORIGIN}/?trackers=plausible`);
    for (const block of [snippet(page), everyPage(page)]) {
      await expect(block).toHaveValue(new RegExp(`<script src="${HOST_ORIGIN}/client.js" data-adapters="plausible"></script>`));
    }
    await expect(everyPage(page)).toHaveValue(/await optout\.whenKnown\(\);\n {2}init\(/);
    await expect(page.getByRole('checkbox', { name: 'Plausible' })).toBeChecked();
    await expect(page.getByRole('link', { name: 'Plausible and optout-frame' }).first()).toHaveAttribute(
      'href',
      /docs\/client\.md#plausible$/,
    );
  });

  test('the form keeps every choice in the address and renders it', async ({ page }) => {
    await page.goto(`${HOST_ORIGIN}/`);
    await page.getByRole('checkbox', { name: 'Matomo' }).check();
    await page.getByRole('checkbox', { name: 'Google Analytics' }).check();
    await page.getByLabel('Google Analytics measurement ID').fill('G-HARBOUR123');
    await page.getByLabel('Cookie domain').fill('example.org');
    await page.getByRole('button', { name: 'Update preview and code' }).click();
    const address = new URL(page.url());
    expect(address.searchParams.getAll('trackers')).toEqual(['matomo', 'google-analytics']);
    expect(address.searchParams.get('gaId')).toBe('G-HARBOUR123');
    await expect(everyPage(page)).toHaveValue(
      new RegExp(
        `^<script src="${HOST_ORIGIN}/client.js" data-adapters="matomo,gtag" data-ga-id="G-HARBOUR123" data-cookie-domain="example.org"></script>\n<!-- Matomo`,
      ),
    );
    await expect(everyPage(page)).toHaveValue(/gtag\('config', 'G-HARBOUR123'\);/);
  });
});

test('a bad builder parameter answers 400 naming it, as the frame does', async ({ request }) => {
  for (const [query, parameter] of [
    ['trackers=plausible,google', 'trackers'],
    ['trackers=google-analytics&gaId=UA-1-1', 'gaId'],
    ['cookieDomain=example.org;%20Path=/', 'cookieDomain'],
    ['everyPage=yes', 'everyPage'],
    ['fontSize=huge', 'fontSize'],
  ]) {
    const response = await request.get(`${HOST_ORIGIN}/?${query}`);
    expect(response.status(), query).toBe(400);
    expect(await response.text()).toContain(`Invalid parameter &quot;${parameter}&quot;`);
  }
});

test('with JavaScript: trackers, GA id and docs links follow the form at once; a bad id is named on its field', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/?trackers=plausible,matomo`);
  await expect(everyPage(page)).toHaveValue(/data-adapters="matomo,plausible"/);
  await page.getByRole('checkbox', { name: 'Matomo' }).uncheck();
  await page.getByRole('checkbox', { name: 'Google Analytics' }).check();
  await expect(everyPage(page)).toHaveValue(/data-adapters="plausible,gtag" data-ga-id="G-XXXXXXXXXX"/);
  await expect(page).toHaveURL(`${HOST_ORIGIN}/?trackers=plausible,google-analytics`);
  await expect(page.locator('#every-page-code-docs a')).toHaveText(['Plausible and optout-frame', 'Google Analytics and optout-frame']);
  await expect(page.locator('#privacy-code-docs a').last()).toHaveAttribute('href', /client\.md#google-analytics$/);

  const gaId = page.getByLabel('Google Analytics measurement ID');
  await gaId.fill('UA-123');
  await expect(gaId).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#gaId-error')).toHaveText(/Not valid: expected a Google Analytics measurement id/);
  await gaId.fill('G-ABC1234');
  await expect(gaId).not.toHaveAttribute('aria-invalid');
  await expect(everyPage(page)).toHaveValue(/gtag\('config', 'G-ABC1234'\);/);
  await expect(page).toHaveURL(`${HOST_ORIGIN}/?trackers=plausible,google-analytics&gaId=G-ABC1234`);

  await page.getByRole('radio', { name: 'Tracker code only' }).check();
  await expect(everyPage(page)).not.toHaveValue(/client\.js"|whenKnown/);
  // GA reads the client's cookie itself there, and the hint no longer speaks of a client first.
  await expect(everyPage(page)).toHaveValue(/window\['ga-disable-G-ABC1234'\] = gaOptedOut;/);
  await expect(page.locator('#every-page-code-hint')).toContainText('the tracker alone');
  await expect(page.locator('#every-page-code-hint')).not.toContainText('client first');
});

test('the preview sizes itself to the frame, as the real embed does', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/`);
  const iframe = page.locator('#preview');
  const fits = async () => {
    const content = await preview(page)
      .locator('html')
      .evaluate((root) => root.getBoundingClientRect().height);
    const box = await iframe.evaluate((el) => el.clientHeight);
    return Math.abs(box - Math.ceil(content));
  };
  await expect(preview(page).getByRole('status')).toBeVisible();
  await expect.poll(fits).toBeLessThanOrEqual(1);
  const withIntro = (await iframe.boundingBox())!.height;
  await page.getByRole('radio', { name: 'Hidden' }).check();
  await expect.poll(async () => (await iframe.boundingBox())!.height).toBeLessThan(withIntro);
  await expect.poll(fits).toBeLessThanOrEqual(1);
});

test("an empty colour field's swatch shows the theme's colour, and says so", async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/?theme=light`);
  const picker = page.getByLabel('Pick the text colour');
  const note = page.locator('#fontColor-note');
  await expect(picker).toHaveValue('#1f2328');
  await expect(note).toHaveText('Theme’s colour');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(picker).toHaveValue('#e8eaed');
  await page.getByLabel('Text colour', { exact: true }).fill('ffcc00');
  await expect(picker).toHaveValue('#ffcc00');
  await expect(note).toBeHidden();
});
