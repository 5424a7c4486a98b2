// What the host hands the frame script in its first HTML, and how the frame reads it back safely.
import type { DefaultState } from './choice.js';
import type { FrameTexts } from './i18n/texts.js';

/** Embedded by the host as `<script type="application/json" id="optout-boot">`. */
export interface FrameBoot {
  readonly cookieName: string;
  readonly defaultState: DefaultState;
  /** The host saw `Sec-GPC: 1`; the frame script also checks `navigator.globalPrivacyControl`. */
  readonly gpc: boolean;
  readonly texts: FrameTexts;
}

export const BOOT_ELEMENT_ID = 'optout-boot';

/** Serialises boot data so that it cannot close its `<script>` element or open a comment. */
export function serializeBoot(boot: FrameBoot): string {
  return JSON.stringify(boot).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Reads boot data from the document; throws when the host did not embed it. */
export function readBoot(doc: Document): FrameBoot {
  const text = doc.getElementById(BOOT_ELEMENT_ID)?.textContent;
  if (!text) throw new Error('optout-frame: boot data missing from the frame document');
  return JSON.parse(text) as FrameBoot;
}
