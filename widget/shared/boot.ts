// What the host hands the frame and bridge scripts in their first HTML, and how they read it back safely.
import type { DefaultState, OptOutState } from './choice.js';
import type { FrameTexts } from './i18n/texts.js';

/** What both the frame and the bridge need to keep and tell the state. */
export interface MessagingBoot {
  readonly cookieName: string;
  readonly defaultState: DefaultState;
  /** The state the host worked out for this request (cookie, `Sec-GPC`, default). */
  readonly state: OptOutState;
  /** `OPTOUT_ALLOWED_ORIGINS`: the origins that get answers to messages; empty = any. */
  readonly allowedOrigins: readonly string[];
}

/** Embedded by the host as `<script type="application/json" id="optout-boot">` in the frame. */
export interface FrameBoot extends MessagingBoot {
  readonly texts: FrameTexts;
}

export const BOOT_ELEMENT_ID = 'optout-boot';

/** Serialises boot data (or any JSON data for a page) so that it cannot close its `<script>` element or open a comment. */
export function serializeBoot(boot: MessagingBoot | FrameBoot | object): string {
  return JSON.stringify(boot).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Reads boot data from the document; throws when the host did not embed it. */
export function readBoot<Boot extends MessagingBoot = FrameBoot>(doc: Document): Boot {
  const text = doc.getElementById(BOOT_ELEMENT_ID)?.textContent;
  if (!text) throw new Error('optout-frame: boot data missing from the frame document');
  return JSON.parse(text) as Boot;
}
