// OPTOUT_SITE_COOKIE_DOMAIN end to end on two names under one site (host optout.example.test, page news.example.test): a click's answer sets the site's optout_state; on another site the browser keeps none of it.
import { expect, test, type Page, type Response } from '@playwright/test';
import { texts } from './frame.js';
import { CROSS_SITE_NAME, SAME_SITE_NAME, useHttpsSites } from './https-origins.js';

const sites = useHttpsSites({ OPTOUT_SITE_COOKIE_DOMAIN: 'example.test' });

/** Opens `name`'s privacy page, clicks `button` in the frame, and returns the host's answer to the click's request. */
async function click(page: Page, name: string, button: string, status: string): Promise<Response> {
  const frame = page.frameLocator(`iframe[src^="${sites.hostOrigin}/optout"]`);
  await expect(frame.locator('optout-toggle')).toHaveJSProperty('hasUpdated', true);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(`${sites.hostOrigin}/optout`));
  await frame.getByRole('button', { name: button }).click();
  await expect(frame.getByRole('status')).toHaveText(status);
  expect(new URL(page.url()).hostname).toBe(name);
  return answer;
}

/** Every `Set-Cookie` line of an answer. */
const setCookies = async (response: Response) =>
  (await response.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);

const siteCookie = (optedOut: '1' | '0') =>
  new RegExp(`^optout_state=${optedOut}:choice:\\d+; Path=/; Max-Age=34560000; SameSite=Lax; Secure; Domain=example.test$`);

test("on news.example.test: the click's answer sets the site's optout_state for example.test, kept in the browser; the same opting back in", async () => {
  const context = await sites.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${sites.demo.origin(SAME_SITE_NAME)}/privacy`);

  const out = await click(page, SAME_SITE_NAME, texts.optOutButton, texts.optedOut);
  expect(out.status()).toBe(204);
  const lines = await setCookies(out);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^optout=1; .*Partitioned$/);
  expect(lines[1]).toMatch(siteCookie('1'));
  // Two optout_state in the store: one on the site's domain (the host's, which replaces the client's copy
  // of the same name, Domain and Path) and the client's host-only copy (the opt-out-wins rule, docs/security.md).
  const mirrors = async () => (await context.cookies()).filter((cookie) => cookie.name === 'optout_state');
  const described = async () => (await mirrors()).map(({ domain, value }) => `${domain} ${value.slice(0, 8)}`).sort();
  await expect.poll(described).toEqual(['.example.test 1:choice', 'news.example.test 1:choice']);

  await page.reload();
  const back = await click(page, SAME_SITE_NAME, texts.optInButton, texts.optedIn);
  expect((await setCookies(back))[1]).toMatch(siteCookie('0'));
  await expect.poll(described).toEqual(['.example.test 0:choice', 'news.example.test 0:choice']);
  await context.close();
});

test('on www.gazette.test (another site sharing the host): the same answer, and the browser stores no cookie for example.test', async () => {
  const context = await sites.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${sites.demo.origin(CROSS_SITE_NAME)}/privacy`);
  const out = await click(page, CROSS_SITE_NAME, texts.optOutButton, texts.optedOut);
  // The host cannot see the page's site; the browser refuses a SameSite=Lax cookie from a cross-site frame.
  expect((await setCookies(out))[1]).toMatch(siteCookie('1'));
  const cookies = await context.cookies();
  // The client's own two copies (its site's domain and host-only), none for example.test.
  const domains = cookies.filter((cookie) => cookie.name === 'optout_state').map((cookie) => cookie.domain);
  expect(domains.sort()).toEqual(['.gazette.test', 'www.gazette.test']);
  await context.close();
});
