// The frame document's colour themes as CSS text: light, dark, and auto (follows prefers-color-scheme).

/** Readable defaults for each theme; both pass WCAG AA (the text is about 15:1 on its background). The builder shows them for empty colour fields. */
export const themeColours = {
  light: { fontColor: '#1f2328', backgroundColor: '#ffffff' },
  dark: { fontColor: '#e8eaed', backgroundColor: '#1b1c1f' },
} as const;

const light = `color-scheme:light;--optout-font-color:${themeColours.light.fontColor};--optout-background-color:${themeColours.light.backgroundColor};`;
const dark = `color-scheme:dark;--optout-font-color:${themeColours.dark.fontColor};--optout-background-color:${themeColours.dark.backgroundColor};`;

/**
 * Keyed by `<html data-theme>`, so the server (attribute in the first HTML) and the static export
 * (attribute set by script) share one stylesheet. The background is opaque in both themes: a
 * dark frame must not show light text over the embedding page's own (light) background.
 * The theming parameters override these values with a later rule of the same specificity.
 */
export const themeStyles =
  `:root[data-theme]{${light}}` +
  `:root[data-theme=dark]{${dark}}` +
  `@media (prefers-color-scheme:dark){:root[data-theme=auto]{${dark}}}` +
  'html,body{margin:0;background:var(--optout-background-color)}' +
  // Text never touches the edge of an opaque frame.
  'body{padding:0.25rem 0.5rem}';
