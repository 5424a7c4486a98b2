// The CSS minifier keeps meaning: strings, descendant pseudo-classes and values survive; only ignorable bytes go.
import { describe, expect, it } from 'vitest';
import { toggleStyles } from './optout-toggle.styles.js';
import { minifyCss } from './minify-css.js';

describe('minifyCss', () => {
  it('drops comments and ignorable whitespace', () => {
    expect(minifyCss('/* a */\n.a ,  .b > p {\n  margin : 0 0 0.5em ;\n  width: 10.5px;\n}\n')).toBe(
      '.a,.b>p{margin :0 0 .5em;width:10.5px}',
    );
  });

  it('keeps quoted strings and the space before a descendant pseudo-class', () => {
    expect(minifyCss('.a :hover { font-family: \'Segoe  UI\' , x; content: "a ; b" }')).toBe(
      '.a :hover{font-family:\'Segoe  UI\',x;content:"a ; b"}',
    );
  });

  it('shrinks the toggle styles and keeps every declaration', () => {
    const min = minifyCss(toggleStyles);
    expect(min.length).toBeLessThan(toggleStyles.length * 0.9);
    const declarations = (css: string) =>
      css
        .replace(/\s+/g, '')
        .split(/[;{}]/)
        .filter((d) => d.includes(':') && !d.startsWith('.')).length;
    expect(declarations(min)).toBe(declarations(toggleStyles));
    expect(min).toContain("font-family:var(--optout-font-family,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif)");
  });
});
