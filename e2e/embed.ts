// Embeds the frame with a chosen query into a real page of the demo's site, as a site owner's page would.
import type { FrameLocator, Page } from '@playwright/test';
import { HOST_ORIGIN } from './origins.js';

/**
 * Opens the demo's home page (a real document served from the demo's own site, which the
 * host allows to embed it) and replaces its content with one cross-site `<iframe>` of
 * `GET /optout?<query>`. A page faked with `page.route` would not do: Chromium treats it as
 * a public-network document and blocks its frames from loopback hosts.
 */
export async function openEmbedded(page: Page, query: string, host: string = HOST_ORIGIN): Promise<FrameLocator> {
  await page.goto('/');
  const src = `${host}/optout${query ? `?${query}` : ''}`;
  await page.evaluate((frameSrc) => {
    const iframe = document.createElement('iframe');
    iframe.src = frameSrc;
    iframe.title = 'Analytics opt-out (under test)';
    iframe.style.cssText = 'border:0;width:100%;height:240px';
    document.body.replaceChildren(iframe);
  }, src);
  return page.frameLocator('iframe[title="Analytics opt-out (under test)"]');
}
