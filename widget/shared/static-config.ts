// What a static frame or bridge page carries at build time (written by the export, read in the browser).
import type { DefaultState } from './choice.js';
import type { FrameTexts } from './i18n/texts.js';

/** One shipped language in the static export: its tag, direction and where its texts are. */
export interface StaticLanguage {
  readonly tag: string;
  readonly dir: 'ltr' | 'rtl';
  /** URL path of the language's hashed JSON texts, e.g. `/assets/i18n/de-1a2b3c4d.json`; none for the fallback. */
  readonly href?: string;
}

/**
 * Embedded at build time as `<script type="application/json" id="optout-static">`. Its
 * presence is the flag that says no server rendered the state: the page works it out itself.
 */
export interface StaticConfig {
  readonly cookieName: string;
  readonly defaultState: DefaultState;
  readonly allowedOrigins: readonly string[];
}

/** The static frame also carries English (the fallback, no request) and where the other languages are. */
export interface StaticFrameConfig extends StaticConfig {
  readonly fallback: StaticLanguage & { readonly texts: FrameTexts };
  /** Lower-case tag or alias → language. */
  readonly languages: Readonly<Record<string, StaticLanguage>>;
  /** Theming defaults (a site's `theme` in `OPTOUT_CONFIG`), as query values the query string may override. */
  readonly theme?: Readonly<Record<string, string>>;
}

export const STATIC_CONFIG_ELEMENT_ID = 'optout-static';
