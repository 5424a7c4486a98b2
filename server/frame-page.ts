// Renders the frame document: the right state in the first HTML, a working no-JS form, then Lit.
import { serializeBoot, BOOT_ELEMENT_ID } from '../widget/shared/boot.js';
import type { DefaultState, OptOutState } from '../widget/shared/choice.js';
import type { Language } from '../widget/shared/i18n/index.js';
import { toggleStyles } from '../widget/shared/optout-toggle.styles.js';
import { themeStyles } from '../widget/shared/theme.styles.js';
import type { FrameAssets } from './assets.js';
import type { FrameParams } from '../widget/shared/frame-params.js';
import { escapeHtml } from './html.js';
import { minifyCss } from './minify-css.js';

export interface FramePageInput {
  readonly state: OptOutState;
  readonly language: Language;
  readonly params: FrameParams;
  readonly assets: FrameAssets;
  /** Per-response CSP nonce for the inline `<style>`. */
  readonly nonce: string;
  /** Where the no-JS form posts: `/optout` plus the request's own query string. */
  readonly formAction: string;
  readonly cookieName: string;
  readonly defaultState: DefaultState;
  /**
   * The browser came back from the no-JS form without the cookie it was just given: it keeps
   * nothing for this host, so the page explains that instead of offering a toggle.
   */
  readonly cookieRefused?: boolean;
  /** Origins whose messages the frame answers (`OPTOUT_ALLOWED_ORIGINS`). */
  readonly allowedOrigins: readonly string[];
}

/** The toggle's styles for the no-JS view, minified once at start-up. */
const inlineStyles = minifyCss(toggleStyles);

/**
 * The theming parameters as custom properties, after the theme's defaults so they win. The
 * values passed strict patterns (hex colour, number + unit, quoted or bare family names), so
 * none can leave its declaration; the `<` check is a last line against closing `</style>`.
 */
export function themeOverrideCss(params: FrameParams): string {
  const vars = [
    ['--optout-font-color', params.fontColor],
    ['--optout-background-color', params.backgroundColor],
    ['--optout-font-size', params.fontSize],
    ['--optout-font-family', params.fontFamily],
  ]
    .filter((pair): pair is [string, string] => pair[1] !== undefined && !pair[1].includes('<'))
    .map(([name, value]) => `${name}:${value};`)
    .join('');
  return vars ? `:root[data-theme]{${vars}}` : '';
}

/** The same control the element renders: the toggle button, or a note where a toggle would not work. */
function renderControl({ state, language, cookieRefused }: FramePageInput): string {
  const t = language.texts;
  // Under GPC there is nothing to toggle: the browser's signal is the opt-out.
  if (state.reason === 'gpc') return `<p class="note">${escapeHtml(t.gpcHonoured)}</p>`;
  // Asking for storage access needs JavaScript, so the no-JS page can only explain.
  if (cookieRefused) return `<p class="note">${escapeHtml(t.storageBlocked)}</p>`;
  return `<input type="hidden" name="optedOut" value="${state.optedOut ? '0' : '1'}"><button type="submit">${escapeHtml(
    state.optedOut ? t.optInButton : t.optOutButton,
  )}</button>`;
}

export function renderFramePage(input: FramePageInput): string {
  const { state, language, params, assets, nonce } = input;
  const t = language.texts;
  const boot = serializeBoot({
    cookieName: input.cookieName,
    defaultState: input.defaultState,
    state,
    allowedOrigins: input.allowedOrigins,
    texts: t,
  });
  const attrs = [
    state.optedOut ? ' opted-out' : '',
    ` reason="${state.reason}"`,
    params.showIntro ? ' show-intro' : '',
    input.cookieRefused ? ' storage-blocked' : '',
  ].join('');
  return `<!doctype html>
<html lang="${escapeHtml(language.tag)}" dir="${language.dir}" data-theme="${params.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style nonce="${nonce}">${themeStyles}${themeOverrideCss(params)}${inlineStyles}</style>
<script type="module" src="${escapeHtml(assets.frameScript)}"></script>
</head>
<body>
<optout-toggle${attrs}><form class="optout" method="post" action="${escapeHtml(input.formAction)}">${
    params.showIntro ? `<p class="intro">${escapeHtml(t.intro)}</p>` : ''
  }<p class="status" role="status">${escapeHtml(state.optedOut ? t.optedOut : t.optedIn)}</p>${renderControl(input)}</form></optout-toggle>
<script type="application/json" id="${BOOT_ELEMENT_ID}">${boot}</script>
</body>
</html>
`;
}
