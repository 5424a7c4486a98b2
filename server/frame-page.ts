// Renders the frame document: the right state in the first HTML, a working no-JS form, then Lit.
import { serializeBoot, BOOT_ELEMENT_ID } from '../widget/shared/boot.js';
import { encodeChoice, storageKey, type DefaultState, type OptOutState } from '../widget/shared/choice.js';
import type { Language } from '../widget/shared/i18n/index.js';
import { toggleStyles } from '../widget/shared/optout-toggle.styles.js';
import { themeStyles } from '../widget/shared/theme.styles.js';
import type { FrameAssets } from './assets.js';
import type { FrameParams } from '../widget/shared/frame-params.js';
import { escapeHtml } from './html.js';
import { minifyCss } from '../widget/shared/minify-css.js';

export interface FramePageInput {
  readonly state: OptOutState;
  readonly language: Language;
  readonly params: FrameParams;
  readonly assets: FrameAssets;
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
function themeOverrideCss(params: FrameParams): string {
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

/**
 * Where the browser keeps no cookie for the frame (WebKit blocking third-party cookies), the
 * request says "opted in" for a visitor whose opt-out only the frame's own storage holds. This
 * script runs before first paint and marks the document, so CSS shows the opted-out texts the
 * page also carries; an opt-out in any layer wins, as in `mergeLayers`. Storage may throw.
 */
function firstPaintScript(cookieName: string): string {
  const key = JSON.stringify(storageKey(cookieName)).replaceAll('<', '\\u003c');
  return `try{localStorage.getItem(${key})==="${encodeChoice(true)}"&&document.documentElement.classList.add("stored-out")}catch(e){}`;
}

/** Shows `.out-only` instead of `.in-only` once the first-paint script has found a stored opt-out. */
const storedOutCss = ':root:not(.stored-out) .out-only,.stored-out .in-only{display:none}';

/**
 * The status, and a button that posts its own value. When the visitor's opt-out may be stored
 * only in the frame (`both`), each comes twice, one per state, and CSS shows one.
 */
function renderStatus({ state, language, cookieRefused }: FramePageInput, both: boolean): string {
  const t = language.texts;
  const states = both ? [false, true] : [state.optedOut];
  // Which state an element belongs to, as a class, when there are both.
  const only = (optedOut: boolean) => (both ? (optedOut ? 'out-only' : 'in-only') : '');
  const classes = (...names: string[]) => (names.some(Boolean) ? ` class="${names.filter(Boolean).join(' ')}"` : '');
  const statuses = states
    .map((optedOut) => `<p${classes('status', only(optedOut))} role="status">${escapeHtml(optedOut ? t.optedOut : t.optedIn)}</p>`)
    .join('');
  // Under GPC there is nothing to toggle: the browser's signal is the opt-out.
  if (state.reason === 'gpc') return `${statuses}<p class="note">${escapeHtml(t.gpcHonoured)}</p>`;
  // Asking for storage access needs JavaScript, so the no-JS page can only explain.
  if (cookieRefused) return `${statuses}<p class="note">${escapeHtml(t.storageBlocked)}</p>`;
  const buttons = states.map(
    (optedOut) =>
      `<button type="submit" name="optedOut" value="${encodeChoice(!optedOut)}"${classes(only(optedOut))}>${escapeHtml(
        optedOut ? t.optInButton : t.optOutButton,
      )}</button>`,
  );
  return statuses + buttons.join('');
}

/** The frame document and the inline style and script its CSP must allow (by hash). */
export interface FramePage {
  readonly html: string;
  readonly style: string;
  readonly script?: string;
}

export function renderFramePage(input: FramePageInput): FramePage {
  const { state, language, params, assets } = input;
  const t = language.texts;
  // Only an opted-in answer can be wrong: an opt-out from the request already wins.
  const script = state.optedOut ? undefined : firstPaintScript(input.cookieName);
  const style = `${themeStyles}${themeOverrideCss(params)}${inlineStyles}${script ? storedOutCss : ''}`;
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
  const html = `<!doctype html>
<html lang="${escapeHtml(language.tag)}" dir="${language.dir}" data-theme="${params.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>${style}</style>
${script ? `<script>${script}</script>\n` : ''}<script type="module" src="${escapeHtml(assets.frameScript)}"></script>
</head>
<body>
<optout-toggle${attrs}><form class="optout" method="post" action="${escapeHtml(input.formAction)}">${
    params.showIntro ? `<p class="intro">${escapeHtml(t.intro)}</p>` : ''
  }${renderStatus(input, script !== undefined)}</form></optout-toggle>
<script type="application/json" id="${BOOT_ELEMENT_ID}">${boot}</script>
</body>
</html>
`;
  return script ? { html, style, script } : { html, style };
}
