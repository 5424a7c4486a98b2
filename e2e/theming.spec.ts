// Theming parameters change what the visitor sees; invalid values are refused by name; nothing is reflected unescaped.
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { openEmbedded } from './embed.js';
import { HOST_ORIGIN } from './origins.js';
import { texts } from './frame.js';

interface Look {
  readonly color: string;
  readonly background: string;
  readonly fontSize: string;
  readonly fontFamily: string;
}

/** The computed look of the visible status and the frame's own background. */
async function lookOf(frame: FrameLocator): Promise<Look> {
  const status = frame.getByRole('status');
  await expect(status).toHaveText(texts.optedIn);
  const background = await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  return {
    background,
    ...(await status.evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, fontSize: style.fontSize, fontFamily: style.fontFamily };
    })),
  };
}

/** WCAG relative luminance of an `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

async function look(page: Page, query: string): Promise<Look> {
  return lookOf(await openEmbedded(page, query));
}

test.describe('each theming parameter changes the computed style inside the frame', () => {
  test('fontColor, backgroundColor, fontSize and fontFamily', async ({ page }) => {
    const base = await look(page, 'theme=light');
    const themed = await look(
      page,
      'theme=light&fontColor=7a1f00&backgroundColor=%23fef3c7&fontSize=22px&fontFamily=%22Courier%20New%22%2C%20monospace',
    );
    expect(themed.color).toBe('rgb(122, 31, 0)');
    expect(themed.background).toBe('rgb(254, 243, 199)');
    expect(themed.fontSize).toBe('22px');
    expect(themed.fontFamily).toBe('"Courier New", monospace');
    for (const key of ['color', 'background', 'fontSize', 'fontFamily'] as const) expect(themed[key]).not.toBe(base[key]);
    // Three-digit colours and relative sizes work too.
    const short = await look(page, 'theme=light&fontColor=%23036&fontSize=150%25');
    expect(short.color).toBe('rgb(0, 51, 102)');
    expect(short.fontSize).toBe('24px');
  });

  test('theme=light and theme=dark: dark text on light, light text on dark, both AA', async ({ page }) => {
    const light = await look(page, 'theme=light');
    const dark = await look(page, 'theme=dark');
    expect(luminance(light.color)).toBeLessThan(luminance(light.background));
    expect(luminance(dark.color)).toBeGreaterThan(luminance(dark.background));
    expect(contrast(light.color, light.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dark.color, dark.background)).toBeGreaterThanOrEqual(4.5);
    // Explicit colours win over the theme's.
    const custom = await look(page, 'theme=dark&fontColor=ffcc00');
    expect(custom.color).toBe('rgb(255, 204, 0)');
    expect(custom.background).toBe(dark.background);
  });

  test.describe('theme=auto in a browser that prefers dark', () => {
    test.use({ colorScheme: 'dark' });
    test('follows prefers-color-scheme (and theme=light does not)', async ({ page }) => {
      const auto = await look(page, 'theme=auto');
      const dark = await look(page, 'theme=dark');
      const light = await look(page, 'theme=light');
      expect(auto).toEqual(dark);
      expect(light.background).not.toBe(dark.background);
    });
  });

  test.describe('theme=auto in a browser that prefers light', () => {
    test.use({ colorScheme: 'light' });
    test('is the light theme', async ({ page }) => {
      expect(await look(page, '')).toEqual(await look(page, 'theme=light'));
    });
  });

  test('showIntro=0 hides the intro, showIntro=1 shows it', async ({ page }) => {
    const intro = (frame: FrameLocator): Locator => frame.locator('.intro').filter({ visible: true });
    const shown = await openEmbedded(page, 'showIntro=1');
    await expect(intro(shown)).toHaveCount(1);
    const hidden = await openEmbedded(page, 'showIntro=0');
    await expect(hidden.getByRole('status')).toBeVisible();
    await expect(hidden.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
    await expect(intro(hidden)).toHaveCount(0);
  });
});

const invalid: [parameter: string, value: string, accepts: RegExp][] = [
  ['lang', 'en_US', /BCP 47/],
  ['language', '12', /BCP 47/],
  ['showIntro', 'yes', /0 or 1/],
  ['fontColor', 'red', /hex colour/],
  ['backgroundColor', '#12345', /hex colour/],
  ['fontSize', '12', /px, pt, em, rem or %/],
  ['fontFamily', 'Arial;color:red', /family names/],
  ['theme', 'blue', /light, dark or auto/],
];

for (const [parameter, value, accepts] of invalid) {
  test(`${parameter}=${value} answers 400 naming the parameter and what it accepts`, async ({ request }) => {
    const response = await request.get(`${HOST_ORIGIN}/optout?${parameter}=${encodeURIComponent(value)}`);
    expect(response.status()).toBe(400);
    const body = await response.text();
    expect(body).toContain(`&quot;${parameter}&quot;`);
    expect(body).toMatch(accepts);
  });
}

/** Script- and CSS-injection attempts, each tried in every parameter. */
const payloads = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "'><svg onload=window.__pwned=1>",
  '</style><script>window.__pwned=1</script>',
  '#fff;}body{display:none}',
  'red;background:url(javascript:window.__pwned=1)',
  '16px;}html{visibility:hidden}/*',
  'Arial"; }body{display:none} x{"',
  'expression(window.__pwned=1)',
];
const parameters = ['lang', 'language', 'showIntro', 'fontColor', 'backgroundColor', 'fontSize', 'fontFamily', 'theme', 'unknownParam'];

/** What an injection would add; a clean frame page has its own (the rule that shows one state's texts). */
const markers = (html: string) => html.match(/<img|<svg|<script>window|display:none|visibility:hidden/g) ?? [];

test('on the wire: no payload in any parameter comes back unescaped', async ({ request }) => {
  const clean = markers(await (await request.get(`${HOST_ORIGIN}/optout`)).text());
  for (const parameter of parameters) {
    for (const payload of payloads) {
      const response = await request.get(`${HOST_ORIGIN}/optout?${parameter}=${encodeURIComponent(payload)}`);
      const body = await response.text();
      // Known parameters refuse these values; an unknown one is ignored (kept only escaped in the form action).
      expect(response.status(), `${parameter}=${payload}`).toBe(parameter === 'unknownParam' ? 200 : 400);
      expect(body, `${parameter}=${payload}`).not.toContain(payload);
      expect(markers(body), `${parameter}=${payload}`).toEqual(response.status() === 200 ? clean : []);
    }
  }
});

test('in the browser: payloads run no script, add no element and change no style', async ({ page }) => {
  test.slow(); // 27 page loads: the timeout triples, the assertions stay
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const payload of payloads) {
    // An ignored parameter gives the real frame (200); a known one gives the 400 page.
    for (const parameter of ['unknownParam', 'fontFamily', 'fontColor']) {
      const frame = await openEmbedded(page, `${parameter}=${encodeURIComponent(payload)}`);
      const body = frame.locator('body');
      await expect(body).toBeVisible();
      const found = await body.evaluate((el) => ({
        pwned: (window as { __pwned?: number }).__pwned ?? 0,
        injected: el.ownerDocument.querySelectorAll('img, svg, body script:not([type="application/json"])').length,
        display: getComputedStyle(el).display,
        visibility: getComputedStyle(el.ownerDocument.documentElement).visibility,
      }));
      expect(found, `${parameter}=${payload}`).toEqual({ pwned: 0, injected: 0, display: 'block', visibility: 'visible' });
    }
  }
  expect(dialogs).toEqual([]);
});
