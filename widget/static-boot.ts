// The static export's boot: what a static frame or bridge knows at build time, and the state worked out in the browser.
import { BOOT_ELEMENT_ID, serializeBoot, type FrameBoot, type MessagingBoot } from './boot.js';
import type { DefaultState, OptOutState } from './choice.js';
import { openFrameChoice } from './frame-choice.js';
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
}

export const STATIC_CONFIG_ELEMENT_ID = 'optout-static';

export function readStaticConfig<Config extends StaticConfig>(doc: Document): Config {
  const text = doc.getElementById(STATIC_CONFIG_ELEMENT_ID)?.textContent;
  if (!text) throw new Error('optout-frame: static configuration missing from the document');
  return JSON.parse(text) as Config;
}

/** The state from the browser's own layers (cookie, frame storage, GPC), as the host would have rendered it. */
export function browserState(win: Window, config: StaticConfig): OptOutState {
  const unknown: OptOutState = { optedOut: config.defaultState === 'out', reason: 'default' };
  return openFrameChoice(win, { ...config, state: unknown }).state;
}

/** Writes the boot the frame or bridge script reads, exactly as the host would have embedded it. */
export function writeBoot(doc: Document, boot: MessagingBoot | FrameBoot): void {
  let element = doc.getElementById(BOOT_ELEMENT_ID);
  if (!element) {
    element = doc.createElement('script');
    element.id = BOOT_ELEMENT_ID;
    element.setAttribute('type', 'application/json');
    doc.body.append(element);
  }
  element.textContent = serializeBoot(boot);
}
