// The builder's change of Matomo's two embed codes: only the host, the rest as Matomo wrote it.
import { describe, expect, it } from 'vitest';
import { matomoCodeOnHost } from './matomo-embed.js';

const HOST = 'https://optout.example.org';

describe('matomoCodeOnHost', () => {
  it('changes the host of the classic iframe, keeping its parameters', () => {
    const code =
      '<iframe style="border: 0; height: 200px; width: 600px;" src="https://matomo.example.org/index.php?module=CoreAdminHome&action=optOut&language=en&backgroundColor=&fontColor=&fontSize=&fontFamily="></iframe>';
    expect(matomoCodeOnHost(code, HOST)).toBe(code.replace('https://matomo.example.org', HOST));
  });

  it('changes the script of 4.12 on, in a folder and HTML-escaped, and leaves the div alone', () => {
    const code =
      '<div id="matomo-opt-out"></div>\n<script src="https://example.org/analytics/index.php?module=CoreAdminHome&amp;action=optOutJS&amp;divId=matomo-opt-out&amp;language=auto&amp;showIntro=1"></script>';
    expect(matomoCodeOnHost(code, HOST)).toBe(code.replace('https://example.org/analytics', HOST));
  });

  it('takes a protocol-relative address', () => {
    expect(matomoCodeOnHost('<iframe src="//m.example.org/index.php?module=CoreAdminHome&action=optOut"></iframe>', HOST)).toBe(
      `<iframe src="${HOST}/index.php?module=CoreAdminHome&action=optOut"></iframe>`,
    );
  });

  it('is undefined for code that is not a Matomo opt-out', () => {
    expect(matomoCodeOnHost('<script src="https://matomo.example.org/matomo.js"></script>', HOST)).toBeUndefined();
    expect(matomoCodeOnHost('', HOST)).toBeUndefined();
  });
});
