// The toggle's CSS as plain text: the host inlines it in the frame document (the no-JS view), and the element copies that style into its shadow root.

/**
 * Theming goes through these custom properties (set by the frame's query parameters or by
 * a page that hosts the element directly):
 * - `--optout-font-color`, `--optout-background-color`
 * - `--optout-font-size`, `--optout-font-family`
 * - `--optout-accent-color` (button border and focus ring; the font colour by default)
 *
 * The rules are written against classes, not `:host`, so the same text styles both the
 * shadow DOM and the server-rendered fallback; the two look identical, so there is no flash.
 */
export const toggleStyles = `
.optout {
  display: block;
  margin: 0;
  padding: 0.25em 0;
  color: var(--optout-font-color, CanvasText);
  background: var(--optout-background-color, transparent);
  font-family: var(--optout-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  font-size: var(--optout-font-size, 16px);
  line-height: 1.5;
}
.optout p { margin: 0 0 0.5em; }
.optout .status { font-weight: 600; }
.optout .note { font-size: 0.9375em; }
.optout button {
  font: inherit;
  color: inherit;
  background: transparent;
  border: 2px solid var(--optout-accent-color, currentColor);
  border-radius: 0.375em;
  padding: 0.375em 0.875em;
  cursor: pointer;
  min-height: 44px;
}
.optout button:hover { background: color-mix(in srgb, currentColor 8%, transparent); }
.optout button:focus-visible { outline: 3px solid var(--optout-accent-color, currentColor); outline-offset: 2px; }
`;
