// Every pattern that reads a visitor's or a page's input answers its worst inputs, up to the length cap, fast (issue 34).
import { describe, expect, it } from 'vitest';
import { parseFrameParams, isSiteId } from './frame-params.js';
import { parseIntegrationParams } from './integration-params.js';
import { cookieValues, isCookieDomain, parseMirror } from './mirror-record.js';

// The bad case these guard against took minutes (FONT_FAMILY's old pattern: 0.72 s at 12 repeats
// of `" a ,"`, about 4 times more per repeat, 49 allowed): a second is no timing flake.
const BOUND_MS = 1000;

/** How long `run` takes, in milliseconds, after it ran once (so a first compile does not count). */
function elapsed(run: () => unknown): number {
  const ignore = () => {
    try {
      run();
    } catch {
      // A refusal is the expected answer for most of these inputs.
    }
  };
  ignore();
  const start = performance.now();
  ignore();
  return performance.now() - start;
}

/** Inputs that make an overlapping-quantifier pattern backtrack: runs of what its classes share, then a character that fails it. */
function attacks(cap: number, units: readonly string[]): string[] {
  const tails = [';', '!', '\u0000', '"', "'", '<', ''];
  return units.flatMap((unit) => tails.map((tail) => unit.repeat(Math.floor((cap - tail.length) / unit.length)) + tail));
}

const FRAME_UNITS = [' a ,', ' ', ' ,', ', ', 'a ', '" ",', "' ',", '"a,', 'a-', '-a', '1', '1.', 'a', '#', '-A1'];

describe('linear-time patterns', () => {
  it('the issue\'s case: fontFamily=" a ," × 49 then ";" is refused at once', () => {
    const value = `${' a ,'.repeat(49)};`;
    expect(value.length).toBeLessThanOrEqual(200);
    let refused: unknown;
    const time = elapsed(() => {
      try {
        parseFrameParams({ fontFamily: value });
      } catch (error) {
        refused = error;
        throw error;
      }
    });
    expect(refused).toMatchObject({ parameter: 'fontFamily' });
    expect(time).toBeLessThan(BOUND_MS);
  });

  it.each(['lang', 'language', 'showIntro', 'fontColor', 'backgroundColor', 'fontSize', 'fontFamily', 'theme'])(
    '%s: every worst input up to its 200-character cap',
    (name) => {
      for (const value of attacks(200, FRAME_UNITS)) {
        expect(
          elapsed(() => parseFrameParams({ [name]: value })),
          `${name}=${JSON.stringify(value)}`,
        ).toBeLessThan(BOUND_MS);
      }
    },
  );

  it('fontFamily still takes the documented forms, commas inside quotes included, and refuses the rest', () => {
    const taken = [`"Open Sans", Arial, sans-serif`, `'Times, New', serif`, ` Georgia ,serif `, `"It's"`, `'say "hi"'`];
    for (const fontFamily of taken) expect(parseFrameParams({ fontFamily }).fontFamily).toBe(fontFamily);
    const refused = [`"unclosed, serif`, `Arial;`, `a,,b`, `"a"b`, `Arial, `, `'a' 'b'`, `a\nb`];
    for (const fontFamily of refused) expect(() => parseFrameParams({ fontFamily }), fontFamily).toThrow(/fontFamily/);
  });

  it('site ids, cookie domains and the GA id: worst inputs up to their caps', () => {
    const units = ['a', 'a-', '-', 'a.', '.a', 'a-a.', '1', 'G-A', '.'];
    for (const value of attacks(300, units)) {
      expect(
        elapsed(() => isSiteId(value)),
        value,
      ).toBeLessThan(BOUND_MS);
      expect(
        elapsed(() => isCookieDomain(value)),
        value,
      ).toBeLessThan(BOUND_MS);
    }
    for (const value of attacks(253, units)) {
      expect(
        elapsed(() => parseIntegrationParams({ gaId: value })),
        value,
      ).toBeLessThan(BOUND_MS);
      expect(
        elapsed(() => parseIntegrationParams({ cookieDomain: value })),
        value,
      ).toBeLessThan(BOUND_MS);
      expect(
        elapsed(() => parseIntegrationParams({ trackers: value })),
        value,
      ).toBeLessThan(BOUND_MS);
    }
  });

  it("the mirror cookie: a Cookie header of Node's 16 KB header limit, and its values", () => {
    const units = ['optout_state=', 'optout_state="', '1:', '1:choice:', '0:gpc:1', ' ;', '"', '=;'];
    for (const header of attacks(16 * 1024, units)) {
      expect(
        elapsed(() => cookieValues(header, 'optout_state').map(parseMirror)),
        header.slice(0, 40),
      ).toBeLessThan(BOUND_MS);
      expect(
        elapsed(() => parseMirror(header)),
        header.slice(0, 40),
      ).toBeLessThan(BOUND_MS);
    }
  });
});
