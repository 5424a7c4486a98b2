// The builder's "I use Matomo's opt-out code today": the pasted code comes back with this host in it, without JavaScript too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessHost, type InProcessHost } from './testing/in-process-host.js';

let host: InProcessHost;
beforeAll(async () => {
  host = await startInProcessHost();
});
afterAll(() => host.close());

const CLASSIC =
  '<iframe src="https://matomo.example.org/index.php?module=CoreAdminHome&action=optOut&language=en&backgroundColor=&fontColor=&fontSize=&fontFamily="></iframe>';

describe("the builder's Matomo section", () => {
  it('offers it, empty, on the plain builder', async () => {
    const response = await host.request({ path: '/' });
    expect(response.status).toBe(200);
    expect(response.body).toContain('I use Matomo’s opt-out code today');
    expect(response.body).toMatch(/<textarea id="matomo-code"[^>]*><\/textarea>/);
  });

  it('writes the pasted code with only the host changed', async () => {
    const response = await host.request({ path: `/?matomo=${encodeURIComponent(CLASSIC)}`, headers: { host: 'optout.example.org' } });
    const changed = CLASSIC.replace('https://matomo.example.org', 'http://optout.example.org')
      .replaceAll('&', '&amp;')
      .replaceAll('"', '&quot;');
    expect(response.status).toBe(200);
    expect(response.body).toContain(changed.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
  });

  it('says so when the pasted code is no Matomo opt-out', async () => {
    const response = await host.request({ path: `/?matomo=${encodeURIComponent('<script src="x.js"></script>')}` });
    expect(response.body).toContain('This is not a Matomo opt-out code');
  });
});
