// Test support: fast-check arbitraries for hostile text — injection payloads, control characters, huge and odd strings.
import fc from 'fast-check';

/** Each tries to leave its context: an HTML text node, an attribute, a `<style>` or a `<script>`. */
export const INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</style><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<!--<script>',
  'red;}</style><style>body{background:url(//evil.example)}',
  '"onmouseover="alert(1)"x="',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src=//evil.example>',
] as const;

/** Strings that are odd rather than malicious: they look like markup, numbers, prototypes, encodings. */
const ODDITIES = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '%3Cscript%3E',
  '&lt;b&gt;',
  '\u2028\u2029',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '0',
  '1',
  '01',
  '1 ',
  ' 1',
  '-1',
  'NaN',
  'true',
  '#fff',
  '16px',
  'en',
  'auto',
  'x'.repeat(5000),
] as const;

/** Any text: an injection, an oddity, arbitrary Unicode, or an injection inside arbitrary text. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...ODDITIES),
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 8 })).map((parts) => parts.join('')),
);

/** Characters Node lets a client put in a header value (visible ASCII, space, tab, obs-text). */
const headerChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('\t', '\u00e9', '\u00ff', '\u0080'),
);

/** A header value an attacker can send: anything Node's client accepts, injections included. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...ODDITIES.filter((value) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value))),
  fc.string({ unit: headerChar, maxLength: 80 }),
);

/** True when `text` would open or close markup if placed raw into HTML. */
export function hasMarkup(text: string): boolean {
  return /<[A-Za-z/!?]|["']\s*>/.test(text);
}
