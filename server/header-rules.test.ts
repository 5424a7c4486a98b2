// hashSource, the one CSP hash rule for the host's inline parts and the static export's frame style.
import { describe, expect, it } from 'vitest';
import { hashSource } from './header-rules.js';

describe('hashSource', () => {
  it("gives the CSP spec's own example source", () => {
    // https://www.w3.org/TR/CSP3/#grammardef-hash-source
    expect(hashSource("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });
});
