// Static export's frame entry (/optout/index.html): reads the query and the cookie in the browser, then runs the frame.
import { parseFrameParams, ParamError, type FrameParams } from '../shared/frame-params.js';
import { matchLanguageTag } from '../shared/i18n/match.js';
import type { FrameTexts } from '../shared/i18n/texts.js';
import type { StaticFrameConfig, StaticLanguage } from '../shared/static-config.js';
import { browserState, readStaticConfig, writeBoot } from './static-boot.js';

/** The query as the host's parser expects it: a repeated parameter becomes a list (and is refused). */
function queryOf(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(search)) {
    const earlier = query[name];
    query[name] = earlier === undefined ? value : [earlier, value].flat();
  }
  return query;
}

/** `lang=auto` asks the browser's languages, the client-side twin of `Accept-Language`. */
function pickLanguage(lang: string, config: StaticFrameConfig): StaticLanguage {
  const table = new Map(Object.entries(config.languages));
  const candidates = lang === 'auto' ? navigator.languages : [lang];
  for (const candidate of candidates) {
    const language = matchLanguageTag(candidate, table);
    if (language) return language;
  }
  return config.fallback;
}

/** The language's texts: the fallback (English) is in the page; any other is one small hashed JSON file. */
async function loadTexts(language: StaticLanguage): Promise<FrameTexts | undefined> {
  if (!language.href) return undefined;
  try {
    const response = await fetch(language.href);
    return response.ok ? ((await response.json()) as FrameTexts) : undefined;
  } catch {
    return undefined;
  }
}

/** What the host's 400 page says, in the page itself: a static file cannot answer with a status. */
function showParamError(error: ParamError): void {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = error.message;
  document.body.replaceChildren(message);
}

function applyTheme(root: HTMLElement, params: FrameParams): void {
  root.dataset.theme = params.theme;
  // CSSOM, not a style attribute: the values passed the same strict patterns as on the host.
  const vars: [string, string | undefined][] = [
    ['--optout-font-color', params.fontColor],
    ['--optout-background-color', params.backgroundColor],
    ['--optout-font-size', params.fontSize],
    ['--optout-font-family', params.fontFamily],
  ];
  for (const [name, value] of vars) if (value !== undefined) root.style.setProperty(name, value);
}

async function start(): Promise<void> {
  const config = readStaticConfig<StaticFrameConfig>(document);
  let params: FrameParams;
  try {
    // The site's theming defaults (OPTOUT_CONFIG), under the page's own query, as on the host.
    params = parseFrameParams({ ...config.theme, ...queryOf(location.search) });
  } catch (error) {
    if (error instanceof ParamError) return showParamError(error);
    throw error;
  }
  const root = document.documentElement;
  applyTheme(root, params);
  const picked = pickLanguage(params.lang, config);
  const loaded = await loadTexts(picked);
  // A language whose file cannot be fetched falls back to English, as an unknown one does.
  const [language, texts] = loaded ? [picked, loaded] : [config.fallback, config.fallback.texts];
  root.lang = language.tag;
  root.dir = language.dir;
  document.title = texts.title;

  const state = browserState(window, config);
  const toggle = document.querySelector('optout-toggle');
  toggle?.toggleAttribute('opted-out', state.optedOut);
  toggle?.setAttribute('reason', state.reason);
  toggle?.toggleAttribute('show-intro', params.showIntro);
  writeBoot(document, {
    cookieName: config.cookieName,
    defaultState: config.defaultState,
    allowedOrigins: config.allowedOrigins,
    state,
    texts,
  });
  await import('./frame.js');
}

await start();
